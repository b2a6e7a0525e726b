import { CaseDocumentEntity, CaseDocumentVersionEntity, DocumentCounterEntity } from './entities';

export * from './entities';
export * from './domain/document-types';
export * from './domain/document-errors';
export * from './domain/document-format';
export * from './domain/document-data';
export * from './templates/template.types';
export * from './templates/document-templates';
export * from './templates/request-fields';
export * from './render/placeholders';
export * from './render/render-docx';
export * from './case-facts';
export * from './case-document-facts';
export * from './domain/case-document-rules';
export * from './document.service';
export * from './document-commands';
export * from './documents.module';

export const DOCUMENTS_ENTITIES = [CaseDocumentEntity, CaseDocumentVersionEntity, DocumentCounterEntity];
