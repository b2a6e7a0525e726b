import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, TimeSource } from '@fuyi/platform';
import { Notifier } from '@fuyi/notifications';
import { CalendarService } from '@fuyi/clocks';
import { DocumentService } from '@fuyi/documents';
import { DecisionEffectHooks } from '@fuyi/cases';
import { CopyReportService, LawsuitDefenceService, LawsuitService, LetterService, LiaisonDueDates, LiaisonNotifier, RiskNoticeService } from '@fuyi/liaison';

/**
 * Court liaison demo data (issue #6 item 6): three risk notices (awaiting approval, sent and half answered, closed),
 * an opinion letter from a revoked case with its 60-day feedback clock running, a suggestion letter, and a lawsuit
 * against an upheld decision (co-defendant, head in court), and two suits without a case (行政应诉: the district
 * government's expropriation decision with its defence period running, a department's with the head in court). Made through the real services; the seed module does
 * not load the liaison module, so the services are built here from the providers it has. Runs with the demo cases.
 */
export async function seedDemoLiaison(app: INestApplicationContext): Promise<void> {
  const ds = app.get(DataSource);
  const users = Object.fromEntries((await ds.query(`SELECT id, username, role FROM users WHERE username IN ('liaison', 'head')`))
    .map((u: any) => [u.username, { userId: u.id, username: u.username, role: u.role as Role, townshipId: null } as Actor]));
  const liaison = users.liaison;
  const head = users.head;
  if (!liaison || !head) return;
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM liaison_risk_notices');
  if (n > 0) return;
  const audit = app.get(AuditService);
  const documents = app.get(DocumentService);
  const time = app.get(TimeSource);
  const dues = new LiaisonDueDates(app.get(CalendarService), app.get(APP_CONFIG), audit);
  const notifier = new LiaisonNotifier(app.get(Notifier)); // the head's inbox: what awaits approval (the seed sends nothing out)
  const notices = new RiskNoticeService(audit, documents, dues, time, notifier);
  const copies = new CopyReportService(ds, audit, documents, time, app.get(DecisionEffectHooks));
  const letters = new LetterService(audit, documents, dues, time, notifier, copies);
  const lawsuits = new LawsuitService(audit, time);
  const defences = new LawsuitDefenceService(audit, time, dues);
  const dept = async (name: string): Promise<number> => (await ds.query('SELECT id FROM departments WHERE name = $1', [name]))[0].id;
  const [housing, urban, police] = [await dept('区住房和城乡建设委员会'), await dept('区城市管理综合行政执法局'), await dept('区公安分局')];
  const served = async (types: string[]) => (await ds.query(
    `SELECT id FROM cases WHERE state = 'served' AND decision->>'type' = ANY($1) ORDER BY case_number LIMIT 1`, [types]))[0]?.id as string | undefined;

  await ds.transaction(async (m) => {
    // The seed module runs without the liaison module, so no hook copied the demo decisions served before this point:
    // do what it would have done (ARL 79(2)), as the clerk who recorded the last service.
    const effective = await m.query(
      `SELECT c.id, max(s.served_on) AS served_on, (array_agg(s.recorded_by ORDER BY s.served_on DESC))[1] AS by
         FROM cases c JOIN case_services s ON s.case_id = c.id WHERE c.state = 'served' GROUP BY c.id ORDER BY c.id`);
    for (const e of effective) {
      const [u] = await m.query('SELECT id, username, role FROM users WHERE id = $1', [e.by]);
      await copies.decisionEffective(m, { userId: u.id, username: u.username, role: u.role, townshipId: null }, { caseId: e.id, effectiveOn: e.served_on });
    }
    const draft = (title: string, departmentIds: number[]) => ({
      title, departmentIds, summary: '近期本区受理的行政复议案件中，同一区域、同一类行政行为的申请明显增多，申请人之间已有串联迹象。',
      reasons: ['同一行政行为涉及人数众多', '申请人对补偿标准普遍不满', '已出现集体到区政府反映诉求的苗头'],
      suggestions: ['全面排查同类行政行为的程序和证据', '主动与相关群众沟通解释，必要时引导调解', '于期限内将排查处置情况书面反馈'],
    });
    const a = await notices.create(m, liaison, draft('关于宋庄镇小堡村棚改征收补偿引发群体性争议风险的提示', [housing]));
    await notices.submit(m, liaison, a.id, a.version);

    const b = await notices.create(m, liaison, draft('关于集中拆除违法建设可能引发群诉群访风险的提示', [urban, housing]));
    let v = (await notices.submit(m, liaison, b.id, b.version)).version;
    v = (await notices.approve(m, head, b.id, v)).version;
    v = (await notices.send(m, liaison, b.id, v)).version;
    await notices.acknowledge(m, liaison, b.id, { version: v, departmentId: urban });

    const c = await notices.create(m, liaison, draft('关于治安处罚案件告知程序不规范风险的提示', [police]));
    v = (await notices.submit(m, liaison, c.id, c.version)).version;
    v = (await notices.approve(m, head, c.id, v)).version;
    v = (await notices.send(m, liaison, c.id, v)).version;
    v = (await notices.respond(m, liaison, c.id, { version: v, departmentId: police, response: '已组织全局执法人员培训，统一告知文书格式。' })).version;
    await notices.close(m, liaison, c.id, v, '部门已整改，风险化解');

    const revoked = await served(['revoke', 'confirm_illegal']);
    if (revoked) {
      const o = await letters.create(m, liaison, { kind: 'opinion', caseId: revoked, problems: ['作出行政行为前未依法告知当事人陈述、申辩权利'], recommendations: ['依法重新作出行政行为', '规范行政处罚告知程序'] });
      const issued = await letters.issue(m, head, o.id, o.version);
      await letters.receive(m, liaison, o.id, { version: issued.version, receivedOn: shanghaiDate(time.now()) });
    }
    const s = await letters.create(m, liaison, { kind: 'suggestion', recipientDepartmentId: urban, problems: ['拆除违法建设案件中送达程序不规范的情况较为普遍'], recommendations: ['统一限期拆除决定书送达方式和送达回证格式'] });
    await letters.issue(m, head, s.id, s.version);

    const upheld = await served(['uphold', 'reject_request']);
    if (upheld) {
      const today = shanghaiDate(time.now());
      const l = await lawsuits.record(m, liaison, { caseId: upheld, court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初1001号', filedOn: today });
      await lawsuits.addHearing(m, liaison, l.id, { version: l.version, heldOn: today, kind: 'hearing', headAppeared: true, note: '被申请人负责人出庭应诉' });
    }

    // 行政应诉 without a reconsideration case (issue 12 item 10): the defence is due 15 days after the complaint copy (ALL 67).
    const today = shanghaiDate(time.now());
    await defences.recordWithoutCase(m, liaison, {
      court: '北京市第三中级人民法院', courtCaseNumber: '（2026）京03行初2001号', filedOn: addDays(today, -6), complaintReceivedOn: addDays(today, -3),
      plaintiffs: ['宋庄镇小堡村村民刘某等12人'], act: '房屋征收决定（通政征〔2026〕第3号）',
    });
    const d = await defences.recordWithoutCase(m, liaison, {
      court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初2002号', filedOn: addDays(today, -30), complaintReceivedOn: addDays(today, -27),
      defendantDepartmentId: urban, plaintiffs: ['北京某建材有限公司'], act: '限期拆除决定',
    });
    const v1 = (await defences.defenceSubmitted(m, liaison, d.id, { version: d.version, submittedOn: addDays(today, -20) })).version;
    await lawsuits.addHearing(m, liaison, d.id, { version: v1, heldOn: today, kind: 'hearing', headAppeared: true, note: '执法局局长出庭应诉' });
  });
}
