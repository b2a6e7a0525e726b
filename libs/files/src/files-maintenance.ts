import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { BlobStorage } from './storage/blob-storage';
import * as StoredFiles from './stores/stored-files.store';

/**
 * Issue 18 item 2: a blob is written before its row's transaction commits; when that transaction fails the blob has no
 * row. Blobs older than the grace period with no row are removed (a younger one may belong to an upload in flight).
 * `now`: the caller's TimeSource (the worker passes `time.now()`).
 */
export async function sweepOrphanBlobs(ds: Pick<DataSource, 'query'>, storage: BlobStorage, graceSeconds: number, now: Date): Promise<number> {
  const cutoff = now.getTime() - graceSeconds * 1000;
  let removed = 0;
  for await (const blob of storage.list()) {
    if (blob.modifiedAt.getTime() > cutoff) continue;
    if (await StoredFiles.blobReferenced(ds, blob.sha256)) continue;
    await storage.delete(blob.sha256);
    removed++;
  }
  return removed;
}

export interface VerifyReport {
  checked: number;
  missing: Array<{ sha256: string; fileIds: string[] }>;
  altered: Array<{ sha256: string; fileIds: string[]; actual: string }>;
}

/** Issue 18 item 7 (npm run files:verify): every stored file read back and hashed; missing and altered ones reported. */
export async function verifyStoredFiles(ds: Pick<DataSource, 'query'>, storage: BlobStorage): Promise<VerifyReport> {
  const rows = await StoredFiles.blobsWithFiles(ds);
  const report: VerifyReport = { checked: 0, missing: [], altered: [] };
  for (const r of rows) {
    const sha256 = r.sha256.trim();
    report.checked++;
    if (!(await storage.stat(sha256))) {
      report.missing.push({ sha256, fileIds: r.ids });
      continue;
    }
    const hash = createHash('sha256');
    for await (const chunk of await storage.get(sha256)) hash.update(chunk as Buffer);
    const actual = hash.digest('hex');
    if (actual !== sha256) report.altered.push({ sha256, fileIds: r.ids, actual });
  }
  return report;
}
