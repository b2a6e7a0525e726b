import type { Type } from '@nestjs/common';
import { CopyReportsController } from './copy-reports.controller';
import { LawsuitsController } from './lawsuits.controller';
import { LettersController } from './letters.controller';
import { LiaisonViewController } from './liaison-view.controller';
import { RiskNoticesController } from './risk-notices.controller';

// Controllers of the liaison workflow, registered by AppModule.
export const LIAISON_CONTROLLERS: Type[] = [RiskNoticesController, LettersController, LawsuitsController, LiaisonViewController, CopyReportsController];
