// `npm run token -- --user demo --scopes "a b"`: prints a development access token as its last line.
// Embedded PGlite admits one process, so it asks a running server first and opens the database only when none answers.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { loadEnv } from '../config/env';
import type { IssuedToken } from './access-tokens.service';
import { DevTokensService } from './dev-tokens.service';
import { TokenCliModule } from './token-cli.module';

async function viaServer(port: number, body: { user?: string; scopes?: string }): Promise<IssuedToken | null> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/dev/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return null; // nothing listening
  }
  const json = (await response.json()) as IssuedToken & { error?: { message: string } };
  if (!response.ok) throw new Error(json.error?.message ?? `server answered ${response.status}`);
  return json;
}

async function direct(body: { user?: string; scopes?: string }): Promise<IssuedToken> {
  const app = await NestFactory.createApplicationContext(TokenCliModule.forEnv(loadEnv()), { logger: ['error'] });
  try {
    return await app.get(DevTokensService).mint(body);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { user: { type: 'string' }, scopes: { type: 'string', default: '' }, port: { type: 'string' } },
  });
  const env = loadEnv();
  if (!env.DEV_TOKENS) throw new Error('Development tokens are disabled (DEV_TOKENS=false or NODE_ENV=production)');
  const body = { user: values.user, scopes: values.scopes };
  const token = (await viaServer(Number(values.port ?? env.PORT), body)) ?? (await direct(body));
  console.error(`user: ${values.user ?? '(none: app-only token)'}  scopes: ${token.scope || '(none)'}  expires in: ${token.expires_in}s`);
  console.log(token.access_token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
