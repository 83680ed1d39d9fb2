/**
 * Errors thrown by services. Transports map `code` to their own form once:
 * REST in ApiExceptionFilter, GraphQL in its error formatter.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'TOKEN_EXPIRED'
  | 'FORBIDDEN'
  | 'INSUFFICIENT_SCOPE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'BAD_GATEWAY'
  | 'UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable detail, e.g. Spotify's `NO_ACTIVE_DEVICE`. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, reason?: string) {
    super('BAD_REQUEST', message, reason);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Resource not found', reason?: string) {
    super('NOT_FOUND', message, reason);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Forbidden', reason?: string) {
    super('FORBIDDEN', message, reason);
  }
}
