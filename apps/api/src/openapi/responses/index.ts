import type { ResponseRegistry } from '../schema';
import { CASE_HEARING_RESPONSES } from './case-hearing';
import { CASE_INTAKE_RESPONSES } from './case-intake';
import { CASE_WORK_RESPONSES } from './case-work';
import { FILES_RESPONSES } from './files';
import { LIAISON_RESPONSES } from './liaison';
import { LIAISON_VIEWS_RESPONSES } from './liaison-views';
import { MEDIATION_RESPONSES } from './mediation';
import { PLATFORM_RESPONSES } from './platform';
import { SECURITY_RESPONSES } from './security';
import { STATISTICS_RESPONSES } from './statistics';

export type { ResponseRegistry } from '../schema';

/** Every operation's success answers (one file per area keeps each readable). */
export const RESPONSES: ResponseRegistry = {
  ...PLATFORM_RESPONSES,
  ...CASE_INTAKE_RESPONSES,
  ...CASE_WORK_RESPONSES,
  ...CASE_HEARING_RESPONSES,
  ...MEDIATION_RESPONSES,
  ...LIAISON_RESPONSES,
  ...LIAISON_VIEWS_RESPONSES,
  ...SECURITY_RESPONSES,
  ...STATISTICS_RESPONSES,
  ...FILES_RESPONSES,
};
