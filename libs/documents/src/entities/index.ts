export * from './case-document.entity';
export * from './document-counter.entity';
export * from './case-document-version.entity';
