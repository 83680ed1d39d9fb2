import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** JSON is never rendered as a page: forbid everything a browser might load or frame. */
const API_HEADERS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: { action: 'deny' },
  xPermittedCrossDomainPolicies: false,
};

/** HTML pages (the API reference, later the dashboard) load their own scripts, styles and images. */
const PAGE_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      // OAuth form posts end in a redirect to the app's registered URI (any https origin, loopback port
      // or private scheme), which `form-action 'self'` would block. The pages escape all output and run
      // no scripts of their own, so no injected form can post elsewhere.
      formAction: null,
      frameAncestors: ["'none'"],
    },
  },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
};

/** GraphiQL (development only) loads React and GraphiQL from unpkg.com. */
const GRAPHIQL_HEADERS: HelmetOptions = {
  ...PAGE_HEADERS,
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
      styleSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
      imgSrc: ["'self'", 'data:', 'https:'],
      fontSrc: ["'self'", 'data:', 'https://unpkg.com'],
      frameAncestors: ["'none'"],
    },
  },
};

/**
 * Helmet's headers depend only on its options, so they are computed once here
 * instead of rebuilding its middleware on every request.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet rejected its options');
  });
  return headers;
}

/** Every response carries its request id and the API's security headers; HTML pages get the page set. */
export function installResponseHeaders(fastify: FastifyInstance): void {
  const api = securityHeaders(API_HEADERS);
  const page = securityHeaders(PAGE_HEADERS);
  const graphiql = securityHeaders(GRAPHIQL_HEADERS);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(api).header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) void reply.headers(request.url.startsWith('/graphql') ? graphiql : page);
    done(null, payload);
  });
}
