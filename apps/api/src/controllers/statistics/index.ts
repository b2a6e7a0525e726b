import { PublicDecisionsController } from './public-decisions.controller';
import { StatisticsController } from './statistics.controller';

export const STATISTICS_CONTROLLERS = [StatisticsController, PublicDecisionsController];
