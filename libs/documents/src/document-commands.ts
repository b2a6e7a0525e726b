import { Injectable } from '@nestjs/common';
import type { Actor } from '@fuyi/kernel';
import { UnitOfWork } from '@fuyi/platform';
import type { DocumentData, DocumentType } from './domain/document-types';
import { DocumentService } from './document.service';

/** Issuing a case document as one unit of work (issue 19 item 3), the actor passed explicitly. */
@Injectable()
export class DocumentCommands {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly documents: DocumentService,
  ) {}

  issueFromCase(actor: Actor, caseId: string, type: DocumentType, data: DocumentData = {}) {
    return this.uow.run((m) => this.documents.issueFromCase(m, actor, caseId, type, data));
  }
}
