import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import type { Scope } from '../../src/common/auth/scopes';
import { seedCatalog } from '../../src/database/seeds/catalog-loader';
import { AccessTokensService } from '../../src/oauth/access-tokens.service';
import { DevTokensService } from '../../src/oauth/dev-tokens.service';
import { createTestDatabase, sameDatabase, TestDatabase } from './test-env';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  db: TestDatabase;
  dataSource: DataSource;
  /** A token for `user` (none: an app-only token) with the given scopes. */
  token(options?: { user?: string; scopes?: Scope[]; ttlSeconds?: number }): Promise<string>;
  request<T = any>(path: string, init?: RequestInit & { token?: string }): Promise<HttpResult<T>>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The whole gateway on a real port and a real database, seeded with a small catalog. */
export async function startTestApp(options: { seedTracks?: number; env?: Record<string, string>; sameDatabaseAs?: TestApp } = {}): Promise<TestApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Rate limiting is off unless a test turns it on: most files make more calls per window than an app may.
  const overrides = { PORT: String(port), PUBLIC_URL: baseUrl, RATE_LIMIT_ENABLED: 'false', ...options.env };
  // A second gateway instance runs on the first one's database, which only the first one drops.
  const shared = options.sameDatabaseAs?.db;
  const db = shared ? sameDatabase(shared, overrides) : await createTestDatabase(overrides);
  const app = await createApp(db.env, { logger: false });
  const dataSource = app.get(DataSource);
  if (options.seedTracks !== 0 && !shared) {
    // Anchored to today, so `tag:new` finds the fixture's five-day-old single.
    await seedCatalog(dataSource, { tracks: options.seedTracks ?? 2000, publicUrl: baseUrl, anchorDate: new Date() });
  }
  await app.listen(port, '127.0.0.1');

  const tokens = app.get(AccessTokensService);
  const devTokens = app.get(DevTokensService);
  return {
    app,
    baseUrl,
    db,
    dataSource,
    async token({ user, scopes = [], ttlSeconds } = {}) {
      const userId = user ? await devTokens.ensureListener(user) : null;
      const issued = await tokens.issue({ clientId: 'test-client', userId, scopes, ttlSeconds });
      return issued.access_token;
    },
    async request(path, init = {}) {
      const { token, headers, ...rest } = init;
      const response = await fetch(`${baseUrl}${path}`, {
        ...rest,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string>) },
      });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return { status: response.status, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
