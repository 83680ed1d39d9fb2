// `npm run openapi` writes sdk-generator/openapi.json; `-- --check` fails when the checked-in file is stale.
// The app graph is built in preview mode: nothing is instantiated, so no database is needed.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeOrCheck } from '../common/generated-file';
import { fastifyAdapter } from '../app';
import { AppModule } from '../app.module';
import { loadEnv } from '../config/env';
import { buildOpenApiDocument } from './openapi';

export const OPENAPI_PATH = join(__dirname, '..', '..', '..', 'sdk-generator', 'openapi.json');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  // Defaults only, so the document does not depend on the local environment.
  const env = loadEnv({});
  const app: INestApplication = await NestFactory.create(AppModule.forRoot(env), fastifyAdapter(env), { preview: true, logger: false });
  const text = `${JSON.stringify(buildOpenApiDocument(app, env.PUBLIC_URL), null, 2)}\n`;
  writeOrCheck(OPENAPI_PATH, text, values.check, 'npm run openapi');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
