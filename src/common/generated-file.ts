import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Writes a generated, checked-in file; with `check`, writes nothing and exits 1 when the file on
 * disk differs (CI's staleness check).
 */
export function writeOrCheck(path: string, text: string, check: boolean, command: string): void {
  const name = `${basename(dirname(path))}/${basename(path)}`;
  if (!check) {
    writeFileSync(path, text);
    console.log(`Wrote ${path}`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${name} is stale: run \`${command}\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${name} is up to date.`);
}
