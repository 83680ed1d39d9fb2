import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import OAuth2Server, { OAuthError, Request, Response } from '@node-oauth/oauth2-server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_CODE_GRANT } from './device-code.grant-type';

/** Grant types Backbeat accepts at /api/token: no implicit, no password grant (RFC 9700 §2.4). */
export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials', DEVICE_CODE_GRANT] as const;

export class ProtocolError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

/**
 * The form parameters of an OAuth request, each a single string: RFC 6749 §3.1
 * forbids repeating a parameter, and an array here would be ambiguous.
 */
export function singleParams(source: unknown): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries((source ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) throw new ProtocolError('invalid_request', `Parameter ${name} is included more than once`);
    if (typeof value !== 'string') throw new ProtocolError('invalid_request', `Parameter ${name} must be a string`);
    if (value !== '') params[name] = value;
  }
  return params;
}

/** The form body of a request to a token-service endpoint: RFC 6749 §3.2 and its extensions send nothing else. */
export function formParams(request: FastifyRequest): Record<string, string> {
  if (!request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new ProtocolError('invalid_request', 'The body must be application/x-www-form-urlencoded');
  }
  return singleParams(request.body);
}

/** The library's request, built from Fastify's with single-valued parameters. */
export function libraryRequest(request: FastifyRequest, body: Record<string, string>, query: Record<string, string> = {}): Request {
  return new Request({ method: request.method, headers: request.headers as Record<string, string>, query, body });
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1: form-encoded, then base64) or from the body. */
export function clientCredentials(request: FastifyRequest, body: Record<string, string>): { clientId?: string; secret?: string } {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new ProtocolError('invalid_client', 'Malformed Basic credentials', 401);
    try {
      return { clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    } catch {
      throw new ProtocolError('invalid_client', 'Malformed Basic credentials', 401);
    }
  }
  return { clientId: body.client_id, secret: body.client_secret };
}

/** Answers protocol errors with RFC 6749 §5.2 JSON; like tokens, they are never cached. */
@Catch(ProtocolError, OAuthError)
export class ProtocolErrorFilter implements ExceptionFilter {
  catch(error: ProtocolError | OAuthError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, body] =
      error instanceof ProtocolError
        ? [error.status, { error: error.error, error_description: error.description }]
        : [error.code, { error: error.name, error_description: error.message }];
    if (status === 401) void reply.header('www-authenticate', 'Basic realm="backbeat"');
    void reply.status(status).header('cache-control', 'no-store').header('pragma', 'no-cache').send(body);
  }
}

export { OAuth2Server, Response as LibraryResponse };
