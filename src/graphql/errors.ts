import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors/domain-errors';

/** Domain error codes as GraphQL clients know them (`extensions.code`). */
const GRAPHQL_CODE: Record<ErrorCode, string> = {
  BAD_REQUEST: 'BAD_USER_INPUT',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INSUFFICIENT_SCOPE: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'BAD_USER_INPUT',
  UNSUPPORTED_MEDIA_TYPE: 'BAD_USER_INPUT',
  RATE_LIMITED: 'RATE_LIMITED',
  BAD_GATEWAY: 'BAD_GATEWAY',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/** HTTP status of a whole request refused before execution (authentication, budget). */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHORIZED: 401, TOKEN_EXPIRED: 401, RATE_LIMITED: 429, UNAVAILABLE: 503 };

/** A domain error as a GraphQL error, for refusals raised outside resolvers (plugins, subscriptions). */
export function toGraphQLError(error: DomainError, headers?: Record<string, string>): GraphQLError {
  const status = HTTP_STATUS[error.code];
  return new GraphQLError(error.message, {
    extensions: {
      code: GRAPHQL_CODE[error.code],
      reason: error.reason ?? error.code,
      ...(status ? { http: { status, headers: new Map(Object.entries(headers ?? {})) } } : {}),
    },
  });
}

const logger = new Logger('GraphQL');
/** Codes GraphQL itself and Apollo give (parse, validation, persisted queries), passed through as they are. */
const KNOWN_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * Every error leaves with a code from one list and a message meant for the caller: domain errors
 * keep theirs, anything unexpected becomes INTERNAL_SERVER_ERROR (logged, never with a stack).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: GRAPHQL_CODE[original.code], reason: original.reason ?? original.code } };
  }
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError || (typeof code === 'string' && KNOWN_CODES.has(code))) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error in a GraphQL operation');
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
