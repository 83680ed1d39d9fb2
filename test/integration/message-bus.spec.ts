import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { InMemoryBus } from '../../src/common/bus/memory-bus';
import { MessageBus, type MessageHandler } from '../../src/common/bus/message-bus';
import { RedisBus } from '../../src/common/bus/redis-bus';
import { startTestApp } from '../helpers/test-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SHOWN_URL = REDIS_URL.replace(/\/\/[^@/]*@/, '//***@');

/** Asked in a child process because Jest collects tests synchronously. */
function redisAnswers(url: string): boolean {
  const ping = `const { Redis } = require(process.argv[1]);
    const r = new Redis(process.argv[2], { lazyConnect: true, retryStrategy: () => null, connectTimeout: 2000 });
    r.on('error', () => {});
    r.connect().then(() => r.ping()).then(() => process.exit(0), () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', ping, require.resolve('ioredis'), url], { timeout: 10_000 }).status === 0;
}

const hasRedis = redisAnswers(REDIS_URL);
// CI starts Redis: there a missing one is a failure, not a skip.
if (process.env.CI === 'true' && !hasRedis) throw new Error(`CI needs Redis at ${SHOWN_URL}`);

/** `describe` when Redis answers; otherwise a skipped block that says why. */
const describeWithRedis = hasRedis
  ? describe
  : (name: string, fn: () => void) =>
      describe(name, () => {
        it.skip(`skipped: no Redis at ${SHOWN_URL} (apt-get install redis-server, or set REDIS_URL)`, () => undefined);
        void fn;
      });

// One prefix per run, so parallel test files and runs sharing the Redis never hear each other.
const RUN_PREFIX = `bb-test-${randomBytes(4).toString('hex')}:`;
let channelCount = 0;
afterEach(() => jest.restoreAllMocks());
const uniqueChannel = (name: string) => `${name}-${++channelCount}`;

interface Inbox {
  handler: MessageHandler;
  messages: unknown[];
}

function inbox(): Inbox {
  const messages: unknown[] = [];
  return { messages, handler: (message) => void messages.push(message) };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Sends a marker from `from` to `to` on a channel of its own and waits for it. Both transports
 * deliver one publisher's messages in order, so whatever was published before has arrived too:
 * after this, a message that did not arrive never will.
 */
async function settle(from: MessageBus, to: MessageBus = from): Promise<void> {
  const marker = inbox();
  const channel = uniqueChannel('marker');
  const stop = await to.subscribe(channel, marker.handler);
  await from.publish(channel, 'marker');
  await waitFor(() => marker.messages.length === 1, 'the marker');
  await stop();
}

/** What every transport must do; `openBus` returns a connected bus, closed after each test. */
function behavesLikeAMessageBus(transport: 'memory' | 'redis', openBus: () => Promise<MessageBus>): void {
  let bus: MessageBus;
  beforeEach(async () => (bus = await openBus()));
  afterEach(() => bus.close());

  it('reports its transport, connected', () => {
    expect(bus.status()).toEqual({ transport, connected: true });
  });

  it('delivers each message to every handler of its channel, and only there', async () => {
    const [channel, other] = [uniqueChannel('many'), uniqueChannel('other')];
    const [first, second, elsewhere] = [inbox(), inbox(), inbox()];
    await bus.subscribe(channel, first.handler);
    await bus.subscribe(channel, second.handler);
    await bus.subscribe(other, elsewhere.handler);
    await bus.publish(channel, 'hello');
    await settle(bus);
    expect(first.messages).toEqual(['hello']);
    expect(second.messages).toEqual(['hello']);
    expect(elsewhere.messages).toEqual([]);
  });

  it('keeps delivering to the other handlers when one unsubscribes', async () => {
    const channel = uniqueChannel('leave');
    const [leaving, staying] = [inbox(), inbox()];
    const unsubscribe = await bus.subscribe(channel, leaving.handler);
    await bus.subscribe(channel, staying.handler);
    await unsubscribe();
    await unsubscribe(); // twice is harmless
    await bus.publish(channel, 'after');
    await settle(bus);
    expect(leaving.messages).toEqual([]);
    expect(staying.messages).toEqual(['after']);
  });

  it('counts one function subscribed twice as two subscriptions', async () => {
    const channel = uniqueChannel('twice');
    const box = inbox();
    const unsubscribeFirst = await bus.subscribe(channel, box.handler);
    await bus.subscribe(channel, box.handler);
    await bus.publish(channel, 1);
    await waitFor(() => box.messages.length === 2, 'the first message, twice');
    await unsubscribeFirst();
    await bus.publish(channel, 2);
    await settle(bus);
    expect(box.messages).toEqual([1, 1, 2]);
  });

  it('stops delivering once the last handler has unsubscribed', async () => {
    const channel = uniqueChannel('last');
    const box = inbox();
    const unsubscribe = await bus.subscribe(channel, box.handler);
    await bus.publish(channel, 'before');
    await settle(bus);
    await unsubscribe();
    await bus.publish(channel, 'after');
    await settle(bus);
    expect(box.messages).toEqual(['before']);
  });

  it("keeps one publisher's order on a channel", async () => {
    const channel = uniqueChannel('order');
    const box = inbox();
    await bus.subscribe(channel, box.handler);
    const sent = Array.from({ length: 200 }, (_, i) => i);
    // Not awaited one by one: what is sent together (one pipeline over Redis) must not be reordered.
    await Promise.all(sent.map((i) => bus.publish(channel, i)));
    await waitFor(() => box.messages.length === sent.length, 'all messages');
    expect(box.messages).toEqual(sent);
  });

  it('keeps delivering to the other handlers when one throws or rejects, and logs it', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const channel = uniqueChannel('throws');
    const box = inbox();
    await bus.subscribe(channel, () => {
      throw new Error('handler bug');
    });
    await bus.subscribe(channel, () => Promise.reject(new Error('async handler bug')));
    await bus.subscribe(channel, box.handler);
    await bus.publish(channel, 1);
    await bus.publish(channel, 2);
    await waitFor(() => box.messages.length === 2, 'both messages');
    expect(box.messages).toEqual([1, 2]);
    await waitFor(() => logged.mock.calls.length === 4, 'four logged failures');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`Handler for channel "${channel}" failed: Error: handler bug`), expect.any(String));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('async handler bug'), expect.any(String));
  });

  it('delivers a JSON copy of the message', async () => {
    const channel = uniqueChannel('json');
    const box = inbox();
    await bus.subscribe(channel, box.handler);
    const message = {
      device: { id: 'd1', name: 'Küche – Lautsprecher 🔊', volume_percent: 40, is_active: true, extra: null },
      uris: ['spotify:track:1', 'spotify:track:2'],
      at: new Date('2026-01-02T03:04:05.678Z'),
      dropped: undefined,
    };
    for (const sent of [message, 'text', 42, 0.5, true, null, [1, [2, { three: 3 }]]]) await bus.publish(channel, sent);
    await waitFor(() => box.messages.length === 7, 'seven messages');
    expect(box.messages[0]).toEqual({ ...message, at: '2026-01-02T03:04:05.678Z', dropped: undefined });
    expect(box.messages[0]).not.toHaveProperty('dropped');
    expect(box.messages[0]).not.toBe(message);
    expect(box.messages.slice(1)).toEqual(['text', 42, 0.5, true, null, [1, [2, { three: 3 }]]]);
  });

  it('rejects a message JSON cannot carry', async () => {
    await expect(bus.publish(uniqueChannel('bad'), undefined)).rejects.toThrow(TypeError);
    await expect(bus.publish(uniqueChannel('bad'), { big: 1n })).rejects.toThrow(TypeError);
  });
}

describe('InMemoryBus', () => {
  behavesLikeAMessageBus('memory', () => Promise.resolve(new InMemoryBus()));
});

describeWithRedis('RedisBus', () => {
  const opened: RedisBus[] = [];
  let admin: Redis;

  async function openRedisBus(options: { url?: string; keyPrefix?: string; connectionName?: string } = {}): Promise<RedisBus> {
    const bus = new RedisBus({ url: REDIS_URL, keyPrefix: RUN_PREFIX, ...options });
    opened.push(bus);
    await bus.connect();
    return bus;
  }

  /** How many Redis connections are subscribed to `channel` under `prefix`. */
  async function subscribers(channel: string, prefix = RUN_PREFIX): Promise<number> {
    const [, count] = (await admin.pubsub('NUMSUB', prefix + channel)) as [string, number];
    return Number(count);
  }

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
  });
  afterEach(() => Promise.all(opened.splice(0).map((bus) => bus.close())));
  afterAll(() => admin.quit());

  describe('behaves like a message bus', () => {
    behavesLikeAMessageBus('redis', () => openRedisBus());
  });

  it('holds one Redis subscription per channel however many handlers, and drops it with the last', async () => {
    const bus = await openRedisBus();
    const channel = uniqueChannel('numsub');
    const stops = await Promise.all([1, 2, 3].map(() => bus.subscribe(channel, () => undefined)));
    expect(await subscribers(channel)).toBe(1);
    await stops[0]();
    await stops[1]();
    expect(await subscribers(channel)).toBe(1);
    await stops[2]();
    expect(await subscribers(channel)).toBe(0);
  });

  it('prefixes every channel, so deployments sharing a Redis do not hear each other', async () => {
    const otherPrefix = `${RUN_PREFIX}other:`;
    const [ours, theirs] = [await openRedisBus(), await openRedisBus({ keyPrefix: otherPrefix })];
    const channel = uniqueChannel('shared-name');
    const [ourBox, theirBox] = [inbox(), inbox()];
    await ours.subscribe(channel, ourBox.handler);
    await theirs.subscribe(channel, theirBox.handler);
    expect(await subscribers(channel)).toBe(1);
    expect(await subscribers(channel, otherPrefix)).toBe(1);
    await ours.publish(channel, 'ours');
    await theirs.publish(channel, 'theirs');
    await settle(ours);
    await settle(theirs);
    expect(ourBox.messages).toEqual(['ours']);
    expect(theirBox.messages).toEqual(['theirs']);
  });

  it('carries messages between two instances, in order, to every subscriber of either', async () => {
    const [gatewayA, gatewayB] = [await openRedisBus(), await openRedisBus()];
    const channel = uniqueChannel('across');
    const [onA, onB] = [inbox(), inbox()];
    await gatewayA.subscribe(channel, onA.handler);
    await gatewayB.subscribe(channel, onB.handler);
    const commands = Array.from({ length: 50 }, (_, i) => ({ command: 'seek', position_ms: i * 1000 }));
    await Promise.all(commands.map((command) => gatewayA.publish(channel, command)));
    await gatewayB.publish(channel, { command: 'pause' });
    await settle(gatewayB, gatewayA);
    await waitFor(() => onB.messages.length === 51, 'the messages on B');
    expect(onA.messages).toEqual([...commands, { command: 'pause' }]);
    expect(onB.messages).toEqual([...commands, { command: 'pause' }]);
  });

  it('reconnects and re-subscribes after Redis drops its connections', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const connectionName = `bb-test-${randomBytes(4).toString('hex')}`;
    const [bus, sender] = [await openRedisBus({ connectionName }), await openRedisBus()];
    const [channel, stillSubscribed] = [uniqueChannel('killed'), uniqueChannel('killed-too')];
    const box = inbox();
    await bus.subscribe(channel, box.handler);
    await bus.subscribe(stillSubscribed, () => undefined);
    await sender.publish(channel, 'before');
    await waitFor(() => box.messages.length === 1, 'the first message');

    // Only this bus's two connections, found by name: other clients of the Redis are left alone.
    const clients = (await admin.client('LIST')) as string;
    const ids = clients
      .split('\n')
      .filter((line) => line.includes(` name=${connectionName}:`))
      .map((line) => /^id=(\d+) /.exec(line)![1]);
    expect(ids).toHaveLength(2);
    const seen = new Set<boolean>();
    const watching = setInterval(() => seen.add(bus.status().connected), 1);
    try {
      for (const id of ids) await admin.client('KILL', 'ID', id);
      await waitFor(() => seen.has(false), 'the bus to notice');
      await waitFor(() => bus.status().connected, 'the bus to reconnect', 10_000);
    } finally {
      clearInterval(watching);
    }

    expect(await subscribers(channel)).toBe(1);
    expect(await subscribers(stillSubscribed)).toBe(1);
    await sender.publish(channel, 'after');
    await bus.publish(channel, 'from itself');
    await waitFor(() => box.messages.length === 3, 'the messages after the reconnect');
    expect(box.messages).toEqual(['before', 'after', 'from itself']);
  });

  describe('while Redis is unreachable', () => {
    // A TCP relay between the bus and Redis stands in for the network: stopping it is an outage
    // that this test alone sees, without touching the Redis server other clients share.
    let relay: Relay;
    beforeEach(async () => (relay = await startRelay(new URL(REDIS_URL))));
    afterEach(() => relay.stop());
    const tls = new URL(REDIS_URL).protocol === 'rediss:';

    (tls ? it.skip : it)('reports disconnected, rejects publish and subscribe, then recovers by itself', async () => {
      const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const restored = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
      const bus = await openRedisBus({ url: relay.url });
      const channel = uniqueChannel('outage');
      const box = inbox();
      await bus.subscribe(channel, box.handler);

      await relay.stop();
      await waitFor(() => !bus.status().connected, 'the bus to notice');
      await expect(bus.publish(channel, 'lost')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: `Message bus is not connected to Redis: "${channel}" was not published` });
      await expect(bus.subscribe(uniqueChannel('outage'), () => undefined)).rejects.toThrow('Message bus is not connected to Redis');
      await new Promise((resolve) => setTimeout(resolve, 300)); // a few failed reconnects
      expect(warned.mock.calls.map(([message]) => String(message)).sort()).toEqual([
        expect.stringMatching(/^Lost the Redis publisher connection \(.+\); reconnecting$/),
        expect.stringMatching(/^Lost the Redis subscriber connection \(.+\); reconnecting$/),
      ]);

      await relay.start();
      await waitFor(() => bus.status().connected, 'the bus to reconnect', 10_000);
      expect(restored.mock.calls.map(([message]) => String(message)).sort()).toEqual([
        expect.stringMatching(/^Redis publisher connection restored after \d+ ms$/),
        expect.stringMatching(/^Redis subscriber connection restored after \d+ ms$/),
      ]);
      await bus.publish(channel, 'back');
      await waitFor(() => box.messages.length === 1, 'the message after the outage');
      expect(box.messages).toEqual(['back']);
    });

    (tls ? it.skip : it)('the gateway stays ready but reports itself degraded, and closes the bus on shutdown', async () => {
      const app = await startTestApp({ seedTracks: 0, env: { REDIS_URL: relay.url } });
      try {
        expect(app.app.get(MessageBus)).toBeInstanceOf(RedisBus);
        const up = await app.request('/health/ready');
        expect(up.status).toBe(200);
        expect(up.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, messageBus: { status: 'up', transport: 'redis' } } });

        await relay.stop();
        await waitFor(() => !app.app.get(MessageBus).status().connected, 'the bus to notice');
        const degraded = await app.request('/health/ready');
        expect(degraded.status).toBe(200);
        expect(degraded.body).toMatchObject({ status: 'degraded', details: { database: { status: 'up' }, messageBus: { status: 'degraded', transport: 'redis' } } });

        await relay.start();
        await waitFor(() => app.app.get(MessageBus).status().connected, 'the bus to reconnect', 10_000);
        // The rate limiter's own Redis connection comes back on its own schedule.
        await waitFor(async () => (await app.request('/health/ready')).body.status === 'ok', 'readiness to be ok again', 10_000);
      } finally {
        await app.close();
      }
      await waitFor(() => relay.openConnections() === 0, 'the bus connections to close');
    });
  });
});

interface Relay {
  url: string;
  start(): Promise<void>;
  /** Closes the port and cuts every relayed connection. */
  stop(): Promise<void>;
  openConnections(): number;
}

async function startRelay(target: URL): Promise<Relay> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const listening = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        const cut = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
        };
        sockets.add(client);
        client.pipe(upstream).pipe(client);
        for (const socket of [client, upstream]) socket.on('error', cut).on('close', cut);
      });
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => {
        port = (listening.address() as { port: number }).port;
        server = listening;
        resolve();
      });
    });
  await listen();
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    start: listen,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
    openConnections: () => sockets.size,
  };
}
