import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CatalogModule } from '../catalog/catalog.module';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { LibraryModule } from '../library/library.module';
import { OAuthModule } from '../oauth/oauth.module';
import { PlayerModule } from '../player/player.module';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { CatalogResolver } from './catalog.resolver';
import { AlbumFieldsResolver, ArtistFieldsResolver, TrackFieldsResolver } from './catalog-fields.resolver';
import { costPlugin } from './cost';
import { formatError } from './errors';
import { jitPlugin } from './jit';
import { GqlContextFactory, GraphqlContextModule } from './graphql-context.factory';
import { MeResolver } from './me.resolver';
import { PlayerResolver } from './player.resolver';
import { PlaylistChangeResolver, PlaylistsResolver } from './playlists.resolver';
import { installSubscriptions } from './subscriptions';

export const GRAPHQL_PATH = '/graphql';

/** Every resolver: the schema is generated from them (also by graphql-schema.cli.ts). */
export const RESOLVERS = [CatalogResolver, TrackFieldsResolver, AlbumFieldsResolver, ArtistFieldsResolver, PlaylistsResolver, PlaylistChangeResolver, MeResolver, PlayerResolver];

/** Depth and alias limits, over HTTP and WebSocket alike. */
const validationRules = (env: Env) => {
  // Reported as validation errors (GRAPHQL_VALIDATION_FAILED), not thrown.
  const report = { exposeLimits: true, propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  return [maxDepthRule({ n: env.GRAPHQL_MAX_DEPTH, ...report }), maxAliasesRule({ n: env.GRAPHQL_MAX_ALIASES, ...report })];
};

/** GraphQL at /graphql over the same services as REST; subscriptions over graphql-ws at /graphql/subscriptions. */
@Module({
  imports: [
    GraphqlContextModule,
    CatalogModule,
    LibraryModule,
    PlayerModule,
    OAuthModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [GraphqlContextModule],
      inject: [ENV, GqlContextFactory, RateLimitService],
      useFactory: (env: Env, contexts: GqlContextFactory, limits: RateLimitService): ApolloDriverConfig => ({
        path: GRAPHQL_PATH,
        autoSchemaFile: true,
        sortSchema: true,
        introspection: true,
        // GraphiQL in development; Apollo's landing page says where the API is otherwise.
        graphiql: env.NODE_ENV === 'development',
        includeStacktraceInErrorResponses: false,
        formatError,
        validationRules: validationRules(env),
        // Typed against @apollo/server's CommonJS build, the driver's against its ES build: the same plugins.
        plugins: [
          costPlugin({ maxCost: env.GRAPHQL_MAX_COST, limits: env.RATE_LIMIT_ENABLED ? limits : null }),
          // No @cacheControl hints here: the plugin would wrap every field resolver for nothing.
          ApolloServerPluginCacheControlDisabled(),
          jitPlugin(),
        ] as NonNullable<ApolloDriverConfig['plugins']>,
        context: (request: FastifyRequest) => contexts.forHttp(request),
      }),
    }),
  ],
  providers: RESOLVERS,
})
export class GraphqlApiModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly contexts: GqlContextFactory,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onModuleInit(): void {
    installSubscriptions(this.adapter.httpAdapter.getInstance<FastifyInstance>(), `${GRAPHQL_PATH}/subscriptions`, () => this.schemaHost.schema, this.contexts, validationRules(this.env), this.env.GRAPHQL_MAX_COST);
  }
}
