// Used by `npm run migration:generate` (TypeORM CLI): connects as the schema owner.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@fuyi/platform';
import { SCHEMA } from './schema';

export default new DataSource(dataSourceOptions(loadConfig().ownerDatabaseUrl, SCHEMA));
