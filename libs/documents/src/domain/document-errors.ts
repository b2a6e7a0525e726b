import { DomainError } from '@fuyi/kernel';

export const DocumentErrors = {
  dataMissing: (missing: string[]) =>
    new DomainError('DOCUMENT_DATA_MISSING', `文书缺少以下内容，不能生成：${missing.join('、')}`, 'invalid', {
      missing,
      fields: missing.map((field) => ({ field: `data.${field}`, message: '必填' })),
    }),
  dataInvalid: (field: string, message: string) =>
    new DomainError('DOCUMENT_DATA_INVALID', message, 'invalid', { fields: [{ field: `data.${field}`, message }] }),
  /** The stored placeholder values must never hold ID numbers or phone numbers (PIPL). */
  personalData: (field: string) =>
    new DomainError('DOCUMENT_DATA_PERSONAL', '文书数据中不得包含身份证号码或电话号码', 'invalid', {
      fields: [{ field: `data.${field}`, message: '不得包含身份证号码或电话号码' }],
    }),
  unknownType: (type: string) =>
    new DomainError('DOCUMENT_TYPE_UNKNOWN', '文书类型不存在', 'invalid', { fields: [{ field: 'type', message: `未知的文书类型：${type}` }] }),
  templateInvalid: (type: string, problem: string) =>
    new DomainError('DOCUMENT_TEMPLATE_INVALID', `文书模板 ${type} 有误：${problem}`, 'unavailable'),
  notFound: () => new DomainError('DOCUMENT_NOT_FOUND', '文书不存在或无权查看', 'not_found'),
  caseNotFound: () => new DomainError('CASE_NOT_FOUND', '案件不存在或无权查看', 'not_found'),
  integrity: () => new DomainError('DOCUMENT_INTEGRITY', '文书文件校验失败，请联系管理员', 'unavailable'),
};
