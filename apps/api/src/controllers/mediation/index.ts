import type { Type } from '@nestjs/common';
import { MediationFilesController } from './mediation-files.controller';
import { MediationWorkController } from './mediation-work.controller';

// Controllers of the mediation workflow, registered by AppModule.
export const MEDIATION_CONTROLLERS: Type[] = [MediationFilesController, MediationWorkController];
