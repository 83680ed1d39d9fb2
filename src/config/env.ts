import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const urlWithProtocols = (protocols: string[]) =>
  z.url({
    protocol: new RegExp(`^(${protocols.join('|')})$`),
    error: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Absent: the embedded PGlite database under DATA_DIR. */
    DATABASE_URL: urlWithProtocols(['postgres', 'postgresql']).optional(),
    REDIS_URL: urlWithProtocols(['redis', 'rediss']).optional(),
    /** Prefix of every Redis key and channel, so that several deployments can share one Redis. */
    REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1-64 letters, digits or : _ . -').default('bb:'),
    /** Embedded database files; `memory://` keeps them in memory (tests). */
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: urlWithProtocols(['http', 'https']).optional(),
    URI_SCHEME: z
      .string()
      .regex(/^[a-z][a-z0-9+.-]{0,31}$/, 'must be a lowercase URI scheme such as "backbeat"')
      .default('backbeat'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Seed the demo catalog when the database is empty. */
    SEED_DEMO: booleanFromString.default(true),
    /** Size of the demo catalog seeded on first start. */
    SEED_TRACKS: z.coerce.number().int().min(0).max(50_000_000).default(100_000),
    /** Development tokens (`npm run token`) until the OAuth server exists; never in production. */
    DEV_TOKENS: booleanFromString.optional(),
    CORS_ORIGINS: z.string().default('*'),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(512 * 1024),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    /** How many listeners besides its owner may authorize an app in development mode. */
    DEV_MODE_USER_CAP: z.coerce.number().int().min(0).max(1_000_000).default(25),
    /** Free listeners may read their player but not control it, as at Spotify. */
    PLAYER_REQUIRE_PREMIUM: booleanFromString.default(true),
    /** How long a player command waits for the device to acknowledge it. */
    PLAYER_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** How often devices are pinged; one missed pong and the device is dropped. */
    PLAYER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    /** Rate limiting of API calls per app, per app and listener, and of sign-in attempts per IP. */
    RATE_LIMIT_ENABLED: booleanFromString.default(true),
    /** Length of a rate-limit window, in seconds (Spotify's is 30). */
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** When Redis is unreachable: `open` counts in each instance's memory meanwhile; `closed` answers 503. */
    RATE_LIMIT_REDIS_FAILURE: z.enum(['open', 'closed']).default('open'),
    /**
     * Which proxies in front of the gateway to believe about the client's address (X-Forwarded-For),
     * for the per-IP limits and logs: `true` (all) or comma-separated addresses or CIDR ranges.
     * Unset: none, the connection's address counts.
     */
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|[0-9A-Fa-f.:/]+(,\s*[0-9A-Fa-f.:/]+)*)$/, 'must be true, false, or comma-separated addresses or CIDR ranges')
      .optional(),
    /** The most a GraphQL operation may cost (src/graphql/cost.ts); its cost is drawn from the caller's rate-limit budgets. */
    GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    /** How deeply a GraphQL operation may nest fields. */
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
    /** How many aliases a GraphQL operation may use. */
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(20),
    /** Signs the pages' CSRF cookies; set the same value on every instance. Absent: random per process. */
    COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .transform((env) => ({
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    DEV_TOKENS: env.DEV_TOKENS ?? env.NODE_ENV !== 'production',
    TRUST_PROXY: trustProxy(env.TRUST_PROXY),
  }));

/** Fastify's `trustProxy` from the TRUST_PROXY setting. */
function trustProxy(value: string | undefined): boolean | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((part) => part.trim());
}

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {}

/** Parses the environment once; throws a readable error naming every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(defined);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}: ${issue.message}${name in defined ? ` (got ${JSON.stringify(defined[name])})` : ''}`;
    });
    throw new InvalidEnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Secret values never printed in logs. */
export function redactEnv(env: Env): Record<string, unknown> {
  const redactUrl = (url?: string) => (url ? url.replace(/\/\/[^@/]*@/, '//***@') : undefined);
  return {
    ...env,
    DATABASE_URL: redactUrl(env.DATABASE_URL),
    REDIS_URL: redactUrl(env.REDIS_URL),
    COOKIE_SECRET: env.COOKIE_SECRET ? '***' : undefined,
  };
}
