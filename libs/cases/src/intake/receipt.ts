import type { Receipt } from './registration.types';
import type { LateApplication } from '../domain/application-period.view';

interface ReceiptFacts {
  caseNumber: string;
  queryCode: string;
  receiptAt: Date;
  office: string | null;
  applicants: string[];
  respondent: string;
  materials: Array<{ name: string; copies: number }>;
  acceptanceDue: string;
  lateApplication: LateApplication | null;
}


/** 接收材料回执: what the counter prints for the applicant. */
export function buildReceipt(f: ReceiptFacts): Receipt {
  return {
    title: '行政复议申请材料接收回执',
    caseNumber: f.caseNumber,
    queryCode: f.queryCode,
    receivedAt: f.receiptAt.toISOString(),
    receivingOffice: f.office ? `${f.office}行政复议接待咨询分中心` : '区行政复议机构',
    applicants: f.applicants,
    respondent: f.respondent,
    materials: f.materials,
    acceptanceDue: f.acceptanceDue,
    notice: `本机关已收到您的行政复议申请材料。行政复议机构将在${f.acceptanceDue}前（5个工作日内）进行审查并作出是否受理的决定（《行政复议法》第三十条）。您可凭案件编号和查询码查询办理进度，请妥善保管查询码。`,
    lateApplication: f.lateApplication ? { ...f.lateApplication, notice: lateNotice(f.lateApplication) } : null,
  };
}

/** What the applicant is told at the counter: the application is received, not refused; what may still count. */
function lateNotice(l: LateApplication): string {
  const over = l.late ? `经初步核对，您的申请已超过法定申请期限（${l.due}届满）${l.daysOver}日。` : '';
  const cap = l.absoluteLimit?.exceeded ? `经初步核对，您申请复议的行政行为作出于${l.absoluteLimit.actDate}，已超过《行政复议法》第二十一条规定的期限。` : '';
  return `${over}${cap}本回执仅证明收到申请材料，是否受理由行政复议机构审查决定。如因不可抗力或者其他正当理由耽误期限，或者行政机关作出行政行为时未告知申请行政复议的权利和期限，请在受理审查期间向行政复议机构说明并提供证明材料（《行政复议法》第二十条）。`;
}
