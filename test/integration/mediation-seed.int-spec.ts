import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role, type Actor } from '@fuyi/kernel';
import { AcceptanceService, CaseHandlingService, RegistrationService } from '@fuyi/cases';
import { SeedModule } from '../../db/seed/seed.module';
import { seedDemoMediation } from '../../db/seed/demo-mediation';
import { applicationBody } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The demo seed gives the centre files in every stage and every outcome, through the real services. */
describe('demo mediation seed', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await NestFactory.createApplicationContext(SeedModule.forRoot(db.config), { logger: false });
    const ds = app.get(DataSource);
    const users: Record<string, Actor> = Object.fromEntries((await ds.query('SELECT id, username, role, township_id FROM users')).map((u: any) => [u.username, { userId: u.id, username: u.username, role: u.role, townshipId: u.township_id }]));
    const [{ id: dept }] = await ds.query('SELECT id FROM departments ORDER BY id LIMIT 1');
    for (let i = 0; i < 8; i++) {
      await ds.transaction(async (m) => {
        const reg = await app.get(RegistrationService).register(m, users.clerk, applicationBody(dept, { receivedAt: new Date().toISOString() }) as never);
        if (i === 7) return; // one application stays in its acceptance window
        await app.get(AcceptanceService).decide(m, users.clerk, reg.caseId, { outcome: 'accept', version: 1, procedure: 'ordinary' });
        await app.get(CaseHandlingService).assign(m, { ...users.head, role: Role.OfficeHead }, reg.caseId, 2, users.clerk.userId);
      });
    }
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('covers every stage and outcome, once', async () => {
    expect(await seedDemoMediation(app)).toBe(14);
    const rows = await db.ds.query(`SELECT state, outcome, source FROM mediation_files`);
    expect(new Set(rows.map((r: any) => r.state))).toEqual(new Set(['referred', 'assigned', 'in_progress', 'agreed', 'withdrawal_pending', 'closed', 'failed']));
    expect(new Set(rows.map((r: any) => r.outcome).filter(Boolean))).toEqual(new Set(['agreement', 'self_correction', 'reconciliation', 'given_up', 'failure', 'backed_out']));
    expect(new Set(rows.map((r: any) => r.source))).toEqual(new Set(['intake', 'window', 'case', 'court']));
    const caseStates = (await db.ds.query(`SELECT c.state FROM cases c JOIN mediation_files f ON f.case_id = c.id`)).map((r: any) => r.state);
    expect(caseStates).toEqual(expect.arrayContaining(['suspended', 'mediated', 'terminated', 'accepted']));
    expect(await seedDemoMediation(app)).toBe(0);
  });
});
