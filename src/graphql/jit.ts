import type { ApolloServerPlugin, GraphQLRequestContext, HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { DocumentNode, OperationTypeNode } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { formatError } from './errors';
import type { GqlContext } from './graphql-context';

/**
 * Queries and mutations run as compiled JavaScript (graphql-jit) instead of graphql-js's
 * interpreter: the same resolvers and results, a fraction of the execution work on large pages.
 * Each operation is compiled once, with a JSON serializer made for its selection, and kept by its
 * hash; subscriptions run as before.
 */
export class CompiledExecution {
  private readonly compiled = new LRUCache<string, CompiledQuery>({ max: 1000 });
  /** The serializer of the operation that produced a result's `data`. */
  private readonly serializers = new WeakMap<object, (result: unknown) => string>();

  plugin(): ApolloServerPlugin<GqlContext> {
    const respond = (request: GraphQLRequestContext<GqlContext>) => this.respond(request);
    return { requestDidStart: () => Promise.resolve({ responseForOperation: respond }) };
  }

  /** Apollo's `stringifyResult`: the compiled serializer when the result came from one, else JSON.stringify. */
  readonly stringify = (value: FormattedExecutionResult): string => {
    const serialize = value.data && !value.errors ? this.serializers.get(value.data) : undefined;
    if (!serialize) return `${JSON.stringify(value)}\n`;
    const body = serialize({ data: value.data }); // `{"data":…}`: the serializer knows only data and errors
    return `${value.extensions ? `${body.slice(0, -1)},"extensions":${JSON.stringify(value.extensions)}}` : body}\n`;
  };

  private async respond(request: GraphQLRequestContext<GqlContext>) {
    if (request.operation?.operation === OperationTypeNode.SUBSCRIPTION) return null;
    const key = `${request.queryHash}:${request.operationName ?? ''}`;
    let query = this.compiled.get(key);
    if (!query) {
      const made = compileQuery(request.schema, request.document as DocumentNode, request.operationName ?? undefined, { customJSONSerializer: true });
      if (!isCompiledQuery(made)) return null; // graphql-js reports what is wrong
      this.compiled.set(key, (query = made));
    }
    const result = await query.query(undefined, request.contextValue, request.request.variables ?? {});
    const errors = result.errors?.map((e) => formatError(e.toJSON(), e));
    if (result.data && !errors) this.serializers.set(result.data, query.stringify);
    return {
      // Without data the variables were wrong: the request's fault, as graphql-js would say.
      http: { status: result.data === undefined && errors ? 400 : undefined, headers: new Map() as unknown as HeaderMap }, // read as a Map; the class is Apollo's ES build's
      body: { kind: 'single' as const, singleResult: { data: result.data, ...(errors ? { errors } : {}) } },
    };
  }
}
