import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { UnitOfWork } from '@fuyi/platform';
import { AssignmentService } from './assignment.service';
import { loadVisibleFile } from './file-access';
import { MediationDocumentsService } from './mediation-documents.service';
import { MediationQueriesService } from './mediation-queries.service';
import { MediatorProfileService } from './mediator-profile.service';
import { OutcomeService } from './outcome.service';
import { ReferralService } from './referral.service';
import { SessionService } from './session.service';

/** The n-th parameter of a service method: the command takes exactly what the step takes. */
type Arg<F, N extends number> = F extends (...args: infer P) => unknown ? P[N] : never;

/**
 * Each mediation step as one unit of work (issue 19 item 3), the actor passed explicitly. File steps answer with the
 * file as it now is, read in the same transaction, plus what the step produced (issue 11 item 5).
 */
@Injectable()
export class MediationCommands {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: MediationQueriesService,
    private readonly referrals: ReferralService,
    private readonly assignments: AssignmentService,
    private readonly outcomes: OutcomeService,
    private readonly sessions: SessionService,
    private readonly documents: MediationDocumentsService,
    private readonly profiles: MediatorProfileService,
  ) {}

  private fileStep<T extends { fileId: string; state: string; version: number }>(actor: Actor, work: (m: EntityManager) => Promise<T>) {
    return this.uow.run(async (m) => {
      const { fileId, state: _state, version: _version, ...produced } = await work(m);
      return { ...(await this.queries.getIn(m, actor, fileId)), ...produced };
    });
  }

  // Files: referral, assignment, outcome

  refer(actor: Actor, input: Arg<ReferralService['refer'], 2>) {
    return this.fileStep(actor, (m) => this.referrals.refer(m, actor, input));
  }

  suspendLinkedCase(actor: Actor, fileId: string, input: Arg<ReferralService['suspendLinkedCase'], 3>) {
    return this.fileStep(actor, (m) => this.referrals.suspendLinkedCase(m, actor, fileId, input));
  }

  proposeMediators(actor: Actor, fileId: string) {
    return this.uow.read((m) => this.assignments.propose(m, actor, fileId));
  }

  assign(actor: Actor, fileId: string, input: Arg<AssignmentService['assign'], 3>) {
    return this.fileStep(actor, (m) => this.assignments.assign(m, actor, fileId, input));
  }

  object(actor: Actor, fileId: string, input: Arg<AssignmentService['object'], 3>) {
    return this.fileStep(actor, (m) => this.assignments.object(m, actor, fileId, input));
  }

  take(actor: Actor, fileId: string, version: number) {
    return this.fileStep(actor, (m) => this.assignments.take(m, actor, fileId, version));
  }

  extend(actor: Actor, fileId: string, input: Arg<AssignmentService['extend'], 3>) {
    return this.fileStep(actor, (m) => this.assignments.extend(m, actor, fileId, input));
  }

  recordOutcome(actor: Actor, fileId: string, input: Arg<OutcomeService['record'], 3>) {
    return this.fileStep(actor, (m) => this.outcomes.record(m, actor, fileId, input));
  }

  seal(actor: Actor, fileId: string, version: number) {
    return this.fileStep(actor, (m) => this.outcomes.seal(m, actor, fileId, version));
  }

  followUp(actor: Actor, fileId: string, input: Arg<OutcomeService['followUp'], 3>) {
    return this.fileStep(actor, (m) => this.outcomes.followUp(m, actor, fileId, input));
  }

  // Sessions, documents, mediators

  /** Throws not_found when the file is outside the actor's scope. */
  async assertFileVisible(actor: Actor, fileId: string): Promise<void> {
    await this.uow.read((m) => loadVisibleFile(m, actor, fileId));
  }

  sessionsOf(actor: Actor, fileId: string) {
    return this.uow.read((m) => this.sessions.list(m, actor, fileId));
  }

  scheduleSession(actor: Actor, fileId: string, input: Arg<SessionService['schedule'], 3>) {
    return this.uow.run((m) => this.sessions.schedule(m, actor, fileId, input));
  }

  recordSession(actor: Actor, fileId: string, sessionId: string, input: Arg<SessionService['record'], 4>) {
    return this.uow.run((m) => this.sessions.record(m, actor, fileId, sessionId, input));
  }

  privateNote(actor: Actor, fileId: string, input: Arg<SessionService['privateNote'], 3>) {
    return this.uow.run((m) => this.sessions.privateNote(m, actor, fileId, input));
  }

  issueDocument(actor: Actor, fileId: string, input: Arg<MediationDocumentsService['issue'], 3>) {
    return this.uow.run((m) => this.documents.issue(m, actor, fileId, input));
  }

  mediators(actor: Actor) {
    return this.uow.read((m) => this.profiles.list(m, actor));
  }

  upsertMediator(actor: Actor, userId: string, input: Arg<MediatorProfileService['upsert'], 3>) {
    return this.uow.run((m) => this.profiles.upsert(m, actor, userId, input));
  }
}
