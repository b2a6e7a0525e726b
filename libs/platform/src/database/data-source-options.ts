import { types } from 'pg';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

// DATE columns stay 'YYYY-MM-DD' strings: turning them into JS Dates would shift them by the process time zone.
types.setTypeParser(1082, (value: string) => value);

export interface SchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** Schema comes from migrations only: synchronize is off everywhere, and migrations are a deploy step. */
export function dataSourceOptions(url: string, schema: SchemaParts, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const { extra: driverExtra, ...rest } = overrides as Partial<DataSourceOptions> & { extra?: Record<string, unknown> };
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install at connect time.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    ...rest,
    extra: { max: 20, connectionTimeoutMillis: 5000, ...driverExtra },
  } as DataSourceOptions;
}
