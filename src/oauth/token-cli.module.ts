import { DynamicModule, Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import type { Env } from '../config/env';
import { DatabaseModule } from '../database/database.module';
import { OAuthModule } from './oauth.module';

/** Just enough of the app to mint a token (`npm run token`) or register an app (`npm run app`) on the database directly. */
@Module({})
export class TokenCliModule {
  static forEnv(env: Env): DynamicModule {
    return { module: TokenCliModule, imports: [ConfigModule.forRoot(env), DatabaseModule, CommonModule, OAuthModule] };
  }
}
