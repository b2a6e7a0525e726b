import { Injectable } from '@nestjs/common';
import { decodeKeysetCursor, FULL_PERSONAL_DATA_ROLES, keysetPage, type Actor } from '@fuyi/kernel';
import { AuditService, FieldCipher, JobName, maskPhone, OutboxService, TimeSource, UnitOfWork } from '@fuyi/platform';
import { CaseErrors } from '../domain/case-errors';
import { counterTownshipFor } from '../queries/counter-township';
import * as Consultations from '../stores/consultations.store';
import { departmentExists, townshipExists } from '../stores/case-reads.store';

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
  constructor(private readonly uow: UnitOfWork, private readonly cipher: FieldCipher, private readonly audit: AuditService, private readonly outbox: OutboxService, private readonly time: TimeSource) {}

  async record(actor: Actor, input: ConsultationInput) {
    const townshipId = counterTownshipFor(actor, input.townshipId);
    if (townshipId == null) throw CaseErrors.invalid('townshipId', '请选择咨询所在的街乡镇分中心');
    const now = this.time.now();
    const consultedAt = input.consultedAt ? new Date(input.consultedAt) : now;
    if (consultedAt.getTime() > now.getTime() + 120_000) throw CaseErrors.invalid('consultedAt', '咨询时间不能晚于当前时间');
    return this.uow.run(async (m) => {
      if (!(await townshipExists(m, townshipId))) throw CaseErrors.unknownTownship();
      if (input.respondentDepartmentId != null) {
        if (!(await departmentExists(m, input.respondentDepartmentId))) throw CaseErrors.unknownRespondent();
      }
      const row = await Consultations.recordConsultation(m, {
        township_id: townshipId, clerk_id: actor.userId, consulted_at: consultedAt, visitor_name: input.visitorName,
        visitor_phone_enc: this.cipher.encrypt(input.visitorPhone), topic: input.topic, category: input.category,
        respondent_department_id: input.respondentDepartmentId ?? null, advice: input.advice, application_followed: input.applicationFollowed ?? false,
        act_project: input.actProject?.trim() || null, act_place: input.actPlace?.trim() || null,
      });
      await this.outbox.add(m, { name: JobName.ConsultationRecorded, data: { consultationId: row.id } });
      await this.audit.record(m, { actor, action: 'consultation.record', subjectType: 'consultation', subjectId: row.id, summary: { townshipId, category: input.category } });
      return this.view(row, actor);
    });
  }

  /** Newest first, a page at a time: the cursor names the last row seen (its time and id), so older ones stay reachable. */
  async list(actor: Actor, townshipId: number | undefined, limit: number, cursor?: string) {
    const own = counterTownshipFor(actor, townshipId);
    const after = decodeKeysetCursor(cursor);
    const rows = await this.uow.read((m) => Consultations.consultationsPage(m, own ?? null, limit + 1, after ? { at: after.at, id: after.id } : null));
    return keysetPage(rows, limit, (r) => r.consulted_at, (r) => r.id, (r) => this.view(r, actor));
  }

  private view(r: Consultations.ConsultationRow, actor: Actor) {
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

