import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Entities and migrations must agree: what TypeORM would generate for the entities is already in the migrated schema. */
describe('schema drift (entities vs migrations)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
  });
  afterAll(() => db.drop());

  it('the schema builder has no pending up-queries', async () => {
    const sql = await db.owner.driver.createSchemaBuilder().log();
    const pending = sql.upQueries.map((q) => q.query);
    if (pending.length) {
      throw new Error(`entities and migrations disagree; a migration is missing these ${pending.length} statement(s):\n${pending.join(';\n')}`);
    }
    expect(pending).toEqual([]);
  });

  it('every migration in the code base has been applied to the template', async () => {
    const applied = (await db.owner.query('SELECT name FROM schema_migrations ORDER BY id')).map((r: any) => r.name);
    const known = db.owner.migrations.map((m) => m.name);
    expect(applied).toEqual(known);
  });
});
