import { Module } from '@nestjs/common';
import { DocumentService } from './document.service';
import { DocumentCommands } from './document-commands';
import { DocumentTemplates } from './templates/document-templates';

/** Needs the app's DataSource and PlatformModule (AuditService, TimeSource), both global. */
@Module({
  providers: [{ provide: DocumentTemplates, useFactory: () => new DocumentTemplates() }, DocumentService, DocumentCommands],
  exports: [DocumentService, DocumentTemplates, DocumentCommands],
})
export class DocumentsModule {}
