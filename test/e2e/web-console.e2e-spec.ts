import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { defaultWebRoot } from '../../apps/api/src/http/web-console';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The web console served by the api at / (issue 13 item 1), from a stand-in build (the browser tests use the real one). */
describe('web console at / (static files, fallback, cache headers, CSP)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  const root = mkdtempSync(join(tmpdir(), 'fuyi-web-'));
  const INDEX =
    '<!doctype html><html lang="zh-CN"><body><div id="root"></div><script type="module" src="/assets/index-Ab12Cd34.js"></script></body></html>';

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-Ab12Cd34.js'), 'console.log("复议")');
    writeFileSync(join(root, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    db = await createTestDatabase();
    app = await createApp(db.config, { webRoot: root });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('/ and any console route answer index.html, revalidated on every load', async () => {
    for (const url of ['/', '/login', '/work/my-queue', '/status?from=receipt', '/cases/00000000-0000-4000-8000-000000000001']) {
      const res = await get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX);
    }
  });

  it('hashed assets are immutable for a year; other files revalidate', async () => {
    const js = await get('/assets/index-Ab12Cd34.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const robots = await get('/robots.txt');
    expect(robots.headers['cache-control']).toBe('no-cache');
    // An asset gone after a deployment is a 404, not index.html (the browser would refuse HTML as a script anyway).
    expect((await get('/assets/gone-Zz99.js')).statusCode).toBe(404);
  });

  it('the API, probes and metrics never fall back: an unknown API path keeps its JSON 404', async () => {
    const res = await get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) });
    expect((await get('/health/nothing')).statusCode).toBe(404);
    expect((await get('/metrics/x')).statusCode).toBe(404);
    expect((await get('/health/live')).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/work/my-queue' })).statusCode).toBe(404);
  });

  it('an encoded API path (/%61pi/…, /api%2F…, /API/…) is decided decoded: the JSON 404, never the console page', async () => {
    for (const url of [
      '/%61pi/no-such-thing',
      '/%61%70%69/cases',
      '/api%2Fno-such-thing',
      '/API/no-such-thing',
      '/%68ealth/x',
      '/%61ssets/gone.js',
    ]) {
      const res = await get(url);
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 404, expect.stringMatching(/^application\/json/)]);
      expect([url, res.body]).not.toEqual([url, INDEX]);
    }
    // A path that does not decode is refused before routing (400, JSON), never the console page either.
    const bad = await get('/bad%E0%A4%A');
    expect([bad.statusCode, bad.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/json/)]);
    // The console's own routes, encoded or not, still answer index.html.
    expect((await get('/work/%E6%88%91')).body).toBe(INDEX);
  });

  it("helmet's CSP lets the console run: scripts, styles (Ant Design's inline <style>) and API calls from this origin only", async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).not.toMatch(/connect-src [^;]*\*/);
    // Nothing of the console or the API is framed (clickjacking), only a preview of a material (files-preview.e2e-spec.ts).
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect((await get('/')).headers['x-frame-options']).toBe('DENY');
    // The console's preview shows a material it fetched with the caller's token from a blob: URL (iframe, img).
    expect(csp).toMatch(/frame-src 'self' blob:/);
    expect(csp).toMatch(/img-src 'self' data: blob:/);
  });

  it("scripts from this origin only (no 'unsafe-inline') everywhere but Swagger UI, whose page starts itself inline", async () => {
    const scriptSrc = (url: string) => /(?:^|;)\s*script-src ([^;]*)/.exec(String(url))?.[1];
    for (const url of ['/', '/work/my-queue', '/assets/index-Ab12Cd34.js', '/api/no-such-thing', '/api/docs-json']) {
      expect([url, scriptSrc(String((await get(url)).headers['content-security-policy']))]).toEqual([url, "'self'"]);
    }
    const docs = await get('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(scriptSrc(String(docs.headers['content-security-policy']))).toBe("'self' 'unsafe-inline'");
  });

  it('the console needs no inline script: its index.html (source, and the Vite build when present) loads scripts by src only', () => {
    const built = join(defaultWebRoot(__dirname), 'index.html');
    for (const file of [join(__dirname, '..', '..', 'apps', 'web', 'index.html'), ...(existsSync(built) ? [built] : [])]) {
      const scripts = readFileSync(file, 'utf8').match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect([file, tag]).toEqual([file, expect.stringMatching(/\bsrc="[^"]+"/)]);
      expect(readFileSync(file, 'utf8')).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/);
    }
  });

  it('without a build nothing is served at / (the api alone still works)', async () => {
    expect(defaultWebRoot(__dirname)).toBe(join(__dirname, '..', '..', 'dist', 'web'));
    const bare = await createApp(db.config, {});
    await bare.init();
    await bare.getHttpAdapter().getInstance().ready();
    try {
      expect((await bare.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
