import { DISTRICT_CASE_ROLES, Role } from '@fuyi/kernel';

/** Liaison officers draft, send and record; the office head approves; district case roles may read. */
export const LIAISON_WRITE = [Role.LiaisonOfficer] as const;
export const LIAISON_APPROVE = [Role.OfficeHead] as const;
export const LIAISON_READ = [Role.LiaisonOfficer, ...DISTRICT_CASE_ROLES];
