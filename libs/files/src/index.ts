import { StoredFileEntity } from './entities/stored-file.entity';

export * from './domain/file-kinds';
export * from './domain/file-errors';
export * from './domain/byte-range';
export * from './domain/content-disposition';
export * from './domain/content-type';
export * from './domain/evidence-risk';
export * from './storage/blob-storage';
export * from './storage/local-blob-storage';
export * from './storage/s3-blob-storage';
export * from './storage/create-blob-storage';
export * from './intake/receive-upload';
export * from './intake/clamd-scanner';
export * from './files.service';
export * from './files-maintenance';
export * from './files.module';
export * from './evidence-risk.hook';
export * from './dossier/pdf-pages';
export * from './dossier/dossier-order';
export * from './dossier/case-package.service';
export { StoredFileEntity };

export const FILES_ENTITIES = [StoredFileEntity];
