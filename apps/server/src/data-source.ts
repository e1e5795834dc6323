import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database/data-source.js';
import { ENTITIES } from './entities.js';

/** For the TypeORM CLI (`migration:generate`); the desk itself builds options from its config. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kefu', ENTITIES));
