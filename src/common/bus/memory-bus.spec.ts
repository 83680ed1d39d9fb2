import { Logger } from '@nestjs/common';
import { InMemoryBus } from './memory-bus';

// The behaviour both transports share is tested once for each, in test/integration/message-bus.spec.ts.
describe('InMemoryBus', () => {
  let bus: InMemoryBus;
  beforeEach(() => (bus = new InMemoryBus()));
  afterEach(() => bus.close());

  it('calls handlers after publish has returned, never during it', async () => {
    const received: unknown[] = [];
    await bus.subscribe('now', (message) => void received.push(message));
    const published = bus.publish('now', 1);
    expect(received).toEqual([]);
    await published;
    await new Promise(setImmediate);
    expect(received).toEqual([1]);
  });

  it('delivers the message as it was when published, not as later changed', async () => {
    const received: unknown[] = [];
    await bus.subscribe('state', (message) => void received.push(message));
    const state = { volume: 50 };
    await bus.publish('state', state);
    state.volume = 60;
    await new Promise(setImmediate);
    expect(received).toEqual([{ volume: 50 }]);
  });

  it('logs a failing handler with its channel', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await bus.subscribe('fails', () => {
      throw new Error('boom');
    });
    await bus.publish('fails', {});
    await new Promise(setImmediate);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('Handler for channel "fails" failed: Error: boom'), expect.any(String));
    logged.mockRestore();
  });

  it('always reports itself connected', () => {
    expect(bus.status()).toEqual({ transport: 'memory', connected: true });
  });
});
