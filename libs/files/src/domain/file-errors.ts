import { DomainError } from '@fuyi/kernel';

const mb = (bytes: number) => `${Math.floor(bytes / 1_048_576)} MB`;

/** Stable codes, Chinese messages; apps/api maps the kinds to 400/404/413/415/409. */
export const FileErrors = {
  notFound: () => new DomainError('FILE_NOT_FOUND', '文件不存在或不在本人数据范围内', 'not_found'),
  tooLarge: (limit: number) => new DomainError('FILE_TOO_LARGE', `单个文件不得超过 ${mb(limit)}`, 'too_large', { limit }),
  ownerFull: (limit: number) =>
    new DomainError('FILE_OWNER_QUOTA_EXCEEDED', `本案（或本卷）材料合计不得超过 ${mb(limit)}`, 'too_large', { limit }),
  typeNotAllowed: () =>
    new DomainError('FILE_TYPE_NOT_ALLOWED', '只接受 PDF、JPEG、PNG、OFD、Word（.docx）和 Excel（.xlsx）文件（按文件内容识别，不看扩展名）', 'unsupported_type'),
  noFile: () => new DomainError('FILE_MISSING', '请选择要上传的文件', 'invalid', { fields: [{ field: 'file', message: '请选择要上传的文件' }] }),
  invalid: (field: string, message: string) => new DomainError('FILE_INVALID_INPUT', message, 'invalid', { fields: [{ field, message }] }),
  quarantined: () => new DomainError('FILE_QUARANTINED', '该文件未通过病毒扫描，已隔离，不能下载', 'conflict'),
  notScanned: () => new DomainError('FILE_NOT_SCANNED', '该文件尚未完成病毒扫描，暂不能下载', 'conflict'),
  rangeNotSatisfiable: (size: number) => new DomainError('FILE_RANGE_NOT_SATISFIABLE', '请求的字节范围超出文件大小', 'range_not_satisfiable', { size }),
  versionElsewhere: () =>
    new DomainError('DOCUMENT_VERSION_ELSEWHERE', '该文书属于调解或联络工作，其签章版请在相应卷宗中办理', 'forbidden'),
  /** Behind the routes' role guards (a second line): a role that reads the owner but does not keep it. */
  forbidden: () => new DomainError('FILE_ADD_FORBIDDEN', '当前角色无权为该事项上传材料', 'forbidden'),
  scanUnavailable: () => new DomainError('FILE_SCAN_UNAVAILABLE', '病毒扫描服务暂不可用，请稍后再试', 'unavailable'),
};
