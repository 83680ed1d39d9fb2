import type { FastifyInstance } from 'fastify';
import { hash } from 'node:crypto';

/** `If-None-Match` holds `*` or a list of (possibly weak) tags; weak comparison, as RFC 9110 asks for GET. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * Strong ETags on successful GET and HEAD responses, and 304 for a matching
 * `If-None-Match`. Writes and errors get none: a 304 only ever stands for a 200.
 */
export function installEtags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return done(null, payload);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    // Encode once: hashing a string would encode it to UTF-8, and sending it would again.
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    // A handler that already knows its body's tag (sendJsonOnce) saves hashing it again.
    const known = reply.getHeader('etag');
    const etag = typeof known === 'string' ? known : `"${hash('sha1', body, 'base64url')}"`;
    void reply.header('etag', etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      void reply.code(304);
      return done(null, '');
    }
    done(null, body);
  });
}
