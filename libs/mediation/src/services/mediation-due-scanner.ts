import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { TimeSource } from '@fuyi/platform';
import { Notifier } from '@fuyi/notifications';
import { notifyFileMediators, type FileNotice } from './notices';

/** Warn this many calendar days before a mediation time limit or the ARL 20 application deadline ends (policy). */
export const MEDIATION_DUE_WARNING_DAYS = 3;
const OPEN = `('referred', 'assigned', 'in_progress')`;

type Row = { id: string; due: string; case_id: string | null };

/**
 * Hourly worker scan; each notice goes out once (marked on the file in the same transaction):
 * - the mediation time limit ends within 3 days, and (separately) it has passed; a new due date after an extension by
 *   consent gives new notices;
 * - before filing, the ARL 20 application deadline is 3 days away, and it is reached: mediation does not stop it;
 * - an in-window referral whose case was (deemed) accepted (ARL 30): the case now runs in parallel, suspension by
 *   consent (ARL 39(1)(6)) is offered.
 */
@Injectable()
export class MediationDueScanner {
  constructor(
    private readonly ds: DataSource,
    private readonly time: TimeSource,
    private readonly notifier: Notifier,
  ) {}

  async scan(): Promise<number> {
    const today = shanghaiDate(this.time.now());
    const soon = addDays(today, MEDIATION_DUE_WARNING_DAYS);
    return this.ds.transaction(async (m) => {
      let told = 0;
      const pass = async (sql: string, params: unknown[], notice: (f: Row) => FileNotice, referrer = false) => {
        const files: Row[] = (await m.query(sql, params))[0];
        for (const f of files) told += await notifyFileMediators(m, this.notifier, f.id, notice(f), referrer);
      };
      await pass(
        `UPDATE mediation_files SET due_warned_for = mediation_due
          WHERE state = 'in_progress' AND mediation_due BETWEEN $1 AND $2 AND due_warned_for IS DISTINCT FROM mediation_due
          RETURNING id, mediation_due AS due, case_id`,
        [today, soon],
        (f) => ({ kind: 'mediation_due', title: '调解期限即将届满', caseId: f.case_id, body: `调解期限将于${f.due}届满：请及时结束调解，或经双方同意延长期限；调解不成的应当终结调解。` }),
      );
      await pass(
        `UPDATE mediation_files SET overdue_warned_for = mediation_due
          WHERE state = 'in_progress' AND mediation_due < $1 AND overdue_warned_for IS DISTINCT FROM mediation_due
          RETURNING id, mediation_due AS due, case_id`,
        [today],
        (f) => ({ kind: 'mediation_due', title: '调解期限已届满', caseId: f.case_id, body: `调解期限已于${f.due}届满：请经双方同意延长期限，或终结调解，案件回到复议程序。` }),
      );
      await this.applicationDeadline(m, today, soon, pass);
      await pass(
        `UPDATE mediation_files f SET case_accepted_noticed_on = $1
          WHERE f.source = 'window' AND f.state IN ${OPEN} AND f.case_accepted_noticed_on IS NULL AND f.case_suspended_from IS NULL
            AND EXISTS (SELECT 1 FROM cases c WHERE c.id = f.case_id AND c.state = 'accepted')
          RETURNING f.id, $1::date::text AS due, f.case_id`,
        [today],
        (f) => ({
          kind: 'mediation_case_accepted', title: '关联申请已受理', caseId: f.case_id,
          body: '受理审查期内转调解的行政复议申请已受理（期满视为受理，《行政复议法》第三十条），案件与调解并行审理；经申请人和被申请人同意，可以中止审理（第三十九条第一款第六项）。',
        }),
        true,
      );
      return told;
    });
  }

  /** ARL 20: open pre-filing files whose applicant has not filed yet; the mediators and the referring counter are told. */
  private async applicationDeadline(m: EntityManager, today: string, soon: string, pass: (sql: string, p: unknown[], n: (f: Row) => FileNotice, referrer?: boolean) => Promise<void>) {
    const notFiled = `f.source = 'intake' AND f.case_id IS NULL AND f.state IN ${OPEN} AND f.application_due IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM consultations co WHERE co.id = f.consultation_id AND co.case_id IS NOT NULL)`;
    await pass(
      `UPDATE mediation_files f SET application_soon_noticed_on = $1
        WHERE ${notFiled} AND f.application_due > $1 AND f.application_due <= $2 AND f.application_soon_noticed_on IS NULL
        RETURNING f.id, f.application_due AS due, f.case_id`,
      [today, soon],
      (f) => ({ kind: 'mediation_application_due', title: '行政复议申请期限即将届满', caseId: null, body: `申请人的行政复议申请期限将于${f.due}届满，调解不中断申请期限，请提示申请人在期限内申请（《行政复议法》第二十条）。` }),
      true,
    );
    await pass(
      `UPDATE mediation_files f SET application_due_noticed_on = $1
        WHERE ${notFiled} AND f.application_due <= $1 AND f.application_due_noticed_on IS NULL
        RETURNING f.id, f.application_due AS due, f.case_id`,
      [today],
      (f) => ({
        kind: 'mediation_application_due', title: '行政复议申请期限届满', caseId: null,
        body: f.due === today ? `申请人的行政复议申请期限今日（${f.due}）届满，请提示申请人当日提出申请（《行政复议法》第二十条）。` : `申请人的行政复议申请期限已于${f.due}届满（《行政复议法》第二十条）。`,
      }),
      true,
    );
  }
}
