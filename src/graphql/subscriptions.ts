import type { WebSocket } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DocumentNode, GraphQLError, GraphQLSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import type { Principal } from '../common/auth/principal';
import { costLimitError, operationCost } from './cost';
import { formatError } from './errors';
import type { GqlContextFactory } from './graphql-context.factory';

/** `connection_init` payload: the bearer token, as `authorization: "Bearer …"` (or `token: "…"`). */
type InitPayload = Record<string, unknown>;

/** GraphQL's own errors with the codes Apollo gives them over HTTP. */
const coded = (error: GraphQLError, code: string) => new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });

function bearerOf(payload: InitPayload | undefined | null): string | undefined {
  const header = payload?.authorization ?? payload?.Authorization;
  if (typeof header === 'string') return header;
  return typeof payload?.token === 'string' ? `Bearer ${payload.token}` : undefined;
}

/**
 * graphql-ws on a WebSocket route of its own (the device protocol's WebSocket plugin owns upgrades).
 * The token comes in `connection_init`; the connection closes (4403) when it is refused and
 * (4401) when the token expires. Operations are validated with the same rules as over HTTP.
 */
export function installSubscriptions(
  fastify: FastifyInstance,
  path: string,
  schema: () => GraphQLSchema,
  contexts: GqlContextFactory,
  rules: readonly ValidationRule[],
  maxCost: number,
): void {
  type Extra = { principal?: Principal; expiry?: NodeJS.Timeout };
  const handler = makeHandler<InitPayload, Extra>({
    schema: () => schema(),
    onConnect: async (ctx) => {
      const { principal } = await contexts.authenticate(bearerOf(ctx.connectionParams));
      if (!principal) return false;
      ctx.extra.principal = principal;
      const socket = ctx.extra.socket;
      ctx.extra.expiry = setTimeout(() => socket.close(4401, 'Token expired'), Math.max(0, principal.expiresAt.getTime() - Date.now()));
      ctx.extra.expiry.unref();
      return true;
    },
    onClose: (ctx) => clearTimeout(ctx.extra.expiry),
    // Errors leave in the same form as over HTTP.
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : result),
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    onSubscribe: (ctx, _id, payload) => {
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [coded(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
      }
      const errors = validate(schema(), document, [...specifiedRules, ...rules]);
      if (errors.length) return errors.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED'));
      try {
        const cost = operationCost(schema(), document, payload.operationName, payload.variables);
        if (cost > maxCost) return [costLimitError(cost, maxCost)];
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      return {
        schema: schema(),
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: contexts.forConnection(ctx.extra.principal!),
      };
    },
  });
  fastify.get(path, { websocket: true }, (socket: WebSocket, request: FastifyRequest) => handler.call(fastify, socket, request));
}
