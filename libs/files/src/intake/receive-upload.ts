import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { once } from 'node:events';
import { FileErrors } from '../domain/file-errors';
import { SNIFF_BYTES, sniffAllowedType, type AllowedType } from '../domain/content-type';

export interface ReceivedUpload {
  path: string;
  sha256: string;
  size: number;
  type: AllowedType;
  discard(): Promise<void>;
}

/**
 * Issue 18 item 1: the upload streams to a temporary file while it is hashed (SHA-256) and its first bytes kept to
 * tell its type; memory stays at a few chunks whatever the size (the write waits for the disk: backpressure). Over
 * `maxBytes` the rest is read and dropped (so the client reads the answer) and 413 follows; a type not allowed is 415.
 * The caller hands the file to the storage driver and calls discard() in every case.
 */
export async function receiveUpload(source: Readable, tmpDir: string, maxBytes: number): Promise<ReceivedUpload> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `upload-${randomBytes(8).toString('hex')}`);
  const discard = () => rm(path, { force: true });
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let size = 0;
  const out = createWriteStream(path);
  const written = new Promise<void>((resolve, reject) => out.once('finish', resolve).once('error', reject));
  written.catch(() => undefined); // awaited below; a write error must not go unhandled meanwhile
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) continue; // over the limit: read on (so that the client gets the 413), keep nothing
      hash.update(chunk);
      if (headBytes < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
      }
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await written;
  } catch (e) {
    out.destroy();
    await discard();
    // The multipart parser's own limit (a backstop above ours) may cut the stream first: still our 413.
    throw size > maxBytes ? FileErrors.tooLarge(maxBytes) : e;
  }
  if (size > maxBytes) {
    await discard();
    throw FileErrors.tooLarge(maxBytes);
  }
  if (size === 0) {
    await discard();
    throw FileErrors.noFile();
  }
  const type = await sniffAllowedType(Buffer.concat(head));
  if (!type) {
    await discard();
    throw FileErrors.typeNotAllowed();
  }
  return { path, sha256: hash.digest('hex'), size, type, discard };
}
