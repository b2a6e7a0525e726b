import type { Type } from '@nestjs/common';
import { GroupDisputesController } from './group-disputes.controller';

// Controllers of group-dispute detection (clusters), registered by AppModule.
export const GROUP_DISPUTE_CONTROLLERS: Type[] = [GroupDisputesController];
