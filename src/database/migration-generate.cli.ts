// Writes a migration holding whatever the entities need beyond the existing migrations.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv } from '../config/env';
import { pendingSchemaChanges } from './schema-diff';

const SOURCE_DIR = join(__dirname, '..', '..', '..', 'src', 'database', 'migrations');

function quote(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('usage: npm run migration:generate -- PascalCaseName');
  const { up, down } = await pendingSchemaChanges(loadEnv());
  if (!up.length) {
    console.log('No changes: the migrations already match the entities.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n')}
  }
}
`;
  const file = `${timestamp}-${name}`;
  writeFileSync(join(SOURCE_DIR, `${file}.ts`), body);
  const indexPath = join(SOURCE_DIR, 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/(import type .*\n)/, `$1import { ${className} } from './${file}';\n`)
    .replace(/\n\];\s*$/, `\n  ${className},\n];\n`);
  writeFileSync(indexPath, index);
  console.log(`Wrote src/database/migrations/${file}.ts`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
