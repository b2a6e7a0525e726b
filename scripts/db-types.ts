import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, ensureAppRole, ensureDatabase, runMigrations } from '@fuyi/platform';
import { SCHEMA } from '../db/schema';
import { renderSchemaTypes } from '../db/schema-types';

/**
 * `npm run db:types` (issue 19 item 2): migrates a fresh temporary database, writes generated/db-schema.ts from it
 * and drops the database again. Run after adding a migration; commit the result.
 * The server comes from DB_TYPES_PG_URL (owner role), default the local PostgreSQL with trust authentication.
 */
async function main(): Promise<void> {
  const server = new URL(process.env.DB_TYPES_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/fuyi_dbtypes_${randomBytes(4).toString('hex')}`;
  const url = server.toString();
  await ensureDatabase(url);
  try {
    await ensureAppRole(url);
    await runMigrations(url, SCHEMA);
    const ds = await new DataSource(dataSourceOptions(url, SCHEMA, { extra: { max: 1 } } as never)).initialize();
    try {
      const target = resolve(__dirname, '../generated/db-schema.ts');
      writeFileSync(target, await renderSchemaTypes(ds));
      console.log(`已生成 ${target}`);
    } finally {
      await ds.destroy();
    }
  } finally {
    await dropDatabase(url);
  }
}

main().catch((e) => {
  console.error(`生成数据库类型失败：${(e as Error).message}`);
  process.exit(1);
});
