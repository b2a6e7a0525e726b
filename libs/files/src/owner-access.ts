import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDomainError, type Actor } from '@fuyi/kernel';
import { CaseQueriesService, seesCaseDocument } from '@fuyi/cases';
import { DocumentService } from '@fuyi/documents';
import { loadVisibleFile, seesMediationWork } from '@fuyi/mediation';
import {
  LETTER_STATE_LABELS, LIAISON_FILE_WRITE, LIAISON_READ, LiaisonErrors, LiaisonQueriesService, NOTICE_STATE_LABELS, letterTakesFiles, noticeTakesFiles,
  type LetterState, type NoticeState,
} from '@fuyi/liaison';
import { FileErrors } from './domain/file-errors';
import type { FileOwnerType } from './domain/file-kinds';

/**
 * Issue 18 item 4: a file is seen by whoever may see its owner, by the owner's own rule (reused, not restated): a case
 * by CaseQueriesService.assertVisible (a township sees its own applicants' cases), a mediation file by its fileScope
 * (a private file only by its mediators) and never by a township clerk, who sees a file's referral, not its work.
 * A risk notice or a letter (libs/liaison) by the liaison read rule (LIAISON_READ: liaison officers and the district case
 * roles, the office head among them) and the record's existence (LiaisonQueriesService). Anything outside the actor's
 * scope is 404, exactly as a file that does not exist.
 */
@Injectable()
export class FileOwnerAccess {
  constructor(
    private readonly ds: DataSource, private readonly cases: CaseQueriesService, private readonly documents: DocumentService, private readonly liaison: LiaisonQueriesService,
  ) {}

  async assertVisible(actor: Actor, ownerType: FileOwnerType | string, ownerId: string): Promise<void> {
    try {
      if (ownerType === 'case') return await this.cases.assertVisible(actor, ownerId);
      if (ownerType === 'case-document') {
        // A document's later version (issue 18 item 6): seen by whoever sees the document (its case, seesCaseDocument).
        const doc = await this.documents.ownerOf(ownerId);
        if (!doc.caseId) throw FileErrors.notFound();
        await this.cases.assertVisible(actor, doc.caseId);
        if (!seesCaseDocument(actor, { ownerKind: doc.kind, type: doc.type })) throw FileErrors.notFound();
        return;
      }
      if (ownerType === 'mediation-file') {
        if (!seesMediationWork(actor)) throw FileErrors.notFound();
        await loadVisibleFile(this.ds.manager, actor, ownerId);
        return;
      }
      if (ownerType === 'risk-notice' || ownerType === 'letter') {
        await this.liaisonState(actor, ownerType, ownerId);
        return;
      }
    } catch (e) {
      throw isDomainError(e) && e.kind === 'not_found' ? FileErrors.notFound() : e;
    }
    throw FileErrors.notFound();
  }

  /**
   * Who may add to a risk notice or a letter, after assertVisible: the liaison officers (LIAISON_FILE_WRITE: 403 otherwise),
   * while the record is not closed (409, the liaison workflow's own illegal-transition answer). Cases have their own gate
   * (CaseQueriesService.assertOperation); a mediation file takes materials from whoever sees it.
   */
  async assertLiaisonMayAdd(actor: Actor, ownerType: 'risk-notice' | 'letter', ownerId: string): Promise<void> {
    const state = await this.liaisonState(actor, ownerType, ownerId).catch((e: unknown) => {
      throw isDomainError(e) && e.kind === 'not_found' ? FileErrors.notFound() : e;
    });
    if (!LIAISON_FILE_WRITE.includes(actor.role)) throw FileErrors.forbidden();
    if (ownerType === 'risk-notice' && !noticeTakesFiles(state as NoticeState)) {
      throw LiaisonErrors.illegalTransition('notice', state, NOTICE_STATE_LABELS[state as NoticeState], '上传材料');
    }
    if (ownerType === 'letter' && !letterTakesFiles(state as LetterState)) {
      throw LiaisonErrors.illegalTransition('letter', state, LETTER_STATE_LABELS[state as LetterState], '上传材料');
    }
  }

  /** The liaison record's state, for a role that reads liaison records (others: 404, as a record that does not exist). */
  private async liaisonState(actor: Actor, ownerType: 'risk-notice' | 'letter', ownerId: string): Promise<string> {
    if (!LIAISON_READ.includes(actor.role)) throw FileErrors.notFound();
    const record = ownerType === 'risk-notice' ? await this.liaison.notice(ownerId, actor) : await this.liaison.letter(ownerId, actor);
    return String(record.state);
  }
}
