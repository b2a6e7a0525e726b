import { DISTRICT_CASE_ROLES, Role } from '@fuyi/kernel';

/** Who may open the mediation pages at all; what each sees is narrowed by the file scope (libs/mediation file-access). */
export const MEDIATION_VIEW_ROLES = [Role.TownshipClerk, ...DISTRICT_CASE_ROLES, Role.Mediator, Role.LiaisonOfficer];
/** The centre's own work (coordinator and file mediators are told apart per file) and the office head. */
export const CENTRE_ROLES = [Role.Mediator, Role.OfficeHead];
