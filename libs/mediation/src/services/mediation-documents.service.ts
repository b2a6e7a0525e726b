import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDateTime, type Actor } from '@fuyi/kernel';
import { caseFacts, DocumentService, type DocumentData, type DocumentType } from '@fuyi/documents';
import { documentRefusal } from '../domain/document-rules';
import { MediationErrors } from '../domain/mediation-errors';
import { MEDIATION_CATEGORIES, MEDIATION_OUTCOMES, MEDIATION_SOURCES, type MediationCategory, type MediationOutcome, type MediationSource } from '../domain/mediation-types';
import { capacitiesOf, filedCaseOf, loadVisibleFile, type FileRow } from './file-access';
import { currentMediatorNames } from '../stores/assignments.store';
import { fileDocumentFacts } from '../stores/files.store';
import { partyNames } from '../stores/parties.store';
import { departmentName, linkedCase } from '../stores/references.store';
import { heldJointSession } from '../stores/sessions.store';

export const MEDIATION_DOCUMENT_TYPES = ['mediation-referral', 'mediation-record', 'mediation-agreement', 'mediation-document', 'mediation-termination-notice'] as const;
export type MediationDocumentType = (typeof MEDIATION_DOCUMENT_TYPES)[number];

export interface MediationDocumentInput {
  type: MediationDocumentType;
  /** mediation-record: the joint session it records. */
  sessionId?: string;
  /** mediation-agreement / mediation-document: the terms. */
  items?: string[];
  /** mediation-termination-notice: why (default: the recorded outcome). */
  reason?: string;
}

/** The centre's documents (.docx, the adjudication machinery), owned by the file and, when linked, by its case too. */
@Injectable()
export class MediationDocumentsService {
  constructor(private readonly documents: DocumentService) {}

  async issue(m: EntityManager, actor: Actor, fileId: string, input: MediationDocumentInput) {
    if (!MEDIATION_DOCUMENT_TYPES.includes(input.type)) throw MediationErrors.invalid('type', '文书类型不正确');
    const loaded = await loadVisibleFile(m, actor, fileId, true); // locked: a seal cannot slip in between check and issue
    const filed = await filedCaseOf(m, loaded); // the applicant filed after a pre-filing referral
    const file = filed ? { ...loaded, case_id: filed } : loaded;
    const caps = await capacitiesOf(m, actor, fileId);
    if (!caps.some((c) => c === 'file_mediator' || c === 'office_head' || c === 'coordinator')) {
      throw new DomainError('MEDIATION_ACTION_FORBIDDEN', '只有本案调解员、协调员或机构负责人可以出具调解文书', 'forbidden');
    }
    const refusal = documentRefusal(input.type, { state: file.state, outcome: file.outcome, hasCase: !!file.case_id });
    if (refusal) throw new DomainError('MEDIATION_DOCUMENT_STATE', refusal, 'conflict', { state: file.state, outcome: file.outcome, type: input.type });
    const data = { ...(await this.facts(m, file)), ...(await this.specific(m, file, input)) };
    return this.documents.issueFor(m, actor, { kind: 'mediation', id: file.id, caseId: file.case_id }, input.type as DocumentType, data);
  }

  private async facts(m: EntityManager, file: FileRow): Promise<DocumentData> {
    const parties = await partyNames(m, file.id);
    const department = await departmentName(m, file.respondent_department_id);
    const mediators = await currentMediatorNames(m, file.id);
    const w = await fileDocumentFacts(m, file.id);
    const respondent = department ?? (parties.filter((p) => p.role === 'respondent').map((p) => p.name).join('、') || '（未登记）');
    return {
      applicantNames: parties.filter((p) => p.role === 'applicant').map((p) => p.name).join('、') || '（未登记）',
      respondent,
      category: MEDIATION_CATEGORIES[file.category as MediationCategory],
      source: MEDIATION_SOURCES[file.source as MediationSource],
      applicantWants: w.applicant_wants,
      mediators: mediators.map((name) => name.replace(/^调解员\s*/, '')).join('、') || '（待指派）',
      linked: w.court_reference ? `法院委派（${w.court_reference}）` : file.case_id ? '已关联行政复议申请' : '立案前调解，尚未提出行政复议申请',
    };
  }

  private async specific(m: EntityManager, file: FileRow, input: MediationDocumentInput): Promise<DocumentData> {
    switch (input.type) {
      case 'mediation-record': {
        const s = input.sessionId ? await heldJointSession(m, input.sessionId, file.id) : undefined;
        if (!s) throw MediationErrors.invalid('sessionId', '请选择已召开的联合调解会议');
        const present = (s.attendance ?? []).filter((a) => a.present).map((a) => a.name);
        return { sessionTime: shanghaiDateTime(new Date(s.scheduled_at)), place: s.mode === 'video' ? `视频调解（${s.place}）` : s.place, attendees: present.join('、') || '无', minutes: s.minutes ?? '' };
      }
      case 'mediation-agreement':
        if (!input.items?.length) throw MediationErrors.invalid('items', '请填写协议内容');
        return { items: input.items };
      case 'mediation-document': {
        // ARL 73: the 调解书 of an accepted case, with the case's printable facts.
        const facts = file.case_id ? await caseFacts(m, file.case_id) : null;
        if (!facts?.acceptedOn) throw MediationErrors.caseState('调解书仅用于已受理的行政复议案件', facts ? 'not_accepted' : 'none');
        if (!input.items?.length) throw MediationErrors.invalid('items', '请填写调解协议内容');
        const c = await linkedCase(m, file.case_id!);
        return { ...facts, requests: c.requests, items: input.items };
      }
      case 'mediation-termination-notice': {
        const reason = input.reason ?? (file.outcome ? MEDIATION_OUTCOMES[file.outcome as MediationOutcome] : null);
        if (!reason) throw MediationErrors.invalid('reason', '请填写终止调解的原因');
        const nextStep = file.case_id ? '本案将依法恢复（继续）行政复议审理。' : '申请人可以依法在法定期限内申请行政复议。';
        return { reason, nextStep };
      }
      default:
        return {};
    }
  }
}
