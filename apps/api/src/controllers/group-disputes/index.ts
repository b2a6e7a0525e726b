import type { Type } from '@nestjs/common';

// Controllers of group-dispute detection (clusters), registered by AppModule.
export const GROUP_DISPUTE_CONTROLLERS: Type[] = [];
