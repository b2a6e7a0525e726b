import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeKeysetCursor, FULL_PERSONAL_DATA_ROLES, keysetPage, type Actor } from '@fuyi/kernel';
import { AuditService, FieldCipher, JobName, maskPhone, OutboxService, TimeSource } from '@fuyi/platform';
import { CaseErrors } from '../domain/case-errors';
import { counterTownshipFor } from '../queries/counter-township';

export interface ConsultationInput {
  consultedAt?: string;
  visitorName: string;
  visitorPhone?: string;
  topic: string;
  category: string;
  respondentDepartmentId?: number;
  /** The project and place of the dispute (not the visitor's address): group-dispute detection reads them. */
  actProject?: string;
  actPlace?: string;
  advice: string;
  applicationFollowed?: boolean;
  /** District staff record consultations on behalf of a township; township clerks for their own. */
  townshipId?: number;
}

@Injectable()
export class ConsultationService {
  constructor(private readonly ds: DataSource, private readonly cipher: FieldCipher, private readonly audit: AuditService, private readonly outbox: OutboxService, private readonly time: TimeSource) {}

  async record(actor: Actor, input: ConsultationInput) {
    const townshipId = counterTownshipFor(actor, input.townshipId);
    if (townshipId == null) throw CaseErrors.invalid('townshipId', '请选择咨询所在的街乡镇分中心');
    const now = this.time.now();
    const consultedAt = input.consultedAt ? new Date(input.consultedAt) : now;
    if (consultedAt.getTime() > now.getTime() + 120_000) throw CaseErrors.invalid('consultedAt', '咨询时间不能晚于当前时间');
    return this.ds.transaction(async (m) => {
      const [t] = await m.query('SELECT id FROM townships WHERE id = $1', [townshipId]);
      if (!t) throw CaseErrors.unknownTownship();
      if (input.respondentDepartmentId != null) {
        const [d] = await m.query('SELECT id FROM departments WHERE id = $1', [input.respondentDepartmentId]);
        if (!d) throw CaseErrors.unknownRespondent();
      }
      const [row] = await m.query(
        `INSERT INTO consultations (township_id, clerk_id, consulted_at, visitor_name, visitor_phone_enc, topic, category, respondent_department_id, advice,
           application_followed, act_project, act_place)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING *`,
        [townshipId, actor.userId, consultedAt, input.visitorName, this.cipher.encrypt(input.visitorPhone), input.topic, input.category,
          input.respondentDepartmentId ?? null, input.advice, input.applicationFollowed ?? false, input.actProject?.trim() || null, input.actPlace?.trim() || null],
      );
      await this.outbox.add(m, { name: JobName.ConsultationRecorded, data: { consultationId: row.id } });
      await this.audit.record(m, { actor, action: 'consultation.record', subjectType: 'consultation', subjectId: row.id, summary: { townshipId, category: input.category } });
      return this.view(row, actor);
    });
  }

  /** Newest first, a page at a time: the cursor names the last row seen (its time and id), so older ones stay reachable. */
  async list(actor: Actor, townshipId: number | undefined, limit: number, cursor?: string) {
    const own = counterTownshipFor(actor, townshipId);
    const after = decodeKeysetCursor(cursor);
    const rows = await this.ds.query(
      `SELECT * FROM consultations WHERE ($1::int IS NULL OR township_id = $1)
          AND ($3::timestamptz IS NULL OR (date_trunc('milliseconds', consulted_at), id) < ($3::timestamptz, $4::uuid))
        ORDER BY date_trunc('milliseconds', consulted_at) DESC, id DESC LIMIT $2`,
      [own ?? null, limit + 1, after?.at ?? null, after?.id ?? null],
    );
    return keysetPage(rows, limit, (r: any) => r.consulted_at, (r: any) => r.id, (r: any) => this.view(r, actor));
  }

  private view(r: any, actor: Actor) {
    const phone = this.cipher.decrypt(r.visitor_phone_enc);
    return {
      id: r.id, townshipId: r.township_id, consultedAt: new Date(r.consulted_at).toISOString(), visitorName: r.visitor_name,
      visitorPhone: FULL_PERSONAL_DATA_ROLES.includes(actor.role) ? phone : maskPhone(phone), topic: r.topic, category: r.category,
      respondentDepartmentId: r.respondent_department_id, actProject: r.act_project, actPlace: r.act_place, advice: r.advice, applicationFollowed: r.application_followed, caseId: r.case_id,
      // Set by the mediation centre for a pre-filing mediation: the ARL 20 application period is at risk or unknown.
      mediationWarning: r.mediation_warning ?? null,
    };
  }
}

