import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { deliver, MessageBus, MessageBusStatus, MessageBusUnavailableError, MessageHandler, serialize, Unsubscribe } from './message-bus';

const DEFAULT_KEY_PREFIX = 'bb:';

export interface RedisBusOptions {
  /** redis:// or rediss:// URL. */
  url: string;
  /** Prepended to every channel, so several deployments can share one Redis. */
  keyPrefix?: string;
  /** Client name in CLIENT LIST, suffixed with `:publisher` or `:subscriber`. */
  connectionName?: string;
}

/** The handlers of one channel and the SUBSCRIBE that made it active. */
interface ChannelSubscription {
  handlers: Set<MessageHandler>;
  active: Promise<unknown>;
}

/**
 * Redis pub/sub between gateway instances. A subscribed connection can do nothing else, so there
 * are two: one publishes, one holds one SUBSCRIBE per channel however many local handlers listen.
 * Both reconnect forever (ioredis's default backoff: doubling from 50 ms up to 5 s, with jitter);
 * on reconnect ioredis re-subscribes every channel by itself.
 */
export class RedisBus extends MessageBus {
  private readonly logger = new Logger(RedisBus.name);
  private readonly keyPrefix: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly subscriptions = new Map<string, ChannelSubscription>();
  /** False from a subscriber disconnect until the re-subscriptions are confirmed active. */
  private subscriptionsActive = false;
  private closed?: Promise<void>;

  constructor(options: RedisBusOptions) {
    super();
    this.keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    const name = options.connectionName ?? 'backbeat-bus';
    const common = {
      lazyConnect: true,
      // How long disconnect() waits for a socket to close; ioredis waits that long (default 2 s)
      // even for one that is already gone, which would hold up shutdown during an outage.
      disconnectTimeout: 200,
    };
    this.publisher = new Redis(options.url, {
      ...common,
      connectionName: `${name}:publisher`,
      enableAutoPipelining: true,
      // Delivery is at most once: while disconnected, fail now rather than queue and send late;
      // a PUBLISH in flight when the connection drops fails too instead of being resent.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    this.subscriber = new Redis(options.url, {
      ...common,
      connectionName: `${name}:subscriber`,
      // An UNSUBSCRIBE issued during an outage waits for the reconnect, after ioredis's re-subscribe.
      maxRetriesPerRequest: null,
    });
    this.logConnectionChanges(this.publisher, 'publisher');
    this.logConnectionChanges(this.subscriber, 'subscriber');
    this.subscriber.on('message', (key: string, payload: string) => this.receive(key, payload));
    this.subscriber.on('close', () => (this.subscriptionsActive = false));
    this.subscriber.on('ready', () => void this.confirmSubscriptions());
  }

  /** Opens both connections; rejects (and gives up) when Redis does not answer at startup. */
  async connect(): Promise<void> {
    // connect() only says "Connection is closed."; the reason comes as an 'error' event.
    let reason: Error | undefined;
    const remember = (error: Error) => (reason ??= error);
    this.publisher.on('error', remember);
    this.subscriber.on('error', remember);
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    } catch (error) {
      await this.close();
      throw new Error(`Cannot connect to Redis (REDIS_URL): ${(reason ?? (error as Error)).message}`, { cause: error });
    } finally {
      this.publisher.off('error', remember);
      this.subscriber.off('error', remember);
    }
    await this.confirmSubscriptions();
  }

  async publish(channel: string, message: unknown): Promise<void> {
    const payload = serialize(channel, message);
    if (this.publisher.status !== 'ready') throw unavailable(`"${channel}" was not published`);
    try {
      await this.publisher.publish(this.keyPrefix + channel, payload);
    } catch (error) {
      throw unavailable(`"${channel}" was not published`, error);
    }
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    // Also refused in the moment after a reconnect until ioredis's re-subscriptions are confirmed.
    if (this.subscriber.status !== 'ready' || !this.subscriptionsActive) throw unavailable(`cannot subscribe to "${channel}"`);
    let subscription = this.subscriptions.get(channel);
    if (!subscription) {
      subscription = { handlers: new Set(), active: this.subscriber.subscribe(this.keyPrefix + channel) };
      this.subscriptions.set(channel, subscription);
    }
    // A wrapper per call, so subscribing the same function twice makes two subscriptions.
    const registration: MessageHandler = (message) => handler(message);
    subscription.handlers.add(registration);
    const unsubscribe = () => this.release(channel, subscription, registration);
    try {
      await subscription.active;
    } catch (error) {
      await unsubscribe();
      throw unavailable(`cannot subscribe to "${channel}"`, error);
    }
    return unsubscribe;
  }

  status(): MessageBusStatus {
    const connected = this.publisher.status === 'ready' && this.subscriber.status === 'ready' && this.subscriptionsActive;
    return { transport: 'redis', connected };
  }

  close(): Promise<void> {
    this.closed ??= this.disconnect();
    return this.closed;
  }

  private async disconnect(): Promise<void> {
    this.subscriptions.clear();
    // QUIT lets auto-pipelined publishes go out first; a connection that is down is just dropped.
    const end = (client: Redis) => (client.status === 'ready' ? client.quit().then(() => undefined, () => client.disconnect()) : client.disconnect());
    await Promise.all([end(this.publisher), end(this.subscriber)]);
  }

  /** Removes one handler; the channel's last one takes the Redis subscription with it. */
  private async release(channel: string, subscription: ChannelSubscription, handler: MessageHandler): Promise<void> {
    if (!subscription.handlers.delete(handler) || subscription.handlers.size > 0) return;
    if (this.subscriptions.get(channel) !== subscription) return;
    this.subscriptions.delete(channel);
    const unsubscribed = this.subscriber.unsubscribe(this.keyPrefix + channel);
    // Offline, the UNSUBSCRIBE waits in ioredis's queue for the reconnect; no handler is left to call meanwhile.
    if (this.subscriber.status === 'ready') await unsubscribed;
    else unsubscribed.catch(() => undefined);
  }

  private receive(key: string, payload: string): void {
    const channel = key.slice(this.keyPrefix.length);
    const subscription = this.subscriptions.get(channel);
    if (!subscription) return;
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      this.logger.warn(`Dropped a message on "${channel}" that is not JSON`);
      return;
    }
    deliver(subscription.handlers, channel, message, this.logger);
  }

  /**
   * On 'ready' ioredis has just re-sent SUBSCRIBE for every channel, and Redis answers in order:
   * once a PING sent now is answered, those subscriptions are active.
   */
  private async confirmSubscriptions(): Promise<void> {
    try {
      await this.subscriber.ping();
      this.subscriptionsActive = this.subscriber.status === 'ready';
    } catch {
      // The connection dropped again; the next 'ready' confirms.
    }
  }

  /** One warning when a connection is lost and one line when it is back, not one per retry. */
  private logConnectionChanges(client: Redis, role: string): void {
    let up = false;
    let lostAt = 0;
    let lastError = '';
    // Without a listener ioredis prints every failed reconnect attempt itself.
    client.on('error', (error: Error) => (lastError = error.message));
    client.on('close', () => {
      if (!up || this.closed) return;
      up = false;
      lostAt = Date.now();
      this.logger.warn(`Lost the Redis ${role} connection (${lastError || 'closed by the server'}); reconnecting`);
    });
    client.on('ready', () => {
      if (lostAt) this.logger.log(`Redis ${role} connection restored after ${Date.now() - lostAt} ms`);
      up = true;
      lostAt = 0;
      lastError = '';
    });
  }
}

function unavailable(what: string, cause?: unknown): MessageBusUnavailableError {
  const error = new MessageBusUnavailableError(`Message bus is not connected to Redis: ${what}`);
  if (cause !== undefined) error.cause = cause;
  return error;
}
