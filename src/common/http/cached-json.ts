import type { FastifyReply } from 'fastify';
import { hash } from 'node:crypto';

const serialized = new WeakMap<object, { json: Buffer; etag: string }>();

/**
 * Sends a response object as JSON, serializing it and hashing its ETag once per object. For
 * objects served again and again from a cache, where serializing dominates the request.
 */
export function sendJsonOnce<T extends object>(reply: FastifyReply, body: T, serialize: (body: T) => string = JSON.stringify): Buffer {
  let entry = serialized.get(body);
  if (!entry) {
    const json = Buffer.from(serialize(body));
    entry = { json, etag: `"${hash('sha1', json, 'base64url')}"` };
    serialized.set(body, entry);
  }
  void reply.header('content-type', 'application/json; charset=utf-8').header('etag', entry.etag);
  return entry.json;
}
