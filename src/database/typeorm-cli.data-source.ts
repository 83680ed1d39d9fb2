// Entry point for the TypeORM CLI: the same options the app uses.
import 'reflect-metadata';
import { loadEnv } from '../config/env';
import { createDataSource } from './data-source';

export default createDataSource(loadEnv());
