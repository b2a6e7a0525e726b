import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDomainError, type Actor } from '@fuyi/kernel';
import { CaseQueriesService, seesCaseDocument } from '@fuyi/cases';
import { DocumentService } from '@fuyi/documents';
import { loadVisibleFile, seesMediationWork } from '@fuyi/mediation';
import { FileErrors } from './domain/file-errors';
import type { FileOwnerType } from './domain/file-kinds';

/**
 * Issue 18 item 4: a file is seen by whoever may see its owner, by the owner's own rule (reused, not restated): a case
 * by CaseQueriesService.assertVisible (a township sees its own applicants' cases), a mediation file by its fileScope
 * (a private file only by its mediators) and never by a township clerk, who sees a file's referral, not its work.
 * Anything outside the actor's scope is 404, exactly as a file that does not exist.
 */
@Injectable()
export class FileOwnerAccess {
  constructor(private readonly ds: DataSource, private readonly cases: CaseQueriesService, private readonly documents: DocumentService) {}

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
    } catch (e) {
      throw isDomainError(e) && e.kind === 'not_found' ? FileErrors.notFound() : e;
    }
    // Risk notices and letters (libs/liaison) take files once their scoping is wired here; until then nobody does.
    throw FileErrors.notFound();
  }
}
