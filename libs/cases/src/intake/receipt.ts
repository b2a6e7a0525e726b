import { shanghaiDateTime } from '@fuyi/kernel';
import type { Receipt } from './registration.types';

interface ReceiptFacts {
  caseNumber: string;
  queryCode: string;
  receiptAt: Date;
  office: string | null;
  applicants: string[];
  respondent: string;
  materials: Array<{ name: string; copies: number }>;
  acceptanceDue: string;
}


/** 接收材料回执: what the counter prints for the applicant. */
export function buildReceipt(f: ReceiptFacts): Receipt {
  return {
    title: '行政复议申请材料接收回执',
    caseNumber: f.caseNumber,
    queryCode: f.queryCode,
    receivedAt: shanghaiDateTime(f.receiptAt),
    receivingOffice: f.office ? `${f.office}行政复议接待咨询分中心` : '区行政复议机构',
    applicants: f.applicants,
    respondent: f.respondent,
    materials: f.materials,
    acceptanceDue: f.acceptanceDue,
    notice: `本机关已收到您的行政复议申请材料。行政复议机构将在${f.acceptanceDue}前（5个工作日内）进行审查并作出是否受理的决定（《行政复议法》第三十条）。您可凭案件编号和查询码查询办理进度，请妥善保管查询码。`,
  };
}
