import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_DB_ROLE } from '../config/app-config';
import { dataSourceOptions, type SchemaParts } from './data-source-options';

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** The same server's `postgres` database, for CREATE/DROP DATABASE and role checks. */
export function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database if missing (run as the owner). */
export async function ensureDatabase(ownerUrl: string, template?: string): Promise<boolean> {
  const name = databaseName(ownerUrl);
  const client = new Client({ connectionString: maintenanceUrl(ownerUrl) });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl(ownerUrl) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(ownerUrl))} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The application role: it may read and write the tables but cannot UPDATE or DELETE audit rows.
 * Roles are cluster-wide; the password (if any) comes from APP_DB_PASSWORD.
 */
export async function ensureAppRole(ownerUrl: string, password?: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl(ownerUrl) });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_DB_ROLE]);
    if (!rowCount) await client.query(`CREATE ROLE ${APP_DB_ROLE} LOGIN`).catch(ignoreDuplicate);
    if (password) await client.query(`ALTER ROLE ${APP_DB_ROLE} LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
  } finally {
    await client.end();
  }
}

function ignoreDuplicate(e: { code?: string }): void {
  // 23505/42710: another process created the role at the same moment
  if (e.code !== '42710' && e.code !== '23505') throw e;
}

/** Runs pending migrations as the owner; returns the names applied. */
export async function runMigrations(ownerUrl: string, schema: SchemaParts): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(ownerUrl, schema, { logging: ['error'] }));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
