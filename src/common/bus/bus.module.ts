import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { InMemoryBus } from './memory-bus';
import { MessageBus } from './message-bus';
import { RedisBus } from './redis-bus';

async function createMessageBus(env: Env): Promise<MessageBus> {
  if (!env.REDIS_URL) return new InMemoryBus();
  const bus = new RedisBus({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX });
  // A wrong REDIS_URL stops the start here; later outages are ridden out by reconnecting.
  await bus.connect();
  return bus;
}

/** Provides `MessageBus`: Redis pub/sub across instances when REDIS_URL is set, else in-process. */
@Global()
@Module({
  providers: [{ provide: MessageBus, useFactory: createMessageBus, inject: [ENV] }],
  exports: [MessageBus],
})
export class BusModule implements OnApplicationShutdown {
  constructor(@Inject(MessageBus) private readonly bus: MessageBus) {}

  // After every module's onModuleDestroy, so features can still publish their goodbyes there.
  onApplicationShutdown(): Promise<void> {
    return this.bus.close();
  }
}
