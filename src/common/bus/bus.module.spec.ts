import { Test } from '@nestjs/testing';
import { ConfigModule } from '../../config/config.module';
import { loadEnv } from '../../config/env';
import { BusModule } from './bus.module';
import { InMemoryBus } from './memory-bus';
import { MessageBus } from './message-bus';

describe('BusModule', () => {
  const moduleFor = (env: Record<string, string>) =>
    Test.createTestingModule({ imports: [ConfigModule.forRoot(loadEnv(env)), BusModule] }).compile();

  it('provides the in-process bus when REDIS_URL is not set, and closes it on shutdown', async () => {
    const module = await moduleFor({});
    const bus = module.get(MessageBus);
    expect(bus).toBeInstanceOf(InMemoryBus);
    const close = jest.spyOn(bus, 'close');
    await module.close();
    expect(close).toHaveBeenCalled();
  });

  it('refuses to start when REDIS_URL points at no Redis', async () => {
    await expect(moduleFor({ REDIS_URL: 'redis://127.0.0.1:1' })).rejects.toThrow(/Cannot connect to Redis \(REDIS_URL\)/);
  });
});
