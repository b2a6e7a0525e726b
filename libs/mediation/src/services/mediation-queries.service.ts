import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DISTRICT_CASE_ROLES, Role, decodeKeysetCursor, keysetPage, shanghaiDate, type Actor } from '@fuyi/kernel';
import { FieldCipher, maskPhone, TimeSource } from '@fuyi/platform';
import { CASE_STATE_LABELS, type CaseState } from '@fuyi/cases';
import { MEDIATION_STATE_LABELS, MediationState, type MediationPerformer } from '../domain/mediation-state';
import { MEDIATION_CATEGORIES, MEDIATION_OUTCOMES, MEDIATION_SOURCES, type MediationCategory, type MediationOutcome, type MediationSource } from '../domain/mediation-types';
import { capacitiesOf, fileScope, loadVisibleFile } from './file-access';
import { allowedMediationActions } from '../domain/mediation-actions';
import { MediationClock } from './mediation-clock';
import { workListConditions, type WorkListDue } from './work-list-filter';
import { mediationFigures } from './mediation-figures';
import type { WorkingCalendar } from '@fuyi/deadlines';

function summary(r: any, cal: { clock: MediationClock; calendar: WorkingCalendar }) {
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

// A pre-filing file shows the application its applicant filed since (through the consultation), before it is linked.
const JOINS = `FROM mediation_files f LEFT JOIN townships t ON t.id = f.township_id LEFT JOIN departments d ON d.id = f.respondent_department_id
  LEFT JOIN consultations co ON co.id = f.consultation_id AND f.case_id IS NULL AND f.source = 'intake'
  LEFT JOIN cases c ON c.id = coalesce(f.case_id, co.case_id)`;
const COLUMNS = `f.*, coalesce(f.case_id, co.case_id) AS linked_case_id, t.name AS township, d.name AS respondent, c.case_number, c.state AS case_state, c.version AS case_version`;
/** What a list row needs for its allowedActions, read in the list's own query (no query per row); `$n` is the caller. */
const actionColumns = (n: number) => `(SELECT count(*) FROM mediation_assignments x WHERE x.file_id = f.id AND x.ended_at IS NULL)::int AS current_mediators,
  EXISTS (SELECT 1 FROM mediation_assignments x WHERE x.file_id = f.id AND x.mediator_id = $${n} AND x.ended_at IS NULL) AS on_file`;

/** The facts of allowedMediationActions from a row: `capacities` as capacitiesOf reads them, `mediators` the current ones. */
function rowActions(actor: Actor, r: any, capacities: readonly MediationPerformer[], mediators: number) {
  return allowedMediationActions(actor.role, {
    state: r.state, capacities, mediators, caseState: r.linked_case_id ? r.case_state : null, caseSuspended: !!r.case_suspended_from, outcome: r.outcome,
  });
}

/** Reading files: the list, one file with its parties, mediators and the linked case, a mediator's work list. */
@Injectable()
export class MediationQueriesService {
  constructor(private readonly ds: DataSource, private readonly cipher: FieldCipher, private readonly clock: MediationClock, private readonly time: TimeSource) {}

  private async cal(m: Pick<EntityManager, 'query'> = this.ds) {
    return { clock: this.clock, calendar: await this.clock.currentCalendar(m) };
  }

  /** Newest first, a page at a time ({items, nextCursor}): the cursor names the last file seen (creation time and id). */
  async list(actor: Actor, filter: { state?: string; limit: number; cursor?: string }) {
    const after = decodeKeysetCursor(filter.cursor);
    const scope = fileScope(actor, 5);
    const rows = await this.ds.query(
      `SELECT ${COLUMNS}, ${actionColumns(5 + scope.params.length)} ${JOINS} WHERE ($1::text IS NULL OR f.state = $1) AND ${scope.sql}
          AND ($3::timestamptz IS NULL OR date_trunc('milliseconds', f.created_at) < $3::timestamptz
            OR (date_trunc('milliseconds', f.created_at) = $3::timestamptz AND f.id > $4::uuid))
        ORDER BY date_trunc('milliseconds', f.created_at) DESC, f.id LIMIT $2`,
      [filter.state ?? null, filter.limit + 1, after?.at ?? null, after?.id ?? null, ...scope.params, actor.userId],
    );
    const [cal, rowed] = await Promise.all([this.cal(), this.rowActions(actor)]);
    return keysetPage(rows, filter.limit, (r: any) => r.created_at, (r: any) => r.id, (r: any) => ({ ...summary(r, cal), allowedActions: rowed(r) }));
  }

  /**
   * A file as it now is (issue 11 item 5): the detail GET answers it, and so does every step on it, read in the step's
   * own transaction (`m`), with `allowedActions` for the caller.
   */
  async get(actor: Actor, fileId: string, m: EntityManager = this.ds.manager) {
    await loadVisibleFile(m, actor, fileId);
    const [r] = await m.query(`SELECT ${COLUMNS} ${JOINS} WHERE f.id = $1`, [fileId]);
    const parties = await m.query('SELECT id, role, name, phone_enc FROM mediation_parties WHERE file_id = $1 ORDER BY role, position', [fileId]);
    const mediators = await m.query(
      `SELECT a.mediator_id, u.display_name, a.assigned_at, a.ended_at, a.end_reason, a.objection FROM mediation_assignments a
         JOIN users u ON u.id = a.mediator_id WHERE a.file_id = $1 ORDER BY a.assigned_at`,
      [fileId],
    );
    const caps = await capacitiesOf(m, actor, fileId);
    const onFile = caps.includes('file_mediator');
    const current = mediators.filter((a: any) => !a.ended_at).length;
    return {
      ...summary(r, await this.cal(m)), consultationId: r.consultation_id, courtReference: r.court_reference, applicantWants: r.applicant_wants,
      actKnownDate: r.act_known_date, takenOn: r.taken_on, extensionDays: r.extension_days, caseSuspendedFrom: r.case_suspended_from,
      outcomeOn: r.outcome_on, outcomeDetail: r.outcome_detail, followUp: r.follow_up,
      linkedCase: r.linked_case_id ? { caseId: r.linked_case_id, caseNumber: r.case_number, state: r.case_state, stateLabel: CASE_STATE_LABELS[r.case_state as CaseState], version: r.case_version } : null,
      parties: parties.map((p: any) => ({ id: p.id, role: p.role, name: p.name, phone: onFile ? this.cipher.decrypt(p.phone_enc) : maskPhone(this.cipher.decrypt(p.phone_enc)) })),
      mediators: mediators.map((a: any) => ({
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
  private async rowActions(actor: Actor): Promise<(r: any) => ReturnType<typeof allowedMediationActions>> {
    const standing: MediationPerformer[] = [];
    if (actor.role === Role.OfficeHead) standing.push('office_head');
    if (DISTRICT_CASE_ROLES.includes(actor.role)) standing.push('district');
    if (actor.role === Role.Mediator) {
      const [p] = await this.ds.query('SELECT is_coordinator FROM mediator_profiles WHERE user_id = $1', [actor.userId]);
      if (p?.is_coordinator) standing.push('coordinator');
    }
    return (r) => rowActions(actor, r, r.on_file ? [...standing, 'file_mediator'] : standing, r.current_mediators);
  }

  /** 我的调解: the mediator's open files (nearest time limit first, optionally only those due soon) and the size of the unassigned pool. */
  async workList(actor: Actor, due?: WorkListDue) {
    const params: unknown[] = [];
    const where = workListConditions(actor, due, shanghaiDate(this.time.now()), params); // $1 is the caller (actionColumns)
    const rows = await this.ds.query(`SELECT ${COLUMNS}, ${actionColumns(1)} ${JOINS} WHERE ${where.join(' AND ')} ORDER BY f.mediation_due NULLS FIRST, f.created_at`, params);
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM mediation_files WHERE state = 'referred'`);
    const [cal, rowed] = await Promise.all([this.cal(), this.rowActions(actor)]);
    return { files: rows.map((r: any) => ({ ...summary(r, cal), allowedActions: rowed(r) })), unassignedPool: n };
  }

  /** The mediator's home figures: counts of the work list with its filters (mediation-figures.ts). */
  figures(actor: Actor) {
    return mediationFigures(this.ds, actor, shanghaiDate(this.time.now()));
  }
}
