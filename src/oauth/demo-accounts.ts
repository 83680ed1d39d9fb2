import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountsService } from './accounts.service';
import { ClientsService } from './clients.service';
import { UserEntity } from './entities/user.entity';
import { randomToken } from './secrets';

export const DEMO_EMAIL = 'demo@backbeat.local';
export const DEMO_REDIRECT_URI = 'http://127.0.0.1:8888/callback';

/**
 * On a fresh database: a demo listener (an administrator, who also owns the demo app) and a demo developer app,
 * so that the OAuth flows can be tried at once. Returns what to print, or null when they exist.
 */
export async function createDemoAccounts(app: INestApplicationContext): Promise<string | null> {
  if (await app.get(DataSource).getRepository(UserEntity).existsBy({ email: DEMO_EMAIL })) return null;
  const password = randomToken(12);
  const accounts = app.get(AccountsService);
  const listener = await accounts.signUp({ email: DEMO_EMAIL, password, displayName: 'Demo Listener', country: 'US', product: 'premium' });
  // A fresh local install needs someone who can switch apps to extended quota.
  await accounts.promoteToAdmin(DEMO_EMAIL);
  const { client, secret } = await app.get(ClientsService).register(listener.id, {
    name: 'Backbeat Demo App',
    description: 'Created on first start to try the OAuth flows.',
    redirectUris: [DEMO_REDIRECT_URI],
    type: 'confidential',
  });
  return [
    'Demo accounts (shown once; only hashes are stored):',
    `  listener: ${DEMO_EMAIL} / ${password}`,
    `  app:      client_id ${client.id}, client_secret ${secret}, redirect URI ${DEMO_REDIRECT_URI}`,
    '  The demo listener is an administrator (this is a local development install): sign in at /dashboard',
    '  to manage apps, and at /admin/apps to switch any app to extended quota.',
  ].join('\n');
}
