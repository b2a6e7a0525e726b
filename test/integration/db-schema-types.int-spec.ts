import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { qb, run, runCounted, runFirst, rawRows, type RowOf } from '@fuyi/platform';
import { COLUMN_OVERRIDES, renderSchemaTypes } from '../../db/schema-types';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Typed rows (issue 19 item 2): generated/db-schema.ts is what `npm run db:types` writes from the migrated schema
 * (this test fails on drift: run `npm run db:types` and commit), and its types are what TypeORM's pg driver
 * really hands back, checked on every column of the seeded demo district that holds a value.
 */
const FILE = join(__dirname, '..', '..', 'generated', 'db-schema.ts');

/** What a value of each column type looks like at run time, given the type parsers set in libs/platform. */
const RUNTIME: Record<string, (v: unknown) => boolean> = {
  int2: (v) => typeof v === 'number',
  int4: (v) => typeof v === 'number',
  int8: (v) => typeof v === 'string' && /^-?\d+$/.test(v),
  numeric: (v) => typeof v === 'string',
  bool: (v) => typeof v === 'boolean',
  text: (v) => typeof v === 'string',
  varchar: (v) => typeof v === 'string',
  bpchar: (v) => typeof v === 'string',
  uuid: (v) => typeof v === 'string',
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  timestamptz: (v) => v instanceof Date,
  jsonb: (v) => v !== undefined,
  bytea: (v) => Buffer.isBuffer(v),
  _int4: (v) => Array.isArray(v) && v.every((x) => typeof x === 'number'),
  _int8: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  _text: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};

describe('generated/db-schema.ts (typed rows)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('is what `npm run db:types` generates from the migrated schema', async () => {
    const text = await renderSchemaTypes(db.owner);
    if (readFileSync(FILE, 'utf8') !== text)
      throw new Error('generated/db-schema.ts is out of date with the migrations: run `npm run db:types` and commit it');
    expect(readFileSync(FILE, 'utf8')).toBe(text);
  });

  it('maps every column type to what the driver returns (checked on the seeded rows)', async () => {
    const cols: { table_name: string; column_name: string; udt_name: string }[] = await db.owner.query(
      `SELECT c.table_name, c.column_name, c.udt_name FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1, c.ordinal_position`,
    );
    const byTable = new Map<string, typeof cols>();
    for (const c of cols) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
    const wrong: string[] = [];
    const checked = new Set<string>();
    for (const [table, tcols] of byTable) {
      const rows: Record<string, unknown>[] = await db.owner.query(`SELECT * FROM "${table}" LIMIT 50`);
      for (const c of tcols) {
        const check = RUNTIME[c.udt_name];
        if (!check) wrong.push(`${table}.${c.column_name}: no runtime check for ${c.udt_name}`);
        for (const r of rows) {
          const v = r[c.column_name];
          if (v === null) continue;
          checked.add(c.udt_name);
          const infinite = COLUMN_OVERRIDES[`${table}.${c.column_name}`] === 'TimestampOrInfinity' && Math.abs(v as number) === Infinity;
          if (check && !check(v) && !infinite)
            wrong.push(`${table}.${c.column_name} (${c.udt_name}) came back as ${typeof v}: ${String(v)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The seed exercises the awkward ones.
    for (const t of ['int8', 'timestamptz', 'date', 'jsonb', 'int4', 'bool']) expect(checked).toContain(t);
  });

  it('run(m, query) executes inside the caller’s transaction and returns typed rows', async () => {
    const user = await runFirst(db.ds, qb.selectFrom('users').select(['id', 'username']).orderBy('username').limit(1));
    expect(user).toBeDefined();
    const before = await run(
      db.ds,
      qb.selectFrom('notifications').select((e) => e.fn.countAll<string>().as('n')),
    );
    await expect(
      db.ds.transaction(async (m) => {
        const [inserted] = await run(
          m,
          qb
            .insertInto('notifications')
            .values({ user_id: user!.id, kind: 'test', title: 'T', body: 'B' })
            .returning(['id', 'created_at', 'read_at']),
        );
        expect(typeof inserted.id).toBe('string');
        expect(inserted.created_at).toBeInstanceOf(Date);
        expect(inserted.read_at).toBeNull();
        const { affected } = await runCounted(
          m,
          qb.updateTable('notifications').set({ read_at: new Date() }).where('id', '=', inserted.id),
        );
        expect(affected).toBe(1);
        const raw = await rawRows<RowOf<'notifications', 'id' | 'read_at'>>(m, 'SELECT id, read_at FROM notifications WHERE id = $1', [
          inserted.id,
        ]);
        expect(raw[0].read_at).toBeInstanceOf(Date);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const after = await run(
      db.ds,
      qb.selectFrom('notifications').select((e) => e.fn.countAll<string>().as('n')),
    );
    expect(after[0].n).toBe(before[0].n);
  });
});
