import { DomainError } from '@fuyi/kernel';

export const CaseErrors = {
  notFound: () => new DomainError('CASE_NOT_FOUND', '案件不存在或无权查看', 'not_found'),
  versionConflict: (expected: number, actual: number) =>
    new DomainError('CASE_VERSION_CONFLICT', '案件已被他人修改，请刷新后重新操作', 'conflict', { expectedVersion: expected, currentVersion: actual }),
  unknownRespondent: () =>
    new DomainError('CASE_UNKNOWN_RESPONDENT', '被申请人不存在', 'invalid', { fields: [{ field: 'respondentDepartmentId', message: '被申请人不存在' }] }),
  unknownTownship: () =>
    new DomainError('CASE_UNKNOWN_TOWNSHIP', '街乡镇不存在', 'invalid', { fields: [{ field: 'townshipId', message: '街乡镇不存在' }] }),
  invalid: (field: string, message: string) => new DomainError('CASE_INVALID_INPUT', message, 'invalid', { fields: [{ field, message }] }),
  statusLookupFailed: () => new DomainError('CASE_STATUS_NOT_FOUND', '案件编号或查询码不正确', 'not_found'),
};
