// Fails when the entities and the migrations disagree (CI gate).
import 'reflect-metadata';
import { loadEnv } from '../config/env';
import { pendingSchemaChanges } from './schema-diff';

async function main(): Promise<void> {
  const env = loadEnv();
  const { up } = await pendingSchemaChanges(env);
  const where = env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  if (up.length) {
    console.error(`Entities and migrations disagree on ${where}; the migrations lack:\n${up.map((q) => `  ${q};`).join('\n')}`);
    console.error('Run `npm run migration:generate -- <Name>` and commit the new migration.');
    process.exit(1);
  }
  console.log(`Migrations match the entities (${where}).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
