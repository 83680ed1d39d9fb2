import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Env } from './env';

export const ENV = Symbol('ENV');

/** Provides the one parsed Env object; parsing happens before the app is built. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Env): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: ENV, useValue: env }], exports: [ENV] };
  }
}
