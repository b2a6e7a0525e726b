import type { Readable } from 'node:stream';

/** A blob's key is its SHA-256 (hex): content-addressed, so the same material stored twice is one blob. */
export interface BlobStorage {
  readonly driver: 'local' | 's3';
  /** Stores the file at `sourcePath` under `sha256` (atomically: a reader never sees half a blob). */
  put(sha256: string, sourcePath: string, size: number): Promise<void>;
  /** The blob's bytes, or bytes start..end inclusive. */
  get(sha256: string, range?: { start: number; end: number }): Promise<Readable>;
  /** Size in bytes, or null when absent. */
  stat(sha256: string): Promise<{ size: number; modifiedAt: Date } | null>;
  delete(sha256: string): Promise<void>;
  /** Every stored key with its last change (the orphan sweep and files:verify walk it). */
  list(): AsyncIterable<{ sha256: string; modifiedAt: Date }>;
}

export const BLOB_STORAGE = Symbol('BLOB_STORAGE');

export const isSha256 = (key: string) => /^[0-9a-f]{64}$/.test(key);
