import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { IdempotencyService, UnitOfWork } from '@fuyi/platform';
import { RegistrationService } from '../intake/registration.service';
import { AcceptanceService } from '../review/acceptance.service';
import { CaseQueriesService } from '../queries/case-queries.service';
import { CaseHandlingService } from '../handling/case-handling.service';
import { RespondentService } from '../handling/respondent.service';
import { DecisionService } from '../handling/decision.service';
import { ParticipationService } from '../handling/participation.service';
import { AttendanceService } from '../handling/attendance.service';
import { ApprovalRequestService } from '../handling/approval-requests.service';
import { caseNumberGaps } from '../queries/case-number-gaps';

/** The n-th parameter of a service method: the command takes exactly what the step takes. */
type Arg<F, N extends number> = F extends (...args: infer P) => unknown ? P[N] : never;

/**
 * Each case step as one unit of work (issue 19 item 3): the step, then the case as it now is in the same
 * transaction (issue 11 item 5). The actor is a parameter of every command; controllers only map HTTP to these.
 */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly idempotency: IdempotencyService,
    private readonly queries: CaseQueriesService,
    private readonly registration: RegistrationService,
    private readonly acceptance: AcceptanceService,
    private readonly handling: CaseHandlingService,
    private readonly respondent: RespondentService,
    private readonly decisions: DecisionService,
    private readonly participation: ParticipationService,
    private readonly attendance: AttendanceService,
    private readonly requests: ApprovalRequestService,
  ) {}

  private change<T extends object>(actor: Actor, caseId: string, work: (m: EntityManager) => Promise<T>) {
    return this.uow.run(async (m) => this.queries.afterChange(m, actor, caseId, await work(m)));
  }

  // Intake and acceptance review

  /** Registers an application; with an Idempotency-Key a repeat of the same request returns the first result. */
  async register(actor: Actor, input: Arg<RegistrationService['register'], 2>, idempotencyKey?: string) {
    if (idempotencyKey === undefined)
      return { result: await this.uow.run((m) => this.registration.register(m, actor, input)), replayed: false };
    return this.idempotency.execute(actor.userId, 'applications.register', idempotencyKey, input, (m) =>
      this.registration.register(m, actor, input),
    );
  }

  decideAcceptance(actor: Actor, caseId: string, input: Arg<AcceptanceService['decide'], 3>) {
    return this.change(actor, caseId, (m) => this.acceptance.decide(m, actor, caseId, input));
  }

  confirmAbandoned(actor: Actor, caseId: string, version: number) {
    return this.change(actor, caseId, (m) => this.acceptance.confirmAbandoned(m, actor, caseId, version));
  }

  receiveCorrection(actor: Actor, caseId: string, version: number, receivedOn: Arg<AcceptanceService['receiveCorrection'], 4>) {
    return this.change(actor, caseId, (m) => this.acceptance.receiveCorrection(m, actor, caseId, version, receivedOn));
  }

  /** The year's case numbers and the unused ones among them (issue 15 item 2). */
  numberGaps(prefix: string, year: number) {
    return this.uow.read((m) => caseNumberGaps(m.connection, prefix, year));
  }

  // Handling

  assign(actor: Actor, caseId: string, version: number, handlerId: string) {
    return this.change(actor, caseId, (m) => this.handling.assign(m, actor, caseId, version, handlerId));
  }

  async proposeHandlers(actor: Actor, caseId: string, section: string | undefined) {
    await this.queries.assertVisible(actor, caseId);
    return this.uow.read((m) => this.handling.proposeHandlers(m, section));
  }

  suspend(actor: Actor, caseId: string, input: Arg<CaseHandlingService['suspend'], 3>) {
    return this.change(actor, caseId, (m) => this.handling.suspend(m, actor, caseId, input));
  }

  resume(actor: Actor, caseId: string, version: number, on: Arg<CaseHandlingService['resume'], 4>) {
    return this.change(actor, caseId, (m) => this.handling.resume(m, actor, caseId, version, on));
  }

  // Respondent, procedure and decision

  copySent(actor: Actor, caseId: string, input: Arg<RespondentService['copySent'], 3>) {
    return this.change(actor, caseId, (m) => this.respondent.copySent(m, actor, caseId, input));
  }

  replyReceived(actor: Actor, caseId: string, input: Arg<RespondentService['replyReceived'], 3>) {
    return this.change(actor, caseId, (m) => this.respondent.replyReceived(m, actor, caseId, input));
  }

  extend(actor: Actor, caseId: string, input: Arg<RespondentService['extend'], 3>) {
    return this.change(actor, caseId, (m) => this.respondent.extend(m, actor, caseId, input));
  }

  convertToOrdinary(actor: Actor, caseId: string, input: Arg<RespondentService['convertToOrdinary'], 3>) {
    return this.change(actor, caseId, (m) => this.respondent.convertToOrdinary(m, actor, caseId, input));
  }

  submitDecision(actor: Actor, caseId: string, input: Arg<DecisionService['submit'], 3>) {
    return this.change(actor, caseId, (m) => this.decisions.submit(m, actor, caseId, input));
  }

  approveDecision(actor: Actor, caseId: string, version: number, approvedOn: Arg<DecisionService['approve'], 4>) {
    return this.change(actor, caseId, (m) => this.decisions.approve(m, actor, caseId, version, approvedOn));
  }

  returnDecision(actor: Actor, caseId: string, version: number, reason: Arg<DecisionService['returnForRevision'], 4>) {
    return this.change(actor, caseId, (m) => this.decisions.returnForRevision(m, actor, caseId, version, reason));
  }

  recordService(actor: Actor, caseId: string, input: Arg<DecisionService['recordService'], 3>) {
    return this.change(actor, caseId, (m) => this.decisions.recordService(m, actor, caseId, input));
  }

  terminate(actor: Actor, caseId: string, input: Arg<DecisionService['terminate'], 3>) {
    return this.change(actor, caseId, (m) => this.decisions.terminate(m, actor, caseId, input));
  }

  concludeMediation(actor: Actor, caseId: string, input: Arg<DecisionService['concludeMediation'], 3>) {
    return this.change(actor, caseId, (m) => this.decisions.concludeMediation(m, actor, caseId, input));
  }

  publish(actor: Actor, caseId: string, version: number) {
    return this.change(actor, caseId, (m) => this.decisions.publish(m, actor, caseId, version));
  }

  withdrawPublication(actor: Actor, caseId: string, input: Arg<DecisionService['withdrawPublication'], 3>) {
    return this.change(actor, caseId, (m) => this.decisions.withdrawPublication(m, actor, caseId, input));
  }

  archive(actor: Actor, caseId: string, version: number) {
    return this.change(actor, caseId, (m) => this.decisions.archive(m, actor, caseId, version));
  }

  // Approval requests (extension ARL 62, termination ARL 41)

  requestExtension(actor: Actor, caseId: string, input: Arg<ApprovalRequestService['requestExtension'], 3>) {
    return this.change(actor, caseId, (m) => this.requests.requestExtension(m, actor, caseId, input));
  }

  requestTermination(actor: Actor, caseId: string, input: Arg<ApprovalRequestService['requestTermination'], 3>) {
    return this.change(actor, caseId, (m) => this.requests.requestTermination(m, actor, caseId, input));
  }

  returnRequest(
    actor: Actor,
    caseId: string,
    kind: Arg<ApprovalRequestService['returnRequest'], 3>,
    input: Arg<ApprovalRequestService['returnRequest'], 4>,
  ) {
    return this.change(actor, caseId, (m) => this.requests.returnRequest(m, actor, caseId, kind, input));
  }

  async approvalRequests(actor: Actor, caseId: string) {
    await this.queries.assertVisible(actor, caseId);
    return this.uow.read((m) => this.requests.list(m, caseId));
  }

  // Participation: parties, hearings (ARL 49-52)

  addParty(actor: Actor, caseId: string, input: Arg<ParticipationService['addParty'], 3>) {
    return this.change(actor, caseId, (m) => this.participation.addParty(m, actor, caseId, input));
  }

  partyNotified(actor: Actor, caseId: string, input: Arg<ParticipationService['partyNotified'], 3>) {
    return this.change(actor, caseId, (m) => this.participation.partyNotified(m, actor, caseId, input));
  }

  scheduleHearing(actor: Actor, caseId: string, input: Arg<ParticipationService['schedule'], 3>) {
    return this.change(actor, caseId, (m) => this.participation.schedule(m, actor, caseId, input));
  }

  recordMinutes(actor: Actor, caseId: string, hearingId: string, input: Arg<ParticipationService['recordMinutes'], 4>) {
    return this.change(actor, caseId, (m) => this.participation.recordMinutes(m, actor, caseId, hearingId, input));
  }

  waiveHearing(actor: Actor, caseId: string, input: Arg<ParticipationService['waive'], 3>) {
    return this.change(actor, caseId, (m) => this.participation.waive(m, actor, caseId, input));
  }

  committeeOpinion(actor: Actor, caseId: string, input: Arg<ParticipationService['committeeOpinion'], 3>) {
    return this.change(actor, caseId, (m) => this.participation.committeeOpinion(m, actor, caseId, input));
  }

  async hearingRequirements(actor: Actor, caseId: string) {
    await this.queries.assertVisible(actor, caseId);
    return this.uow.read((m) => this.participation.requirements(m, caseId));
  }

  recordAttendance(actor: Actor, caseId: string, hearingId: string, input: Arg<AttendanceService['record'], 4>) {
    return this.uow.run(async (m) => {
      const {
        hearingId: _h,
        parties,
        respondent,
        respondentHeadAttended,
        ...rest
      } = await this.attendance.record(m, actor, caseId, hearingId, input);
      // The attendance's summary goes under its own key: `parties` is the case's own list.
      return this.queries.afterChange(m, actor, caseId, {
        ...rest,
        attendance: { hearingId, parties, respondent, respondentHeadAttended },
      });
    });
  }
}
