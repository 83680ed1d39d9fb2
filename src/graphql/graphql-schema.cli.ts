// `npm run graphql:schema` writes sdk-generator/schema.graphql; `-- --check` fails when the checked-in file is stale.
// The schema is built from the resolvers alone, so no database or server is needed.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeOrCheck } from '../common/generated-file';
import { RESOLVERS } from './graphql.module';

const SCHEMA_PATH = join(__dirname, '..', '..', '..', 'sdk-generator', 'schema.graphql');

/** The schema as /graphql serves it (sorted, as the server sorts it). */
async function schemaText(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const text = await schemaText();
  writeOrCheck(SCHEMA_PATH, text, values.check, 'npm run graphql:schema');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
