import { Logger } from '@nestjs/common';
import { fixturePasswordHash } from './fixture-password';
import { createTestApp, type TestApp } from './test-app';

export interface MediationCentre {
  t: TestApp;
  tok: Record<string, string>;
  ids: Record<string, string>;
  respondentId: number;
  otherRespondentId: number;
  /** What Swagger warned about while the app booted (e.g. duplicate DTO names). */
  swaggerWarnings: string[];
}

/**
 * The app with the centre set up by the office head: `mediator` is the coordinator; a second mediator `mediator2`
 * is linked to the second department and to 赵大勇 (conflict check).
 */
export async function setUpMediationCentre(): Promise<MediationCentre> {
  const warn = jest.spyOn(Logger, 'warn');
  const t = await createTestApp();
  const swaggerWarnings = warn.mock.calls.map((c) => String(c[0]));
  warn.mockRestore();
  await t.db.ds.query(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('mediator2', '调解员 钱红', 'mediator', $1)`, [await fixturePasswordHash()]);
  const names = ['zhongcang', 'clerk', 'chief', 'head', 'mediator', 'mediator2', 'admin'];
  const tok = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await t.login(n)])));
  const ids = Object.fromEntries((await t.db.ds.query(`SELECT id, username FROM users`)).map((u: any) => [u.username, u.id]));
  const [{ id: respondentId }, { id: otherRespondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 2`);
  const centre = { t, tok, ids, respondentId, otherRespondentId, swaggerWarnings };
  const { as } = mediationRequests(() => centre);
  expect((await as('head').put(`/mediation/mediators/${ids.mediator}`, { skills: ['demolition', 'expropriation', 'public_security'], isCoordinator: true, conflictDepartmentIds: [], conflictNames: [] })).status).toBe(200);
  expect((await as('head').put(`/mediation/mediators/${ids.mediator2}`, { skills: ['demolition'], isCoordinator: false, conflictDepartmentIds: [otherRespondentId], conflictNames: ['赵大勇'] })).status).toBe(200);
  return centre;
}

/** Requests as a demo user, a file's row, and the usual assign-then-take step. */
export function mediationRequests(centre: () => Pick<MediationCentre, 't' | 'tok' | 'ids'>) {
  const as = (who: string) => {
    const { t, tok } = centre();
    return {
      get: (url: string) => t.http().get(url).set('authorization', `Bearer ${tok[who]}`),
      post: (url: string, body: object) => t.http().post(url).set('authorization', `Bearer ${tok[who]}`).send(body),
      put: (url: string, body: object) => t.http().put(url).set('authorization', `Bearer ${tok[who]}`).send(body),
    };
  };
  const fileOf = async (fileId: string) => (await centre().t.db.ds.query('SELECT * FROM mediation_files WHERE id = $1', [fileId]))[0];
  const assignAndTake = async (fileId: string, mediator = 'mediator') => {
    const a = await as('head').post(`/mediation/files/${fileId}/assign`, { version: (await fileOf(fileId)).version, mediatorIds: [centre().ids[mediator]] });
    expect(a.status).toBe(200);
    const taken = await as(mediator).post(`/mediation/files/${fileId}/take`, { version: a.body.version });
    expect(taken.status).toBe(200);
    return taken.body;
  };
  return { as, fileOf, assignAndTake };
}
