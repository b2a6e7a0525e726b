import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Errors Fastify raises before Nest (tester #14) come out in the common shape {statusCode, code, message, requestId},
 * in Chinese, echoing neither the URL nor the body. And the input rules let ordinary text through (tester #1, #5).
 */
const CJK = /[\u4e00-\u9fff]/;

describe('HTTP-level errors and input handling', () => {
  let t: TestApp;
  let port: number;
  let clerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    clerk = await t.login('zhongcang');
  });
  afterAll(() => t?.close());

  /** Sends bytes as they are (an HTTP client would percent-encode the URL), returns status, headers and parsed body. */
  const raw = (head: string) => new Promise<{ status: number; headers: string; body: any; text: string }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from(head, 'utf8')));
    let data = '';
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [headers, text] = [data.slice(0, data.indexOf('\r\n\r\n')), data.slice(data.indexOf('\r\n\r\n') + 4)];
      resolve({ status: Number(headers.split(' ')[1]), headers, body: JSON.parse(text), text });
    });
  });

  const expectCommonShape = (status: number, body: any, code: string) => {
    expect(body).toEqual({ statusCode: status, code, message: expect.stringMatching(CJK), requestId: expect.any(String) });
  };

  it('raw UTF-8 in the query (the HTTP parser refuses it): 400 in our shape, URL not echoed', async () => {
    const res = await raw('GET /liaison/risk-notices?state=草稿 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    expectCommonShape(400, res.body, 'BAD_REQUEST');
    expect(res.headers.toLowerCase()).toContain(`x-request-id: ${res.body.requestId.toLowerCase()}`);
    expect(res.text).not.toMatch(/草稿|state|Client Error/);
  });

  it('a 5000-character path parameter: 414 URI_TOO_LONG in our shape, URL not echoed', async () => {
    const res = await t.http().get(`/liaison/risk-notices/${'a'.repeat(5000)}`).set('authorization', `Bearer ${clerk}`);
    expect(res.status).toBe(414);
    expectCommonShape(414, res.body, 'URI_TOO_LONG');
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
    expect(res.text).not.toMatch(/aaaa|risk-notices|FST_ERR/);
  });

  it('a malformed percent-encoding in the path: 400 in our shape', async () => {
    const res = await t.http().get('/liaison/risk-notices/%E0%A4%A').set('authorization', `Bearer ${clerk}`);
    expect(res.status).toBe(400);
    expectCommonShape(400, res.body, 'BAD_REQUEST');
    expect(res.text).not.toMatch(/E0%A4|FST_ERR|valid url/);
  });

  it.each([
    ['malformed JSON', 400, 'BAD_REQUEST', 'application/json', '{"username": "clerk", "password": "13800138000'],
    ['an unsupported content type', 415, 'UNSUPPORTED_MEDIA_TYPE', 'application/xml', '<login><username>clerk</username><password>13800138000</password></login>'],
    ['a body over 1 MB', 413, 'PAYLOAD_TOO_LARGE', 'application/json', JSON.stringify({ username: 'clerk', password: '13800138000'.repeat(100_000) })],
  ])('%s → %i %s in our shape, body not echoed', async (_name, status, code, type, payload) => {
    const res = await t.http().post('/auth/login').set('content-type', type).send(payload);
    expect(res.status).toBe(status);
    expectCommonShape(status, res.body, code);
    expect(res.text).not.toMatch(/13800138000|clerk|Unexpected|FST_ERR/);
  });

  describe('C0 control characters other than tab, line feed and carriage return are refused in bodies (tester mediation #12)', () => {
    const consultation = (visitorName: string, topic = '咨询') => t.http().post('/consultations').set('authorization', `Bearer ${clerk}`)
      .send({ visitorName, topic, category: 'penalty', advice: '告知权利' });
    const count = async () => (await t.db.ds.query('SELECT count(*)::int AS n FROM consultations'))[0].n;

    it.each([['U+0001', '\u0001', '0001'], ['U+0007 (bell)', '\u0007', '0007'], ['U+000B (vertical tab)', '\u000b', '000B'], ['U+001B (escape)', '\u001b', '001B']])(
      '%s → 400 naming the field and the character, nothing stored', async (_n, char, code) => {
        const before = await count();
        const res = await consultation('李四', `对罚款${char}决定不服`);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'topic', message: `含有不允许的控制字符（U+${code}）` }] });
        expect(await count()).toBe(before);
      },
    );

    it('nested fields are named by their path', async () => {
      const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
      const body = applicationBody(dept);
      body.applicants[0].name = '王\u001b五';
      const res = await t.http().post('/applications').set('authorization', `Bearer ${clerk}`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field: 'applicants.0.name', message: '含有不允许的控制字符（U+001B）' }]);
    });

    it('tab, line feed and carriage return pass', async () => {
      const res = await consultation('李四', '对罚款决定不服：\t一、\r\n二、\n');
      expect(res.status).toBe(201);
    });
  });

  describe('ordinary text passes the personal-data and blank-text rules', () => {
    it('case and document numbers, dates, amounts and parcel numbers are not personal data; a blank optional field is absent', async () => {
      const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
      const body = applicationBody(dept, {
        act: { type: '行政处罚决定', documentNumber: '京通城管罚字〔2026〕第101号', date: '2026-10-20', knownDate: '2026-11-01', project: '通复〔2026〕第00012号所涉3000元罚款项目', place: ' \u3000\u200b' },
        requests: '撤销2026年10月20日作出的罚款3000元的决定，恢复3号地块原状',
      });
      const res = await t.http().post('/applications').set('authorization', `Bearer ${clerk}`).send(body);
      expect(res.status).toBe(201);
      const [row] = await t.db.ds.query('SELECT act_document_number, act_project, act_place FROM cases WHERE id = $1', [res.body.caseId]);
      expect(row).toEqual({ act_document_number: '京通城管罚字〔2026〕第101号', act_project: '通复〔2026〕第00012号所涉3000元罚款项目', act_place: null });
    });
  });
});
