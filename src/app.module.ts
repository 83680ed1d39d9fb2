import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { CatalogModule } from './catalog/catalog.module';
import { GraphqlApiModule } from './graphql/graphql.module';
import { LibraryModule } from './library/library.module';
import { PlaylistsModule } from './playlists/playlists.module';
import { PlayerModule } from './player/player.module';
import { AuthGuard } from './common/auth/auth.guard';
import { BusModule } from './common/bus/bus.module';
import { CommonModule } from './common/common.module';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { InvalidInputError } from './common/errors/domain-errors';
import { ConfigModule } from './config/config.module';
import type { Env } from './config/env';
import { DatabaseModule } from './database/database.module';
import { OAuthModule } from './oauth/oauth.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { UsageModule } from './usage/usage.module';
import type { ValidationError } from 'class-validator';

function firstMessages(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [...Object.values(e.constraints ?? {}).slice(0, 1), ...firstMessages(e.children ?? [])]);
}

@Module({})
export class AppModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            genReqId: (req) => (req as { id?: string }).id ?? '',
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            transport: env.NODE_ENV === 'development' && process.stdout.isTTY ? { target: 'pino-pretty' } : undefined,
          },
        }),
        DatabaseModule,
        BusModule,
        CommonModule,
        OAuthModule,
        CatalogModule,
        PlayerModule,
        LibraryModule,
        PlaylistsModule,
        RateLimitModule,
        UsageModule,
        GraphqlApiModule,
      ],
      providers: [
        // In this order: the rate limiter draws on the budgets of the principal AuthGuard found.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            whitelist: true,
            exceptionFactory: (errors) => new InvalidInputError(firstMessages(errors).join('; ') || 'Invalid request'),
          }),
        },
      ],
    };
  }
}
