import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { idNumberCheckChar, Role, type Actor } from '@fuyi/kernel';
import {
  AcceptanceService, ApprovalRequestService, CaseHandlingService, DecisionService, ParticipationService, RegistrationService, RespondentService, type RegistrationInput,
} from '@fuyi/cases';
import { DocumentService } from '@fuyi/documents';
import { seedDemoClusters } from './demo-clusters';
import { seedDemoLiaison } from './demo-liaison';
import { seedDemoMediation } from './demo-mediation';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建国', '桂兰', '志强'];
const CATEGORIES = ['penalty', 'demolition', 'expropriation', 'public_security', 'info_disclosure', 'licensing', 'inaction', 'social_security', 'coercive', 'other'];
const ACTS: Record<string, string> = {
  penalty: '行政处罚决定', demolition: '限期拆除决定', expropriation: '房屋征收决定', public_security: '治安管理处罚决定', info_disclosure: '政府信息公开答复',
  licensing: '不予行政许可决定', inaction: '未履行法定职责', social_security: '工伤认定决定', coercive: '查封扣押决定', other: '行政行为',
};

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function idNumber(i: number): string {
  const first17 = `110112${1950 + (i % 50)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * About 200 cases spread over the townships, categories and every stage, made through the same services the API
 * uses (so clocks, timeline, audit and documents are all real). Runs once: only when no case exists yet.
 */
export async function seedDemoCases(app: INestApplicationContext, count = 200): Promise<number> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM cases');
  if (n > 0) return 0;
  const users = Object.fromEntries(
    (await ds.query(`SELECT id, username, role, township_id FROM users`)).map((u: any) => [u.username, { userId: u.id, username: u.username, role: u.role as Role, townshipId: u.township_id } as Actor]),
  );
  const townships: Array<{ id: number }> = await ds.query('SELECT id FROM townships ORDER BY id');
  const departments: Array<{ id: number }> = await ds.query('SELECT id FROM departments ORDER BY id');
  const registration = app.get(RegistrationService);
  const acceptance = app.get(AcceptanceService);
  const handling = app.get(CaseHandlingService);
  const respondent = app.get(RespondentService);
  const decisions = app.get(DecisionService);
  const participation = app.get(ParticipationService);
  const requests = app.get(ApprovalRequestService);
  const documents = app.get(DocumentService);
  const clerk = users.clerk;
  const head = users.head;
  const handlers = [users.clerk, users.clerk2, users.chief].filter(Boolean);

  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length];
    const townshipId = townships[i % townships.length].id;
    // Fresh applications were received in the last days; the rest one to three months ago.
    const receivedDaysAgo = i < 25 ? (i % 3) : 20 + (i % 70);
    const received = day(receivedDaysAgo);
    // Two applications awaiting review came in long after the 60-day period (ARL 20): the queue flags them.
    const knownDaysBefore = i === 7 || i === 17 ? 200 : 10;
    const input: RegistrationInput = {
      applicants: [{ kind: 'person', name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`, idNumber: idNumber(i), phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`, address: `北京市通州区${i % 40 + 1}号院${i % 9 + 1}号楼` }],
      respondentDepartmentId: departments[(i * 5) % departments.length].id,
      category,
      act: { type: ACTS[category], documentNumber: `京通〔2026〕第${100 + i}号`, date: iso(day(receivedDaysAgo + knownDaysBefore + 10)), knownDate: iso(day(receivedDaysAgo + knownDaysBefore)) },
      requests: `请求撤销被申请人作出的${ACTS[category]}`,
      factsReasons: '被申请人认定事实不清、证据不足，适用法律错误，程序违法。',
      channel: (['counter', 'oral', 'post', 'online'] as const)[i % 4],
      receivedAt: received.toISOString(),
      townshipId,
      materials: [{ name: '行政复议申请书', copies: 1 }, { name: '身份证明复印件', copies: 1 }],
    };
    const counterClerk = { ...clerk, role: Role.ReconsiderationClerk } as Actor;
    await ds.transaction(async (m) => {
      const reg = await registration.register(m, counterClerk, input);
      await documents.issueFromCase(m, clerk, reg.caseId, 'receipt').catch(() => undefined);
      await advance(m, i, reg.caseId, { acceptance, handling, respondent, decisions, participation, requests, documents, clerk, head, handler: handlers[i % handlers.length] });
    });
  }
  await seedDemoClusters(app);
  await seedDemoLiaison(app);
  await seedDemoMediation(app);
  return count;
}

interface Services {
  acceptance: AcceptanceService;
  handling: CaseHandlingService;
  respondent: RespondentService;
  decisions: DecisionService;
  participation: ParticipationService;
  requests: ApprovalRequestService;
  documents: DocumentService;
  clerk: Actor;
  head: Actor;
  handler: Actor;
}

/** Moves case i to its stage: 0-19 awaiting review, then correction, refusal, hearing, suspension, decision, service, closure. */
async function advance(m: EntityManager, i: number, caseId: string, s: Services): Promise<void> {
  const today = iso(new Date());
  // Documents come from the record (issue #12 item 5), issued by whoever owns the step: the accepting clerk until the
  // case is assigned, then its handler; a termination decision by the office head.
  const doc = (type: Parameters<DocumentService['issueFromCase']>[3], by: Actor = s.clerk, extra = {}) => s.documents.issueFromCase(m, by, caseId, type, extra);
  if (i < 20) return;
  // A correction notice or a refusal is only lawful within the review period (ARL 30, 31): the paper decision was
  // made on the day of receipt and is entered now with its date (issue 12 item 13).
  const [{ received }] = await m.query(`SELECT (receipt_at AT TIME ZONE 'Asia/Shanghai')::date::text AS received FROM cases WHERE id = $1`, [caseId]);
  if (i < 30) {
    await s.acceptance.decide(m, s.clerk, caseId, { outcome: 'request_correction', version: 1, items: ['缺少行政行为的书面决定', '申请书未签名'], decidedOn: received });
    await doc('correction-notice');
    return;
  }
  if (i < 40) {
    await s.acceptance.decide(m, s.clerk, caseId, { outcome: 'refuse', version: 1, reason: '不属于本机关受理范围', competentBody: '北京市人民政府', decidedOn: received });
    await doc('refusal-decision');
    return;
  }
  const simplified = i % 5 === 0;
  await s.acceptance.decide(m, s.clerk, caseId, simplified ? { outcome: 'accept', version: 1, procedure: 'simplified', simplifiedReason: '罚款数额不超过3000元' } : { outcome: 'accept', version: 1, procedure: 'ordinary' });
  await doc('acceptance-notice');
  let v = (await s.handling.assign(m, { ...s.head, role: Role.OfficeHead }, caseId, 2, s.handler.userId)).version;
  if (i % 3 !== 0) {
    v = (await s.respondent.copySent(m, s.handler, caseId, { version: v, sentOn: today, method: 'post', receivedOn: today })).version;
    await doc('reply-notice', s.handler);
  }
  if (i >= 100 && i < 110) {
    await s.handling.suspend(m, s.handler, caseId, { version: v, ground: i % 2 ? 6 : 5, from: today, consent: { applicant: true, respondent: true }, reason: '双方同意调解' });
    await doc('suspension-notice', s.handler);
    return;
  }
  if (i >= 110 && i < 120 && i % 2 === 0) {
    // Heard the parties today, with who attended: the respondent's head took part in some sessions, staff in the others (issue 12 item 12).
    const { hearingId, version } = await s.participation.schedule(m, s.handler, caseId, { version: v, kind: 'listening', heldOn: today, place: '区司法局行政复议听证室' });
    const [applicant] = await m.query(`SELECT id FROM case_parties WHERE case_id = $1 AND role = 'applicant'`, [caseId]);
    const headAttended = i % 4 === 0;
    v = (await s.participation.recordMinutes(m, s.handler, caseId, hearingId, {
      version, minutes: '听取了申请人和被申请人的意见，双方对争议事实各自作了陈述。',
      attendance: {
        parties: [{ partyId: applicant.id, status: i % 3 === 0 ? 'represented' : 'attended', ...(i % 3 === 0 ? { representedBy: '北京市某律师事务所律师' } : {}) }],
        respondent: headAttended ? { status: 'attended', headAttended: true, headName: '副局长' } : { status: 'attended', headAttended: false },
      },
    })).version;
  }
  if (i < 120) return; // under review
  if (i >= 180 && i < 190) {
    v = (await s.requests.requestTermination(m, s.handler, caseId, { version: v, ground: 1, reason: '申请人撤回行政复议申请，经审查准予撤回' })).version;
    await s.decisions.terminate(m, s.head, caseId, { version: v });
    await doc('termination-decision', s.head);
    return;
  }
  if (i >= 190) {
    await doc('mediation-document', s.handler, { items: ['被申请人撤销原行政行为', '申请人撤回行政复议申请'] }); // the draft the parties sign
    await s.decisions.concludeMediation(m, s.head, caseId, { version: v, signedByAll: true, summary: '被申请人自行纠正，双方签署调解书' });
    return;
  }
  // ARL 49: the parties are heard before the decision.
  const { hearingId } = await s.participation.schedule(m, s.handler, caseId, { version: v, kind: 'listening', heldOn: today, place: '区行政复议接待室' });
  v = (await s.participation.recordMinutes(m, s.handler, caseId, hearingId, { version: v + 1, minutes: '申请人、被申请人分别陈述了意见。' })).version;
  const types = ['uphold', 'revoke', 'confirm_illegal', 'change', 'reject_request', 'order_performance'] as const;
  v = (await s.decisions.submit(m, s.handler, caseId, { version: v, type: types[i % types.length], summary: '经审理，本机关认为：被申请人作出的行政行为认定事实清楚，现决定如下。' })).version;
  if (i < 135) return; // awaiting the office head
  v = (await s.decisions.approve(m, s.head, caseId, v)).version;
  await doc('decision', s.handler);
  if (i < 150) return; // decided, not yet served
  const [applicant] = await m.query(`SELECT id FROM case_parties WHERE case_id = $1 AND role = 'applicant'`, [caseId]);
  await s.decisions.recordService(m, s.handler, caseId, { version: v, partyId: applicant.id, method: 'direct', servedOn: today });
}
