export * from './case-document.entity';
export * from './document-counter.entity';
