import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnv } from '../../src/config/env';
import { runAppCli } from '../../src/oauth/app.cli';
import { ClientsService } from '../../src/oauth/clients.service';
import { CLI_LISTENER } from '../../src/oauth/dev-apps.service';
import { TokenCliModule } from '../../src/oauth/token-cli.module';

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// A file of its own: typeorm-pglite keeps one PGlite per process (module), so a test server's
// database in the same file would be the one the CLI opened, and closed.
describe('npm run app with no server running (e2e)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'backbeat-app-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens the embedded database itself, and the app it registers is there afterwards', async () => {
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir, PORT: String(await closedPort()) };
    const out: string[] = [];
    const code = await runAppCli(['create', '--name', 'Offline', '--redirect-uri', 'https://offline.example/cb'], env, { out: (line) => out.push(line), err: () => undefined });
    expect(code).toBe(0);
    const { client_id, client_secret } = JSON.parse(out.at(-1)!) as { client_id: string; client_secret: string };

    const app = await NestFactory.createApplicationContext(TokenCliModule.forEnv(loadEnv(env)), { logger: false });
    try {
      expect(await app.get(ClientsService).authenticate(client_id, client_secret)).toMatchObject({ name: 'Offline', ownerId: CLI_LISTENER });
    } finally {
      await app.close();
    }
  });
});
