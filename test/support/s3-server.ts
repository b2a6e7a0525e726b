import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// s3rver: a maintained fake S3 server (put/get/range/head/delete/list over the real protocol); no Docker needed.
import S3rver from 's3rver';

export interface LocalS3 {
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A local S3-protocol server on a free port, with one bucket, and the FILES_* settings that point the api at it. */
export async function startLocalS3(bucket = 'fuyi-files'): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'fuyi-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  return {
    env: {
      FILES_DRIVER: 's3', FILES_S3_ENDPOINT: `http://127.0.0.1:${port}`, FILES_S3_BUCKET: bucket, FILES_S3_REGION: 'us-east-1',
      FILES_S3_ACCESS_KEY_ID: 'S3RVER', FILES_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
