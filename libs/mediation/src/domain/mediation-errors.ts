import { DomainError } from '@fuyi/kernel';

export const MediationErrors = {
  notFound: () => new DomainError('MEDIATION_NOT_FOUND', '调解案件不存在或无权查看', 'not_found'),
  versionConflict: (expected: number, actual: number) =>
    new DomainError('MEDIATION_VERSION_CONFLICT', '调解案件已被他人修改，请刷新后重新操作', 'conflict', { expectedVersion: expected, currentVersion: actual }),
  profileVersionConflict: (expected: number, actual: number) =>
    new DomainError('MEDIATION_VERSION_CONFLICT', '调解员信息已被他人修改，请刷新后重新操作', 'conflict', { expectedVersion: expected, currentVersion: actual }),
  invalid: (field: string, message: string) => new DomainError('MEDIATION_INVALID_INPUT', message, 'invalid', { fields: [{ field, message }] }),
  conflictOfInterest: (reason: string) =>
    new DomainError('MEDIATION_CONFLICT_OF_INTEREST', reason === 'party' ? '该调解员与本案当事人存在关联，应当回避' : '该调解员与被申请人存在关联，应当回避', 'conflict', { reason }),
  caseState: (message: string, state: string) => new DomainError('MEDIATION_CASE_STATE', message, 'conflict', { caseState: state }),
};
