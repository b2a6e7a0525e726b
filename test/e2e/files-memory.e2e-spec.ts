import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { applicationBody } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { deleteRedisPrefix, killAllWorkers, startWorker, type WorkerProcess } from '../support/worker-process';
import { hashingParser, smallPdf, writeLargePdf } from '../support/upload-files';

const MB = 1_048_576;
const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});
/** The api process's resident memory, from the kernel (kB → MB). */
const rssMbOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/**
 * Issue 18 "Must show": a 20 MB PDF through the real api process (a child process, so that the test's own client is not
 * counted): the api's resident memory, sampled every 10 ms from /proc during the upload and the download, grows by far
 * less than the file, and no more for a file three times larger: nothing holds the file in memory.
 */
describe('a 20 MB upload keeps the api process memory bounded', () => {
  let db: TestDatabase;
  let api: WorkerProcess;
  const big = join(tmpdir(), `fuyi-mem-20mb-${process.pid}.pdf`);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await killAllWorkers();
    await rm(big, { force: true });
    await deleteRedisPrefix(db.config.redisUrl, db.config.queuePrefix);
    await db.drop();
  });

  it('uploads and downloads 20 MB with the hash intact; the api RSS grows by less than the file, and no more for 60 MB', async () => {
    const sha = await writeLargePdf(big, 20 * MB);
    const port = await freePort();
    api = await startWorker(db.config, {
      name: 'api', script: 'apps/api/src/main.ts', readyLine: 'API 已启动',
      env: { PORT: String(port), RATE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_MAX: '5', FILES_DIR: db.config.files.dir },
    });
    const http = request(`http://127.0.0.1:${port}`);
    const login = await http.post(apiPath('/auth/login')).send({ username: 'zhongcang', password: DEMO_PASSWORD });
    const auth = { authorization: `Bearer ${login.body.accessToken}` };
    const [{ id: dept }] = await db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    const caseId = (await http.post(apiPath('/applications')).set(auth).send(applicationBody(dept))).body.caseId;
    const send = (file: string | Buffer, name: string) => http.post(apiPath(`/cases/${caseId}/files`)).set(auth)
      .field('kind', 'applicant-material').field('submittedBy', '申请人').field('receivedOn', '2026-11-10').attach('file', file, name);
    const sampled = async <T>(work: () => Promise<T>) => {
      const base = rssMbOf(api.pid);
      let peak = base;
      const timer = setInterval(() => (peak = Math.max(peak, rssMbOf(api.pid))), 10);
      try {
        return { result: await work(), growthMb: peak - base };
      } finally {
        clearInterval(timer);
      }
    };
    // Warm-up: the first request loads the multipart and file-type code (not a transfer's cost).
    expect((await send(smallPdf(), '预热.pdf')).status).toBe(201);
    const start = rssMbOf(api.pid);
    const up = await sampled(() => send(big, '二十兆.pdf'));
    expect(up.result.status).toBe(201);
    expect(up.result.body.sha256).toBe(sha);
    const down = await sampled(() => http.get(apiPath(`/files/${up.result.body.id}/download`)).set(auth).buffer(true).parse(hashingParser));
    expect(down.result.status).toBe(200);
    expect(down.result.body).toEqual({ sha256: sha, size: 20 * MB });
    // Three times the size: if anything held the file, the growth would triple with it.
    const sha60 = await writeLargePdf(big, 60 * MB);
    const up60 = await sampled(() => send(big, '六十兆.pdf'));
    expect([up60.result.status, up60.result.body.sha256]).toEqual([201, sha60]);
    const total = rssMbOf(api.pid) - start;
    console.log(`[files memory] api RSS growth: upload 20 MB ${up.growthMb.toFixed(1)} MB, download 20 MB ${down.growthMb.toFixed(1)} MB, ` +
      `then upload 60 MB ${up60.growthMb.toFixed(1)} MB; over all 100 MB moved ${total.toFixed(1)} MB`);
    // The process sizes its heap once for streaming (V8's young generation and the allocator's arenas: ~10-20 MB seen
    // over the first transfers, more under a loaded machine), then stays flat: under the file's size for 20 MB, and
    // nothing like it for a file three times larger.
    expect(up.growthMb).toBeLessThan(20);
    expect(down.growthMb).toBeLessThan(20);
    expect(up60.growthMb).toBeLessThan(8);
    expect(total).toBeLessThan(30); // of 100 MB moved
  }, 120_000);
});
