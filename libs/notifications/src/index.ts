import { DeliveryEntity } from './delivery.entity';

export * from './delivery.entity';
export const NOTIFICATIONS_ENTITIES = [DeliveryEntity];
