import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DISTRICT_CASE_ROLES, Role, decodeKeysetCursor, keysetPage, shanghaiDate, type Actor } from '@fuyi/kernel';
import { FieldCipher, maskPhone, TimeSource, UnitOfWork, type SqlRunner } from '@fuyi/platform';
import { CASE_STATE_LABELS, type CaseState } from '@fuyi/cases';
import { MEDIATION_STATE_LABELS, MediationState, type MediationPerformer } from '../domain/mediation-state';
import { MEDIATION_CATEGORIES, MEDIATION_OUTCOMES, MEDIATION_SOURCES, type MediationCategory, type MediationOutcome, type MediationSource } from '../domain/mediation-types';
import { capacitiesOf, fileScope, loadVisibleFile } from './file-access';
import { allowedMediationActions } from '../domain/mediation-actions';
import { MediationClock } from './mediation-clock';
import { workListConditions, type WorkListDue } from './work-list-filter';
import { mediationFigures } from './mediation-figures';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { assignmentsOf } from '../stores/assignments.store';
import * as Views from '../stores/file-views.store';
import { unassignedPoolSize } from '../stores/files.store';
import { partiesOf } from '../stores/parties.store';
import { isCoordinator } from '../stores/profiles.store';

function summary(r: Views.FileViewRow, cal: { clock: MediationClock; calendar: WorkingCalendar }) {
  const deadline = r.taken_on && r.mediation_due ? cal.clock.deadlineWith(cal.calendar, r) : null;
  return {
    id: r.id, state: r.state, stateLabel: MEDIATION_STATE_LABELS[r.state as MediationState], version: r.version,
    source: r.source, sourceLabel: MEDIATION_SOURCES[r.source as MediationSource], category: r.category, categoryLabel: MEDIATION_CATEGORIES[r.category as MediationCategory],
    township: r.township ?? null, respondent: r.respondent ?? null, caseId: r.linked_case_id, caseNumber: r.case_number ?? null,
    mediationDue: r.mediation_due,
    // Issue 12 item 8: the provisional flag and the explanation of the mediation time limit, like every due date.
    mediationDueProvisional: deadline?.provisional ?? false, mediationDueExplanation: deadline?.explanation ?? [],
    applicationDue: r.application_due, warnings: r.warnings,
    outcome: r.outcome, outcomeLabel: r.outcome ? MEDIATION_OUTCOMES[r.outcome as MediationOutcome] : null, createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The facts of allowedMediationActions from a row: `capacities` as capacitiesOf reads them, `mediators` the current ones. */
function rowActions(actor: Actor, r: Views.FileViewRow, capacities: readonly MediationPerformer[], mediators: number) {
  return allowedMediationActions(actor.role, {
    state: r.state, capacities, mediators, caseState: r.linked_case_id ? r.case_state : null, caseSuspended: !!r.case_suspended_from, outcome: r.outcome,
  });
}

/** Reading files: the list, one file with its parties, mediators and the linked case, a mediator's work list. */
@Injectable()
export class MediationQueriesService {
  constructor(private readonly uow: UnitOfWork, private readonly cipher: FieldCipher, private readonly clock: MediationClock, private readonly time: TimeSource) {}

  private async cal(m: SqlRunner) {
    return { clock: this.clock, calendar: await this.clock.currentCalendar(m) };
  }

  /** Newest first, a page at a time ({items, nextCursor}): the cursor names the last file seen (creation time and id). */
  async list(actor: Actor, filter: { state?: string; limit: number; cursor?: string }) {
    const after = decodeKeysetCursor(filter.cursor);
    const scope = fileScope(actor, 5);
    return this.uow.read(async (m) => {
      const rows = await Views.fileListPage(m, {
        state: filter.state ?? null, limit: filter.limit + 1, afterAt: after?.at ?? null, afterId: after?.id ?? null, scope, userId: actor.userId,
      });
      const [cal, rowed] = await Promise.all([this.cal(m), this.rowActions(m, actor)]);
      return keysetPage(rows, filter.limit, (r) => r.created_at, (r) => r.id, (r) => ({ ...summary(r, cal), allowedActions: rowed(r) }));
    });
  }

  /**
   * A file as it now is (issue 11 item 5): the detail GET answers it, and so does every step on it, read in the step's
   * own transaction (`getIn`), with `allowedActions` for the caller.
   */
  get(actor: Actor, fileId: string) {
    return this.uow.read((m) => this.getIn(m, actor, fileId));
  }

  /** The file as `get` answers it, read in the caller's transaction `m` (a step's answer). */
  async getIn(m: EntityManager, actor: Actor, fileId: string) {
    await loadVisibleFile(m, actor, fileId);
    const r = await Views.fileView(m, fileId);
    const parties = await partiesOf(m, fileId);
    const mediators = await assignmentsOf(m, fileId);
    const caps = await capacitiesOf(m, actor, fileId);
    const onFile = caps.includes('file_mediator');
    const current = mediators.filter((a) => !a.ended_at).length;
    return {
      ...summary(r, await this.cal(m)), consultationId: r.consultation_id, courtReference: r.court_reference, applicantWants: r.applicant_wants,
      actKnownDate: r.act_known_date, takenOn: r.taken_on, extensionDays: r.extension_days, caseSuspendedFrom: r.case_suspended_from,
      outcomeOn: r.outcome_on, outcomeDetail: r.outcome_detail, followUp: r.follow_up,
      linkedCase: r.linked_case_id ? { caseId: r.linked_case_id, caseNumber: r.case_number, state: r.case_state, stateLabel: CASE_STATE_LABELS[r.case_state as CaseState], version: r.case_version } : null,
      parties: parties.map((p) => ({ id: p.id, role: p.role, name: p.name, phone: onFile ? this.cipher.decrypt(p.phone_enc) : maskPhone(this.cipher.decrypt(p.phone_enc)) })),
      mediators: mediators.map((a) => ({
        userId: a.mediator_id, displayName: a.display_name, assignedAt: new Date(a.assigned_at).toISOString(), current: !a.ended_at, endReason: a.end_reason,
        objection: a.objection,
      })),
      // E.g. an in-window referral once the window ended: the case is (deemed) accepted and may be suspended by consent (ARL 39(1)(6)).
      allowedActions: rowActions(actor, r, caps, current),
    };
  }

  /**
   * A list's rows' allowedActions (issue 16 review): the caller's standing capacities are read once for the page, the
   * per-file ones (on the file, how many mediators) come with each row (actionColumns), so a page costs no extra query
   * per row. Same facts as capacitiesOf and get.
   */
  private async rowActions(m: SqlRunner, actor: Actor): Promise<(r: Views.FileListRow) => ReturnType<typeof allowedMediationActions>> {
    const standing: MediationPerformer[] = [];
    if (actor.role === Role.OfficeHead) standing.push('office_head');
    if (DISTRICT_CASE_ROLES.includes(actor.role)) standing.push('district');
    if (actor.role === Role.Mediator && (await isCoordinator(m, actor.userId))) standing.push('coordinator');
    return (r) => rowActions(actor, r, r.on_file ? [...standing, 'file_mediator'] : standing, r.current_mediators);
  }

  /** 我的调解: the mediator's open files (nearest time limit first, optionally only those due soon) and the size of the unassigned pool. */
  async workList(actor: Actor, due?: WorkListDue) {
    const params: unknown[] = [];
    const where = workListConditions(actor, due, shanghaiDate(this.time.now()), params); // $1 is the caller (actionColumns)
    return this.uow.read(async (m) => {
      const rows = await Views.workListFiles(m, where, params);
      const n = await unassignedPoolSize(m);
      const [cal, rowed] = await Promise.all([this.cal(m), this.rowActions(m, actor)]);
      return { files: rows.map((r) => ({ ...summary(r, cal), allowedActions: rowed(r) })), unassignedPool: n };
    });
  }

  /** The mediator's home figures: counts of the work list with its filters (mediation-figures.ts). */
  figures(actor: Actor) {
    return this.uow.read((m) => mediationFigures(m, actor, shanghaiDate(this.time.now())));
  }
}
