import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { TimeSource, UnitOfWork } from '@fuyi/platform';
import { Notifier } from '@fuyi/notifications';
import { notifyFileMediators, type FileNotice } from './notices';
import * as Files from '../stores/files.store';

/** Warn this many calendar days before a mediation time limit or the ARL 20 application deadline ends (policy). */
export const MEDIATION_DUE_WARNING_DAYS = 3;

type Row = Files.NoticedFile;
/** Marks the files of one notice as told (in the scan's transaction) and returns them. */
type Mark = () => Promise<Row[]>;

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
    private readonly uow: UnitOfWork,
    private readonly time: TimeSource,
    private readonly notifier: Notifier,
  ) {}

  async scan(): Promise<number> {
    const today = shanghaiDate(this.time.now());
    const soon = addDays(today, MEDIATION_DUE_WARNING_DAYS);
    return this.uow.run(async (m) => {
      let told = 0;
      const pass = async (mark: Mark, notice: (f: Row) => FileNotice, referrer = false) => {
        const files = await mark();
        for (const f of files) told += await notifyFileMediators(m, this.notifier, f.id, notice(f), referrer);
      };
      await pass(
        () => Files.markMediationDueSoon(m, today, soon),
        (f) => ({ kind: 'mediation_due', title: '调解期限即将届满', caseId: f.case_id, body: `调解期限将于${f.due}届满：请及时结束调解，或经双方同意延长期限；调解不成的应当终结调解。` }),
      );
      await pass(
        () => Files.markMediationOverdue(m, today),
        (f) => ({ kind: 'mediation_due', title: '调解期限已届满', caseId: f.case_id, body: `调解期限已于${f.due}届满：请经双方同意延长期限，或终结调解，案件回到复议程序。` }),
      );
      await this.applicationDeadline(m, today, soon, pass);
      await pass(
        () => Files.markCaseAcceptedNoticed(m, today),
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
  private async applicationDeadline(m: EntityManager, today: string, soon: string, pass: (mark: Mark, n: (f: Row) => FileNotice, referrer?: boolean) => Promise<void>) {
    await pass(
      () => Files.markApplicationDueSoon(m, today, soon),
      (f) => ({ kind: 'mediation_application_due', title: '行政复议申请期限即将届满', caseId: null, body: `申请人的行政复议申请期限将于${f.due}届满，调解不中断申请期限，请提示申请人在期限内申请（《行政复议法》第二十条）。` }),
      true,
    );
    await pass(
      () => Files.markApplicationDueReached(m, today),
      (f) => ({
        kind: 'mediation_application_due', title: '行政复议申请期限届满', caseId: null,
        body: f.due === today ? `申请人的行政复议申请期限今日（${f.due}）届满，请提示申请人当日提出申请（《行政复议法》第二十条）。` : `申请人的行政复议申请期限已于${f.due}届满（《行政复议法》第二十条）。`,
      }),
      true,
    );
  }
}
