// Statutory clock engine: plain TypeScript, no framework, no database (domain.md §4-5).
export * from './rules';
export * from './citation';
export { DeadlineErrorCode } from './errors';
export * from './working-calendar';
export { remainingWorkingDays } from './remaining-working-days';
export type { SuspensionInput } from './suspensions';
export { computeDeadline, computeWithRule } from './compute-deadline';
export type { ComputeOptions, DeadlineInput, DeadlineResult } from './compute-deadline';
export { packagedCalendar, packagedCalendarDays, PACKAGED_FIRST_YEAR } from './packaged-calendar';
export { parseDeadlineArgs, formatDeadlineJson, DEADLINE_CLI_USAGE } from './cli-args';
