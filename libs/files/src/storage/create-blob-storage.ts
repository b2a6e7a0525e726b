import { resolve } from 'node:path';
import type { FilesConfig } from '@fuyi/platform';
import type { BlobStorage } from './blob-storage';
import { LocalBlobStorage } from './local-blob-storage';
import { S3BlobStorage } from './s3-blob-storage';

/** The configured driver (FILES_DRIVER); api, worker and the files:verify script build it the same way. */
export function createBlobStorage(cfg: FilesConfig): BlobStorage {
  return cfg.driver === 's3' ? new S3BlobStorage(cfg.s3) : new LocalBlobStorage(resolve(cfg.dir));
}
