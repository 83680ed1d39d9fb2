import { Logger } from '@nestjs/common';
import { deliver, MessageBus, MessageBusStatus, MessageHandler, serialize, Unsubscribe } from './message-bus';

/** One process, no Redis: the bus of a single gateway instance, of development and of tests. */
export class InMemoryBus extends MessageBus {
  private readonly logger = new Logger(InMemoryBus.name);
  private readonly handlersByChannel = new Map<string, Set<MessageHandler>>();

  publish(channel: string, message: unknown): Promise<void> {
    // The executor runs at once: handlers get a JSON copy of the message as it is now (as over
    // Redis), and a message JSON cannot carry makes the promise reject.
    return new Promise((resolve) => {
      const copy: unknown = JSON.parse(serialize(channel, message));
      const handlers = this.handlersByChannel.get(channel);
      if (handlers) deliver(handlers, channel, copy, this.logger);
      resolve();
    });
  }

  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    // A wrapper per call, so subscribing the same function twice makes two subscriptions.
    const registration: MessageHandler = (message) => handler(message);
    let handlers = this.handlersByChannel.get(channel);
    if (!handlers) this.handlersByChannel.set(channel, (handlers = new Set()));
    handlers.add(registration);
    return Promise.resolve(() => {
      handlers.delete(registration);
      if (handlers.size === 0 && this.handlersByChannel.get(channel) === handlers) this.handlersByChannel.delete(channel);
      return Promise.resolve();
    });
  }

  status(): MessageBusStatus {
    return { transport: 'memory', connected: true };
  }

  close(): Promise<void> {
    this.handlersByChannel.clear();
    return Promise.resolve();
  }
}
