// `npm run app -- create --name "Run Club" --redirect-uri https://…`: registers an app and prints
// {"client_id","client_secret"} as its last line; `npm run app -- promote --email …` makes an administrator.
// Like `npm run token`, it asks a running server first (embedded PGlite admits one process) and opens
// the database only when none answers.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { loadEnv } from '../config/env';
import { DevAppsService } from './dev-apps.service';
import type { QuotaMode } from './entities/client.entity';
import { TokenCliModule } from './token-cli.module';

const USAGE = `Usage:
  npm run app -- create --name NAME --redirect-uri URI [--redirect-uri URI…] [--public] [--description TEXT] [--owner EMAIL]
  npm run app -- promote --email EMAIL
  npm run app -- limits --client-id ID [--quota development|extended] [--app N] [--user N] [--writes N] [--clear]
A running server on PORT (or --port N) is asked first; without one, the database is opened directly.
The owner defaults to the demo listener when there is one, else a tooling account that cannot sign in.`;

export interface CliOutput {
  /** The result, for scripts: stdout. */
  out(line: string): void;
  /** Everything for people: stderr. */
  err(line: string): void;
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

class UsageError extends Error {}

const QUOTA_MODES: QuotaMode[] = ['development', 'extended'];

/**
 * Posts to the running server's loopback-only development endpoint; null when nothing listens.
 * Its refusals (a bad redirect URI, an unknown owner) are thrown with the server's message.
 */
async function viaServer<T>(port: number, path: string, body: object): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return null;
  }
  const json = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(json.error?.message ?? `The server on port ${port} answered ${response.status}`);
  return json;
}

async function direct<T>(env: ReturnType<typeof loadEnv>, use: (devApps: DevAppsService) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(TokenCliModule.forEnv(env), { logger: ['error'] });
  try {
    return await use(app.get(DevAppsService));
  } finally {
    await app.close();
  }
}

/** The whole command; returns the exit code. Exported so that tests run it in-process. */
export async function runAppCli(argv: string[], source: NodeJS.ProcessEnv = process.env, io: CliOutput = consoleOutput): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        description: { type: 'string' },
        'redirect-uri': { type: 'string', multiple: true },
        public: { type: 'boolean', default: false },
        owner: { type: 'string' },
        email: { type: 'string' },
        port: { type: 'string' },
        'client-id': { type: 'string' },
        quota: { type: 'string' },
        app: { type: 'string' },
        user: { type: 'string' },
        writes: { type: 'string' },
        clear: { type: 'boolean', default: false },
      },
    });
    const env = loadEnv(source);
    const port = Number(values.port ?? env.PORT);
    // Without development tooling the server has no endpoint to ask (a production server runs on PostgreSQL).
    const run = async <T>(path: string, body: object, use: (devApps: DevAppsService) => Promise<T>): Promise<T> =>
      (env.DEV_TOKENS ? await viaServer<T>(port, path, body) : null) ?? (await direct(env, use));

    switch (positionals[0]) {
      case 'create': {
        if (!values.name) throw new UsageError('--name is required');
        const redirectUris = values['redirect-uri'] ?? [];
        if (!redirectUris.length) throw new UsageError('At least one --redirect-uri is required');
        const request = { name: values.name, description: values.description, redirect_uris: redirectUris, type: values.public ? 'public' : 'confidential', owner: values.owner } as const;
        const app = await run('/dev/apps', request, (devApps) =>
          devApps.register({ name: request.name, description: request.description, redirectUris, type: request.type, ownerEmail: request.owner }),
        );
        io.err(`Registered ${request.type} app “${values.name}” for ${app.owner}; redirect URIs: ${redirectUris.join(', ')}.`);
        if (app.client_secret) io.err('The client secret is shown this once: Backbeat keeps only its hash. Rotate it on the dashboard if it is lost.');
        io.out(JSON.stringify({ client_id: app.client_id, ...(app.client_secret ? { client_secret: app.client_secret } : {}) }));
        return 0;
      }
      case 'promote': {
        const email = values.email;
        if (!email) throw new UsageError('--email is required');
        const admin = await run('/dev/admins', { email }, (devApps) => devApps.promote(email));
        io.err(`${admin.email} is an administrator: they can switch apps' quota mode at /admin/apps.`);
        return 0;
      }
      case 'limits': {
        const clientId = values['client-id'];
        if (!clientId) throw new UsageError('--client-id is required');
        const quotaMode = QUOTA_MODES.find((mode) => mode === values.quota);
        if (values.quota !== undefined && !quotaMode) throw new UsageError('--quota is development or extended');
        const budgets = Object.entries({ app: values.app, user: values.user, writes: values.writes }).filter(([, v]) => v !== undefined);
        for (const [name, value] of budgets) if (!/^[1-9][0-9]{0,9}$/.test(value!)) throw new UsageError(`--${name} must be a positive whole number`);
        const override = values.clear ? null : budgets.length ? Object.fromEntries(budgets.map(([k, v]) => [k, Number(v)])) : undefined;
        const request = { quota_mode: quotaMode, rate_limit_override: override };
        const limits = await run(`/dev/apps/${encodeURIComponent(clientId)}/limits`, request, (devApps) => devApps.setLimits(clientId, { quotaMode, override }));
        io.err(`${limits.client_id}: ${limits.quota_mode} quota${limits.rate_limit_override ? `, own budgets ${JSON.stringify(limits.rate_limit_override)}` : ''} (running gateways apply it within 30 s).`);
        io.out(JSON.stringify(limits));
        return 0;
      }
      default:
        throw new UsageError(positionals[0] ? `Unknown command: ${positionals[0]}` : 'Name a command');
    }
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    const badOption = String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || badOption) io.err(USAGE);
    return 1;
  }
}

if (require.main === module) {
  void runAppCli(process.argv.slice(2)).then((code) => process.exit(code));
}
