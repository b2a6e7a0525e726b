import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { FilesConfig } from '@fuyi/platform';
import { isSha256, type BlobStorage } from './blob-storage';

const PREFIX = 'blobs/';

/**
 * S3-compatible object storage (what government clouds offer). A PUT is atomic by the protocol: a reader sees the old
 * object or the whole new one. Checksums only when required: many S3-compatible stores do not speak the SDK's newer
 * aws-chunked trailers, and the SHA-256 is ours to verify anyway (files:verify).
 */
export class S3BlobStorage implements BlobStorage {
  readonly driver = 's3' as const;
  private readonly bucket: string;
  /** The SDK is loaded with the first request, not when the api starts: most deployments store files locally. */
  private readonly sdk = import('@aws-sdk/client-s3');
  private readonly client: Promise<S3Client>;

  constructor(cfg: FilesConfig['s3']) {
    this.bucket = cfg.bucket;
    this.client = this.sdk.then(
      ({ S3Client: Client }) =>
        new Client({
          endpoint: cfg.endpoint, region: cfg.region, forcePathStyle: cfg.forcePathStyle,
          credentials: cfg.accessKeyId && cfg.secretAccessKey ? { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } : undefined,
          requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
        }),
    );
  }

  private keyOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error('invalid blob key');
    return `${PREFIX}${sha256}`;
  }

  async put(sha256: string, sourcePath: string, size: number): Promise<void> {
    const { PutObjectCommand } = await this.sdk;
    await (await this.client).send(new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256), Body: createReadStream(sourcePath), ContentLength: size }));
  }

  async get(sha256: string, range?: { start: number; end: number }): Promise<Readable> {
    const { GetObjectCommand } = await this.sdk;
    const out = await (await this.client).send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256), Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
    return out.Body as Readable;
  }

  async stat(sha256: string): Promise<{ size: number; modifiedAt: Date } | null> {
    const { HeadObjectCommand } = await this.sdk;
    try {
      const h = await (await this.client).send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return { size: Number(h.ContentLength ?? 0), modifiedAt: h.LastModified ?? new Date(0) };
    } catch (e) {
      if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
      throw e;
    }
  }

  async delete(sha256: string): Promise<void> {
    const { DeleteObjectCommand } = await this.sdk;
    await (await this.client).send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
  }

  async *list(): AsyncIterable<{ sha256: string; modifiedAt: Date }> {
    const { ListObjectsV2Command } = await this.sdk;
    const client = await this.client;
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken: token }));
      for (const o of page.Contents ?? []) {
        const sha256 = (o.Key ?? '').slice(PREFIX.length);
        if (isSha256(sha256)) yield { sha256, modifiedAt: o.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  destroy(): void {
    void this.client.then((c) => c.destroy());
  }
}
