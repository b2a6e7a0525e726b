import type { Type } from '@nestjs/common';

// Controllers of the mediation workflow, registered by AppModule.
export const MEDIATION_CONTROLLERS: Type[] = [];
