import type { INestApplication } from '@nestjs/common';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import websocket from '@fastify/websocket';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import { installEtags } from './common/http/etag';
import { installResponseHeaders } from './common/http/security-headers';
import { HttpMetrics } from './common/metrics/metrics';
import type { Env } from './config/env';
import { buildOpenApiDocument, serveOpenApi } from './openapi/openapi';
import { installCoverUploads } from './playlists/cover-image';
import { RATE_LIMIT_X_HEADERS } from './rate-limit/rate-limit-headers';

const INCOMING_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function fastifyAdapter(env: Pick<Env, 'BODY_LIMIT_BYTES' | 'TRUST_PROXY'>): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    // Keep a caller's request id when it looks sane, so logs join up across services.
    genReqId: (raw: IncomingMessage) => {
      const incoming = raw.headers['x-request-id'];
      const id = typeof incoming === 'string' && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      (raw as { id?: string }).id = id;
      return id;
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
}

/** Builds the whole gateway: used by main.ts, the CLIs and the tests. */
export async function createApp(env: Env, options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), fastifyAdapter(env), {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  // Pages keep a session and a CSRF secret in cookies (Nest's adapter parses URL-encoded forms already).
  await app.register(cookie, { secret: env.COOKIE_SECRET ?? randomBytes(32).toString('base64url') });
  await app.register(csrf, { cookieKey: 'bb_csrf', cookieOpts: { httpOnly: true, sameSite: 'lax', path: '/', signed: true } });
  // Devices connect over WebSocket (src/player/device-hub.ts); protocol frames are small.
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });
  configureApp(app, env);
  await app.init();
  return app;
}

function configureApp(app: NestFastifyApplication, env: Env): void {
  const fastify = app.getHttpAdapter().getInstance();
  app.get(HttpMetrics).install(fastify);
  installResponseHeaders(fastify);
  installEtags(fastify);
  installCoverUploads(fastify);
  app.enableCors({
    origin: env.CORS_ORIGINS === '*' ? true : env.CORS_ORIGINS.split(',').map((o) => o.trim()),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'if-none-match', 'x-request-id'],
    // Browser apps may read their budgets (docs/rate-limits.md).
    exposedHeaders: ['etag', 'retry-after', 'x-request-id', 'location', 'ratelimit', 'ratelimit-policy', ...RATE_LIMIT_X_HEADERS],
    maxAge: 600,
  });
  serveOpenApi(app as INestApplication, buildOpenApiDocument(app as INestApplication, env.PUBLIC_URL));
}
