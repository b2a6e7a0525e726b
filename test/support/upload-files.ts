import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Response } from 'supertest';

/** A PDF-looking file of `bytes` bytes (header, then random content) written in 1 MB pieces: never whole in memory. */
export async function writeLargePdf(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  let left = bytes;
  const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  hash.update(header);
  out.write(header);
  left -= header.length;
  while (left > 0) {
    const chunk = randomBytes(Math.min(left, 1_048_576));
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
    left -= chunk.length;
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

export const smallPdf = (text = 'fuyi') => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`, 'latin1');
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605bb0000000049454e44ae426082', 'hex');

/** A supertest parser that hashes the body as it streams in, instead of buffering it. */
 
export function hashingParser(res: any, done: (err: Error | null, body: unknown) => void): void {
  const hash = createHash('sha256');
  let size = 0;
  res.on('data', (d: Buffer) => {
    hash.update(d);
    size += d.length;
  });
  res.on('end', () => done(null, { sha256: hash.digest('hex'), size }));
}

export type HashedBody = Response & { body: { sha256: string; size: number } };
