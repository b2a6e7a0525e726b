import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { UnitOfWork } from '@fuyi/platform';
import { ClusterDismissal, ClusterQueries } from '../../clusters';
import { CopyReportService } from './copy-report.service';
import { LawsuitDefenceService } from './lawsuit-defence.service';
import { LawsuitService } from './lawsuit.service';
import { LetterService } from './letter.service';
import { LiaisonQueriesService } from './liaison-queries.service';
import { RiskNoticeService } from './risk-notice.service';

/** The n-th parameter of a service method: the command takes exactly what the step takes. */
type Arg<F, N extends number> = F extends (...args: infer P) => unknown ? P[N] : never;

type Stepped = { id: string; state: string; version: number };

/**
 * Each liaison step as one unit of work (issue 19 item 3), the actor passed explicitly. Letters and notices answer
 * with the record as it now is, read in the same transaction, plus what the step produced (issue 11 item 5).
 */
@Injectable()
export class LiaisonCommands {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: LiaisonQueriesService,
    private readonly letters: LetterService,
    private readonly notices: RiskNoticeService,
    private readonly lawsuits: LawsuitService,
    private readonly defence: LawsuitDefenceService,
    private readonly copies: CopyReportService,
    private readonly clusters: ClusterQueries,
    private readonly dismissal: ClusterDismissal,
  ) {}

  private letterStep<T extends Stepped>(actor: Actor, work: (m: EntityManager) => Promise<T>) {
    return this.uow.run(async (m) => {
      const { id, state: _state, version: _version, ...produced } = await work(m);
      return { ...(await this.queries.letterIn(m, id, actor)), ...produced };
    });
  }

  private noticeStep<T extends Stepped>(actor: Actor, work: (m: EntityManager) => Promise<T>) {
    return this.uow.run(async (m) => {
      const { id, state: _state, version: _version, ...produced } = await work(m);
      return { ...(await this.queries.noticeIn(m, id, actor)), ...produced };
    });
  }

  // Opinion and suggestion letters (ARL 76)

  createLetter(actor: Actor, draft: Arg<LetterService['create'], 2>) {
    return this.letterStep(actor, (m) => this.letters.create(m, actor, draft));
  }

  updateLetter(actor: Actor, id: string, version: number, draft: Arg<LetterService['update'], 4>) {
    return this.letterStep(actor, (m) => this.letters.update(m, actor, id, version, draft));
  }

  issueLetter(actor: Actor, id: string, version: number) {
    return this.letterStep(actor, (m) => this.letters.issue(m, actor, id, version));
  }

  letterReceived(actor: Actor, id: string, input: Arg<LetterService['receive'], 3>) {
    return this.letterStep(actor, (m) => this.letters.receive(m, actor, id, input));
  }

  letterFeedback(actor: Actor, id: string, input: Arg<LetterService['feedback'], 3>) {
    return this.letterStep(actor, (m) => this.letters.feedback(m, actor, id, input));
  }

  closeLetter(actor: Actor, id: string, version: number) {
    return this.letterStep(actor, (m) => this.letters.close(m, actor, id, version));
  }

  // Risk notices

  createNotice(actor: Actor, draft: Arg<RiskNoticeService['create'], 2>) {
    return this.noticeStep(actor, (m) => this.notices.create(m, actor, draft));
  }

  updateNotice(actor: Actor, id: string, version: number, draft: Arg<RiskNoticeService['update'], 4>) {
    return this.noticeStep(actor, (m) => this.notices.update(m, actor, id, version, draft));
  }

  submitNotice(actor: Actor, id: string, version: number) {
    return this.noticeStep(actor, (m) => this.notices.submit(m, actor, id, version));
  }

  approveNotice(actor: Actor, id: string, version: number) {
    return this.noticeStep(actor, (m) => this.notices.approve(m, actor, id, version));
  }

  rejectNotice(actor: Actor, id: string, version: number, note: Arg<RiskNoticeService['reject'], 4>) {
    return this.noticeStep(actor, (m) => this.notices.reject(m, actor, id, version, note));
  }

  sendNotice(actor: Actor, id: string, version: number) {
    return this.noticeStep(actor, (m) => this.notices.send(m, actor, id, version));
  }

  acknowledgeNotice(actor: Actor, id: string, input: Arg<RiskNoticeService['acknowledge'], 3>) {
    return this.noticeStep(actor, (m) => this.notices.acknowledge(m, actor, id, input));
  }

  noticeResponse(actor: Actor, id: string, input: Arg<RiskNoticeService['respond'], 3>) {
    return this.noticeStep(actor, (m) => this.notices.respond(m, actor, id, input));
  }

  closeNotice(actor: Actor, id: string, version: number, note: Arg<RiskNoticeService['close'], 4>) {
    return this.noticeStep(actor, (m) => this.notices.close(m, actor, id, version, note));
  }

  // Litigation

  recordLawsuitWithoutCase(actor: Actor, filing: Arg<LawsuitDefenceService['recordWithoutCase'], 2>) {
    return this.uow.run((m) => this.defence.recordWithoutCase(m, actor, filing));
  }

  complaintReceived(actor: Actor, id: string, input: Arg<LawsuitDefenceService['complaintReceived'], 3>) {
    return this.uow.run((m) => this.defence.complaintReceived(m, actor, id, input));
  }

  defenceSubmitted(actor: Actor, id: string, input: Arg<LawsuitDefenceService['defenceSubmitted'], 3>) {
    return this.uow.run((m) => this.defence.defenceSubmitted(m, actor, id, input));
  }

  recordLawsuit(actor: Actor, filing: Arg<LawsuitService['record'], 2>) {
    return this.uow.run((m) => this.lawsuits.record(m, actor, filing));
  }

  updateLawsuit(actor: Actor, id: string, input: Arg<LawsuitService['update'], 3>) {
    return this.uow.run((m) => this.lawsuits.update(m, actor, id, input));
  }

  addHearing(actor: Actor, id: string, input: Arg<LawsuitService['addHearing'], 3>) {
    return this.uow.run((m) => this.lawsuits.addHearing(m, actor, id, input));
  }

  updateHearing(actor: Actor, id: string, index: number, input: Arg<LawsuitService['updateHearing'], 4>) {
    return this.uow.run((m) => this.lawsuits.updateHearing(m, actor, id, index, input));
  }

  judgment(actor: Actor, id: string, input: Arg<LawsuitService['judgment'], 3>) {
    return this.uow.run((m) => this.lawsuits.judgment(m, actor, id, input));
  }

  // Copy reports (ARL 79(2))

  issueCopyReport(actor: Actor, id: string, version: number) {
    return this.uow.run((m) => this.copies.issuePending(m, actor, id, version));
  }

  setSuperior(actor: Actor, departmentId: number, superior: string | null) {
    return this.uow.run((m) => this.copies.setSuperior(m, actor, departmentId, superior));
  }

  // Group disputes

  /** Dismisses a group-dispute lead; answers with the lead as it now is, read in the same transaction. */
  dismissCluster(actor: Actor, id: string, input: Arg<ClusterDismissal['dismiss'], 3>) {
    return this.uow.run(async (m) => {
      await this.dismissal.dismiss(m, actor, id, input);
      return this.clusters.resource(m, id, actor.role);
    });
  }
}
