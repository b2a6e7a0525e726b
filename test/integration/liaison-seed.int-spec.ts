import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { SeedModule } from '../../db/seed/seed.module';
import { seedDemoLiaison } from '../../db/seed/demo-liaison';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The liaison demo seed runs through the real services: what awaits the office head's approval is in the head's inbox. */
describe('demo liaison seed', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await NestFactory.createApplicationContext(SeedModule.forRoot(db.config), { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('seeds notices and letters once; each submission and draft letter told to the head', async () => {
    await seedDemoLiaison(app);
    const states = (await db.ds.query('SELECT state FROM liaison_risk_notices ORDER BY state')).map((r: any) => r.state);
    expect(states).toEqual(['closed', 'sent', 'submitted']);
    const inbox = await db.ds.query(
      `SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.role = 'office_head' AND n.kind = 'liaison_approval'`);
    const [{ letters }] = await db.ds.query('SELECT count(*)::int AS letters FROM liaison_letters');
    expect(inbox).toHaveLength(3 + letters); // three notices submitted, each letter drafted
    await seedDemoLiaison(app);
    expect((await db.ds.query('SELECT count(*)::int AS n FROM liaison_risk_notices'))[0].n).toBe(3);
  });
});
