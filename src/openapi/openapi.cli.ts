// `npm run openapi` writes sdk-generator/openapi.json; `-- --check` fails when the checked-in file is stale.
// The app graph is built in preview mode: nothing is instantiated, so no database is needed.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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
  if (values.check) {
    let current = '';
    try {
      current = readFileSync(OPENAPI_PATH, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error('sdk-generator/openapi.json is stale: run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('sdk-generator/openapi.json is up to date.');
    return;
  }
  writeFileSync(OPENAPI_PATH, text);
  console.log(`Wrote ${OPENAPI_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
