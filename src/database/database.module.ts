import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { dataSourceOptions } from './data-source';
import { SqlRunner } from './sql-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => dataSourceOptions(env),
    }),
  ],
  providers: [SqlRunner],
  exports: [SqlRunner],
})
export class DatabaseModule {}
