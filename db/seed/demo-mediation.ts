import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, FieldCipher, hashPassword, TimeSource } from '@fuyi/platform';
import { Notifier } from '@fuyi/notifications';
import { CalendarService } from '@fuyi/clocks';
import { CaseHandlingService, DecisionService } from '@fuyi/cases';
import { AssignmentService, MediationClock, OutcomeService, ReferralService, SessionService, type MediationOutcome, type ReferralInput } from '@fuyi/mediation';
import { DEMO_PASSWORD } from './seed';

/** The centre's second mediator (demo user `mediator2`, same password scheme as the other demo users). */
const SECOND_MEDIATOR = { username: 'mediator2', displayName: '调解员 钱红' };

/**
 * Mediation files in every stage and outcome (issue #5 item 8), made through the mediation services on top of the
 * demo cases. Runs once: only when no mediation file exists yet.
 */
export async function seedDemoMediation(app: INestApplicationContext): Promise<number> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM mediation_files');
  if (n > 0) return 0;
  await ds.query(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, 'mediator', $3) ON CONFLICT (username) DO NOTHING`,
    [SECOND_MEDIATOR.username, SECOND_MEDIATOR.displayName, await hashPassword(DEMO_PASSWORD)],
  );
  const users: Record<string, Actor> = Object.fromEntries(
    (await ds.query(`SELECT id, username, role, township_id FROM users`)).map((u: any) => [u.username, { userId: u.id, username: u.username, role: u.role as Role, townshipId: u.township_id }]),
  );
  const [dept, conflicted] = await ds.query(`SELECT id FROM departments ORDER BY id LIMIT 2`);
  await ds.query(
    `INSERT INTO mediator_profiles (user_id, skills, is_coordinator, conflict_department_ids) VALUES
       ($1, '["expropriation","demolition","public_security","other"]', true, '[]'), ($2, '["demolition","expropriation"]', false, $3)
     ON CONFLICT (user_id) DO NOTHING`,
    [users.mediator.userId, users.mediator2.userId, JSON.stringify([conflicted.id])],
  );

  // The services, wired by hand: the seed module imports the libraries the case seed needs, not the mediation module.
  const audit = app.get(AuditService);
  const clock = new MediationClock(app.get(CalendarService), app.get(APP_CONFIG));
  const referrals = new ReferralService(audit, app.get(FieldCipher), app.get(CaseHandlingService), clock, app.get(TimeSource));
  const assignments = new AssignmentService(audit, clock, app.get(Notifier), app.get(TimeSource));
  const sessions = new SessionService(audit, app.get(TimeSource));
  const outcomes = new OutcomeService(audit, app.get(CaseHandlingService), app.get(DecisionService), app.get(Notifier), app.get(TimeSource));
  const { clerk, head, mediator, mediator2, zhongcang } = users;

  const accepted: Array<{ id: string; version: number; handler_id: string }> = await ds.query(
    `SELECT id, version, handler_id FROM cases WHERE state = 'accepted' AND handler_id IS NOT NULL ORDER BY case_number LIMIT 7`);
  const [registered] = await ds.query(`SELECT id FROM cases WHERE state = 'registered' ORDER BY case_number LIMIT 1`);
  const intake = (name: string, category: ReferralInput['category'], wants: string): ReferralInput => ({
    source: 'intake', category, applicantConsent: true, respondentDepartmentId: dept.id, applicantWants: wants, actKnownDate: undefined,
    parties: [{ role: 'applicant', name }],
  });
  const inCase = (c: { id: string; version: number }, category: ReferralInput['category']): ReferralInput => ({
    source: 'case', category, caseId: c.id, caseVersion: c.version, consent: { applicant: true, respondent: true }, applicantWants: '请求撤销被申请人作出的行政行为',
  });
  const tx = <T>(fn: (m: EntityManager) => Promise<T>) => ds.transaction(fn);
  const version = async (fileId: string) => (await ds.query('SELECT version FROM mediation_files WHERE id = $1', [fileId]))[0].version as number;
  /** Refer, then walk the file to `stage`. */
  const make = async (by: Actor, input: ReferralInput, stage: 'referred' | 'assigned' | 'working' | MediationOutcome, who = mediator) => {
    const { fileId } = await tx((m) => referrals.refer(m, by, input));
    if (stage === 'referred') return fileId;
    await tx(async (m) => assignments.assign(m, mediator, fileId, { version: await version(fileId), mediatorIds: [who.userId] }));
    if (stage === 'assigned') return fileId;
    await tx(async (m) => assignments.take(m, who, fileId, await version(fileId)));
    await tx((m) => sessions.schedule(m, who, fileId, { kind: 'joint', mode: 'in_person', place: '区行政争议多元化解调处中心第一调解室', scheduledAt: new Date().toISOString(), participants: [{ name: '申请人', role: '申请人' }, { name: '被申请人代理人', role: '被申请人' }] }));
    await tx((m) => sessions.privateNote(m, who, fileId, { text: '背对背沟通：申请人主要关注补偿数额，可接受分期支付。' }));
    if (stage === 'working') return fileId;
    const backOut = stage === 'backed_out';
    await tx(async (m) => outcomes.record(m, who, fileId, { version: await version(fileId), kind: backOut ? 'agreement' : stage, summary: SUMMARIES[stage], signedByAll: true }));
    if (backOut) await tx(async (m) => outcomes.record(m, who, fileId, { version: await version(fileId), kind: 'backed_out', summary: SUMMARIES.backed_out }));
    return fileId;
  };

  let count = 0;
  const done = () => count++;
  await make(zhongcang, intake('刘建国', 'demolition', '暂缓拆除，给予自行拆除期限'), 'referred').then(done);
  await make(clerk, { source: 'court', category: 'expropriation', courtReference: '（2026）京0112行初256号', respondentDepartmentId: dept.id, applicantWants: '提高征收补偿标准', parties: [{ role: 'applicant', name: '陈桂兰' }] }, 'assigned', mediator2).then(done);
  await make(zhongcang, { ...intake('王秀英', 'public_security', '撤销罚款决定'), actKnownDate: new Date(Date.now() - 50 * 86_400_000).toISOString().slice(0, 10) }, 'working').then(done);
  const agreed = await make(zhongcang, intake('赵志强', 'demolition', '保留附属设施'), 'agreement');
  await tx(async (m) => outcomes.followUp(m, mediator, agreed, { version: await version(agreed), checkOn: shanghaiDate(new Date()), performed: true, result: '双方已按协议履行' }));
  done();
  await make(zhongcang, intake('孙娟', 'other', '退还保证金'), 'given_up').then(done);
  await make(clerk, { source: 'court', category: 'demolition', courtReference: '（2026）京0112行初300号', respondentDepartmentId: dept.id, applicantWants: '撤销拆除决定', parties: [{ role: 'applicant', name: '马超' }] }, 'failure').then(done);
  if (registered) await make(clerk, { source: 'window', category: 'public_security', caseId: registered.id, applicantWants: '撤销拘留决定' }, 'working').then(done);
  // In accepted cases: [stage, sealed by the office head]; the unsealed agreement and withdrawal wait for the seal.
  const caseStages: Array<['working' | MediationOutcome, boolean]> = [
    ['working', false], ['agreement', true], ['agreement', false], ['reconciliation', false], ['self_correction', true], ['failure', false], ['backed_out', false],
  ];
  for (const [i, [stage, sealed]] of caseStages.entries()) {
    const c = accepted[i];
    if (!c) break;
    // The case's handler refers it (only the handler, a chief or the head acts on a case: issue #12 item 6).
    const handler = Object.values(users).find((u) => u.userId === c.handler_id) ?? head;
    const fileId = await make(handler, inCase(c, (['expropriation', 'demolition', 'public_security'] as const)[i % 3]), stage);
    if (sealed) await tx(async (m) => outcomes.seal(m, head, fileId, await version(fileId)));
    done();
  }
  return count;
}

const SUMMARIES: Record<MediationOutcome, string> = {
  agreement: '双方自愿达成调解协议，被申请人给予合理过渡期，申请人自行整改。',
  self_correction: '被申请人自行撤销原行政行为，申请人申请撤回。',
  reconciliation: '双方自行和解，申请人申请撤回。',
  given_up: '申请人经释法明理，表示放弃主张。',
  failure: '双方分歧较大，经多次调解未能达成一致。',
  backed_out: '调解协议生效前，被申请人反悔。',
};
