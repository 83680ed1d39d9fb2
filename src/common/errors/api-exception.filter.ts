import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorPage } from '../http/html';
import { DomainError, ErrorCode } from './domain-errors';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  INSUFFICIENT_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  BAD_GATEWAY: 502,
  UNAVAILABLE: 503,
};

export interface ErrorBody {
  error: { status: number; message: string; reason?: string; request_id?: string };
}

/** Fastify's own client errors (bad JSON, body too large, …) carry a statusCode. */
interface FastifyClientError {
  statusCode: number;
  code?: string;
  message: string;
}

function isFastifyClientError(value: unknown): value is FastifyClientError {
  const status = (value as FastifyClientError | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** RFC 6750's `WWW-Authenticate` for a refused bearer token. */
export function bearerChallenge(reason: string | undefined): string {
  if (reason === 'TOKEN_EXPIRED' || reason === 'INVALID_TOKEN') return 'Bearer realm="backbeat", error="invalid_token"';
  if (reason === 'INSUFFICIENT_SCOPE') return 'Bearer realm="backbeat", error="insufficient_scope"';
  return 'Bearer realm="backbeat"';
}

export function toErrorBody(status: number, message: string, reason?: string, requestId?: string): ErrorBody {
  return { error: { status, message, ...(reason ? { reason } : {}), ...(requestId ? { request_id: requestId } : {}) } };
}

/** Renders every error as `{"error":{"status","message","reason","request_id"}}`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, message, reason } = this.describe(exception);
    if (status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    // RFC 6750 §3: the challenge names the problem with the bearer token.
    if (status === 401 || reason === 'INSUFFICIENT_SCOPE') void reply.header('www-authenticate', bearerChallenge(reason));
    void reply.status(status).header('cache-control', 'no-store');
    if (request.url.startsWith('/api/')) {
      // The OAuth endpoints answer in RFC 6749's error shape, even for errors raised before them.
      void reply.send({ error: status >= 500 ? 'server_error' : 'invalid_request', error_description: message });
    } else if (!request.url.startsWith('/v1/') && (request.headers.accept ?? '').includes('text/html')) {
      // A browser on one of the pages (a form post with an expired CSRF token, say) gets a page.
      void reply.header('content-type', 'text/html; charset=utf-8').send(errorPage(status >= 500 ? 'Something went wrong' : 'That did not work', message));
    } else {
      void reply.send(toErrorBody(status, message, reason, request.id));
    }
  }

  private describe(exception: unknown): { status: number; message: string; reason?: string } {
    if (exception instanceof DomainError) {
      return { status: STATUS_BY_CODE[exception.code], message: exception.message, reason: exception.reason ?? exception.code };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(detail) ? detail.join('; ') : typeof detail === 'string' ? detail : exception.message;
      return { status, message: status === 500 ? 'Internal server error' : message, reason: HttpStatus[status] };
    }
    if (isFastifyClientError(exception)) {
      return { status: exception.statusCode, message: exception.message, reason: exception.code };
    }
    return { status: 500, message: 'Internal server error', reason: 'INTERNAL_ERROR' };
  }
}
