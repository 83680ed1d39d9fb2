// `npm run graphql:schema` writes sdk-generator/schema.graphql; `-- --check` fails when the checked-in file is stale.
// The schema is built from the resolvers alone, so no database or server is needed.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RESOLVERS } from './graphql.module';

export const SCHEMA_PATH = join(__dirname, '..', '..', '..', 'sdk-generator', 'schema.graphql');

/** The schema as /graphql serves it (sorted, as the server sorts it). */
export async function schemaText(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const text = await schemaText();
  if (values.check) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error('sdk-generator/schema.graphql is stale: run `npm run graphql:schema` and commit the result.');
      process.exit(1);
    }
    console.log('sdk-generator/schema.graphql is up to date.');
    return;
  }
  writeFileSync(SCHEMA_PATH, text);
  console.log(`Wrote ${SCHEMA_PATH}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
