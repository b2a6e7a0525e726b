import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { TimeSource } from '@fuyi/platform';

/** Warn this many calendar days before a mediation time limit ends (policy). */
export const MEDIATION_DUE_WARNING_DAYS = 3;

/**
 * Daily worker scan: tells the mediators on a file in progress that its time limit ends within three days (or has
 * passed), once per due date (an extension by consent gives a new due date and so a new warning).
 */
@Injectable()
export class MediationDueScanner {
  constructor(private readonly ds: DataSource, private readonly time: TimeSource) {}

  async scan(): Promise<number> {
    const today = shanghaiDate(this.time.now());
    return this.ds.transaction(async (m) => {
      const files: Array<{ id: string; mediation_due: string; case_id: string | null }> = await m.query(
        `UPDATE mediation_files SET due_warned_for = mediation_due
          WHERE state = 'in_progress' AND mediation_due <= $1 AND due_warned_for IS DISTINCT FROM mediation_due
          RETURNING id, mediation_due, case_id`,
        [addDays(today, MEDIATION_DUE_WARNING_DAYS)],
      ).then((r) => r[0]);
      for (const f of files) {
        const late = f.mediation_due < today;
        await m.query(
          `INSERT INTO notifications (user_id, kind, title, body, case_id)
           SELECT a.mediator_id, 'mediation_due', $2, $3, $4 FROM mediation_assignments a WHERE a.file_id = $1 AND a.ended_at IS NULL`,
          [f.id, late ? '调解期限已届满' : '调解期限即将届满',
            `调解期限${late ? '已于' : '将于'}${f.mediation_due}届满：请及时结束调解，或经双方同意延长期限；调解不成的应当终结调解，案件回到复议程序。`, f.case_id],
        );
      }
      return files.length;
    });
  }
}
