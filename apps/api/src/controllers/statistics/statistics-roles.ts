import { DISTRICT_CASE_ROLES, Role } from '@fuyi/kernel';

/**
 * District-wide figures: the office (clerks, section chiefs, the head) and the court liaison officers. Not township
 * clerks (their scope is their own counter), mediators, administrators or auditors.
 */
export const STATISTICS_READ = [...DISTRICT_CASE_ROLES, Role.LiaisonOfficer];
