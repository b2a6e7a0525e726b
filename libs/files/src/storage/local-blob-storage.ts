import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, opendir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { isSha256, type BlobStorage } from './blob-storage';

/**
 * The default driver: blobs under `<dir>/ab/cd/<sha256>`. A write goes to `<dir>/tmp`, is fsynced, renamed into
 * place (atomic on one file system) and the directory fsynced, so a crash leaves either the whole blob or none.
 */
export class LocalBlobStorage implements BlobStorage {
  readonly driver = 'local' as const;
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error('invalid blob key');
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(sha256: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(sha256);
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    await mkdir(join(target, '..'), { recursive: true });
    const tmp = join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    try {
      await copyFile(sourcePath, tmp);
      const fh = await open(tmp, 'r+');
      await fh.sync().finally(() => fh.close());
      await rename(tmp, target);
      const dh = await open(join(target, '..'), 'r');
      await dh.sync().finally(() => dh.close());
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async get(sha256: string, range?: { start: number; end: number }): Promise<Readable> {
    const path = this.pathOf(sha256);
    await stat(path); // ENOENT now rather than as a stream error mid-answer
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async stat(sha256: string): Promise<{ size: number; modifiedAt: Date } | null> {
    const s = await stat(this.pathOf(sha256)).catch(() => null);
    return s ? { size: s.size, modifiedAt: s.mtime } : null;
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<{ sha256: string; modifiedAt: Date }> {
    for (const a of await safeDir(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await safeDir(join(this.dir, a))) {
        for (const name of await safeDir(join(this.dir, a, b))) {
          if (!isSha256(name)) continue;
          const s = await stat(join(this.dir, a, b, name)).catch(() => null);
          if (s) yield { sha256: name, modifiedAt: s.mtime };
        }
      }
    }
  }
}

async function safeDir(path: string): Promise<string[]> {
  const names: string[] = [];
  const dir = await opendir(path).catch(() => null);
  if (!dir) return names;
  for await (const entry of dir) names.push(entry.name);
  return names;
}
