import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, OperationTypeNode, isObjectType } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ComplexityEstimator, ComplexityEstimatorArgs, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { missingToken } from '../common/auth/auth.guard';
import { bearerChallenge } from '../common/errors/api-exception.filter';
import { DomainError } from '../common/errors/domain-errors';
import { rateLimitHeaders, retryAfterSeconds, tightest } from '../rate-limit/rate-limit-headers';
import type { RateLimitService } from '../rate-limit/rate-limit.service';
import { MAX_PAGE } from './connection';
import { toGraphQLError } from './errors';
import type { GqlContext } from './graphql-context';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** Refusals before execution are the caller's fault: HTTP 400. */
const badInput = (message: string, reason: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, ...extensions, http: { status: 400 } } });

/**
 * GitHub's model: what an operation costs is the number of fetches it needs at most. A connection
 * costs one fetch plus its `first`/`last` times what each of its nodes costs; a root field one
 * fetch plus its selection; a field that fetches for every parent says its cost in `complexity`;
 * plain fields cost what their selection costs (nothing for scalars: relations come in batches).
 */
const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }: ComplexityEstimatorArgs) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  const size: unknown = args.first ?? args.last;
  if (size === undefined || size === null) {
    throw badInput(`${field.name} needs \`first\` or \`last\` (1–${MAX_PAGE})`, 'PAGE_SIZE_REQUIRED');
  }
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_PAGE || (args.first != null && args.last != null)) {
    throw badInput(`${field.name}: give one of \`first\` or \`last\`, from 1 to ${MAX_PAGE}`, 'INVALID_PAGE_SIZE');
  }
  return 1 + size * childComplexity;
};

const rootEstimator: ComplexityEstimator = ({ type, childComplexity }) => (isObjectType(type) && ROOT_TYPES.has(type.name) ? 1 + childComplexity : undefined);

const ESTIMATORS = [connectionEstimator, fieldExtensionsEstimator(), rootEstimator, simpleEstimator({ defaultComplexity: 0 })];

/** What an operation costs; throws (BAD_USER_INPUT) when a connection lacks a valid `first`/`last`. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): number {
  return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables: variables ?? {}, estimators: ESTIMATORS });
}

/** Refused (400) above `maxCost`. */
export function costLimitError(requested: number, maxCost: number, cost: object = { requestedQueryCost: requested, maximumAvailable: maxCost }): GraphQLError {
  return new GraphQLError(`This operation would cost ${requested} points; the most one may cost is ${maxCost}: ask for fewer nodes`, {
    extensions: { code: 'COST_LIMIT_EXCEEDED', cost, http: { status: 400 } },
  });
}

/** Whether the operation only asks the schema about itself (`__schema`, `__type`, `__typename`). */
function introspectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
}

export interface CostOptions {
  maxCost: number;
  limits: RateLimitService | null;
}

/** The operation's cost, as reported in `extensions.cost`. */
interface Cost {
  requestedQueryCost: number;
  maximumAvailable: number;
  remaining?: number;
  resetAt?: string;
}

/**
 * Before anything runs: the caller must be authenticated (unless the operation only introspects),
 * the operation must cost at most `maxCost`, and its cost is drawn from the caller's rate-limit
 * budgets, the same as REST requests draw on. The cost and what is left go in `extensions.cost`.
 */
export function costPlugin(options: CostOptions): ApolloServerPlugin<GqlContext> {
  // The same operation with the same variables costs the same: priced once.
  const prices = new LRUCache<string, number>({ max: 5000 });
  return {
    requestDidStart() {
      let cost: Cost | undefined;
      return Promise.resolve({
        async didResolveOperation(request: GraphQLRequestContext<GqlContext>) {
          const operation = request.operation!;
          const context = request.contextValue;
          if (introspectionOnly(operation)) return;
          if (operation.operation === OperationTypeNode.SUBSCRIPTION && context.req) {
            throw badInput('Subscriptions are served over graphql-ws at /graphql/subscriptions', 'SUBSCRIPTION_OVER_HTTP');
          }
          if (!context.principal) {
            const refusal = context.authError ?? missingToken();
            throw toGraphQLError(refusal, { 'www-authenticate': bearerChallenge(refusal.reason) });
          }
          const key = `${request.queryHash}:${request.operationName ?? ''}:${JSON.stringify(request.request.variables ?? {})}`;
          let requested = prices.get(key);
          if (requested === undefined) {
            requested = operationCost(request.schema, request.document as DocumentNode, request.operationName, request.request.variables);
            prices.set(key, requested);
          }
          cost = { requestedQueryCost: requested, maximumAvailable: options.maxCost };
          if (requested > options.maxCost) throw costLimitError(requested, options.maxCost, cost);
          if (!options.limits) return;
          const decision = await options.limits.consume(context.principal, operation.operation === OperationTypeNode.MUTATION, Math.max(1, requested));
          const headers = rateLimitHeaders(decision.budgets, options.limits.windowSeconds);
          for (const [name, value] of Object.entries(headers)) request.response.http.headers.set(name, value);
          const worst = tightest(decision.budgets);
          cost.remaining = worst.remaining;
          cost.resetAt = new Date(Date.now() + worst.resetMs).toISOString();
          if (!decision.allowed) {
            const wait = retryAfterSeconds(decision.budgets);
            throw toGraphQLError(new DomainError('RATE_LIMITED', `Too many requests: this operation costs ${requested}; try again in ${wait} s`, 'RATE_LIMITED'), {
              ...headers,
              'retry-after': String(wait),
            });
          }
        },
        willSendResponse(request) {
          if (cost && request.response.body.kind === 'single') {
            const result = request.response.body.singleResult;
            result.extensions = { ...result.extensions, cost };
          }
          return Promise.resolve();
        },
      });
    },
  };
}
