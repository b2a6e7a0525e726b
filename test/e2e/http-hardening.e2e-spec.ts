import { MAX_JSON_DEPTH } from '../../apps/api/src/http/json-depth';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 14 item 8 (deep JSON refused with 400 JSON_TOO_DEEP before any recursive check, signed in or not) and item 6 (request ids). */
describe('HTTP hardening: JSON nesting depth and request ids (real Postgres and Redis)', () => {
  let t: TestApp;
  let clerk: string;
  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.login('clerk');
  });
  afterAll(() => t?.close());

  const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  const send = (path: string, raw: string, token?: string) => {
    const r = t.http().post(path).set('content-type', 'application/json');
    if (token) r.set('authorization', `Bearer ${token}`);
    return r.send(raw);
  };

  it.each([
    ['/auth/login', undefined],
    ['/auth/refresh', undefined],
    ['/public/case-status', undefined],
    ['/deadlines/compute', undefined],
    ['/applications', undefined],
    ['/deadlines/compute', 'clerk'],
    ['/applications', 'clerk'],
    ['/consultations', 'clerk'],
  ])('%s (%s): arrays 1,500 deep and objects 3,000 deep answer 400 JSON_TOO_DEEP', async (path, who) => {
    const token = who ? clerk : undefined;
    for (const raw of [deepArray(1500), deepObject(3000), `{"username":${deepArray(MAX_JSON_DEPTH + 1)},"password":"x"}`]) {
      const res = await send(path, raw, token);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'JSON_TOO_DEEP', message: expect.stringMatching(/[\u4e00-\u9fff]/), requestId: expect.any(String) });
    }
  });

  it('brackets inside strings do not count, and a body at the limit is judged by the route as before', async () => {
    const res = await send('/auth/login', JSON.stringify({ username: '['.repeat(5000), password: '{'.repeat(5000) }));
    expect(res.status).not.toBe(500);
    expect(res.body.code).not.toBe('JSON_TOO_DEEP');
    const atLimit = await send('/auth/login', `{"username":${deepArray(MAX_JSON_DEPTH - 1)},"password":"x"}`);
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.code).toBe('VALIDATION_FAILED');
  });

  it('prototype keys are still refused and Object.prototype stays clean', async () => {
    const res = await send('/auth/login', '{"username":"a","password":"b","__proto__":{"polluted":1}}');
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("the server's request id is authoritative; a client's X-Request-Id is echoed and recorded apart (issue 14 item 6)", async () => {
    const forged = 'forged-request-0001';
    const res = await t.http().post('/auth/login').set('x-request-id', forged).send({ username: 'chief', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-request-id']).not.toBe(forged);
    expect(res.headers['x-client-request-id']).toBe(forged);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    const rows = await t.db.ds.query(`SELECT request_id, client_request_id FROM audit_log WHERE request_id = $1 OR client_request_id = $2`, [res.body.requestId, forged]);
    expect(rows).toEqual([{ request_id: res.body.requestId, client_request_id: forged }]);
    // Two callers sending the same id get two different server ids.
    const again = await t.http().post('/auth/login').set('x-request-id', forged).send({ username: 'chief', password: 'wrong-password' });
    expect(again.headers['x-request-id']).not.toBe(res.headers['x-request-id']);
    const verify = await t.http().get('/audit/verify').set('authorization', `Bearer ${await t.login('auditor')}`);
    expect(verify.body.breaks).toEqual([]);
  });
});
