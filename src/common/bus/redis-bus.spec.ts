import { MessageBusUnavailableError } from './message-bus';
import { RedisBus } from './redis-bus';

// Against a real Redis: test/integration/message-bus.spec.ts. These need no server.
describe('RedisBus without a reachable Redis', () => {
  // Nothing listens on port 1, so connecting is refused at once.
  const unreachable = 'redis://127.0.0.1:1';

  it('fails to connect with an error naming REDIS_URL, and stops retrying', async () => {
    const bus = new RedisBus({ url: unreachable });
    await expect(bus.connect()).rejects.toThrow(/^Cannot connect to Redis \(REDIS_URL\): .*ECONNREFUSED/);
    expect(bus.status()).toEqual({ transport: 'redis', connected: false });
    // Jest would report an open handle (and not exit) if a reconnect timer were left behind.
  });

  it('rejects publish and subscribe while not connected, with a 503-mapped error', async () => {
    const bus = new RedisBus({ url: unreachable });
    await expect(bus.publish('player:x', { command: 'pause' })).rejects.toThrow(MessageBusUnavailableError);
    await expect(bus.publish('player:x', {})).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'Message bus is not connected to Redis: "player:x" was not published' });
    await expect(bus.subscribe('player:x', () => undefined)).rejects.toThrow('Message bus is not connected to Redis: cannot subscribe to "player:x"');
    await bus.close();
  });

  it('rejects a message JSON cannot carry before anything else', async () => {
    const bus = new RedisBus({ url: unreachable });
    await expect(bus.publish('c', undefined)).rejects.toThrow(new TypeError('Message for channel "c" is not JSON-serializable'));
    await expect(bus.publish('c', { n: 1n })).rejects.toThrow(TypeError);
    await bus.close();
  });
});
