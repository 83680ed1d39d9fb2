import type { Logger } from '@nestjs/common';
import { DomainError } from '../errors/domain-errors';

export type MessageHandler = (message: unknown) => void | Promise<void>;
export type Unsubscribe = () => Promise<void>;

export interface MessageBusStatus {
  transport: 'memory' | 'redis';
  /** False while the bus cannot reach other instances (Redis down); always true in memory. */
  connected: boolean;
}

/**
 * Publish/subscribe between gateway instances: in one process without REDIS_URL, over Redis
 * with it. Feature code injects this class and never asks which transport is behind it.
 *
 * Delivery is at most once and asynchronous; per channel, one publisher's messages arrive in
 * the order sent. Messages travel as JSON, so handlers get a copy, never the published object.
 */
export abstract class MessageBus {
  abstract publish(channel: string, message: unknown): Promise<void>;

  /** Resolves once messages published from now on reach `handler`; call the result to stop. */
  abstract subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;

  abstract status(): MessageBusStatus;

  abstract close(): Promise<void>;
}

/** Raised by `publish`/`subscribe` while the transport is down; the API answers 503. */
export class MessageBusUnavailableError extends DomainError {
  constructor(message: string) {
    super('UNAVAILABLE', message);
  }
}

export function serialize(channel: string, message: unknown): string {
  const payload = JSON.stringify(message);
  // JSON.stringify(undefined), of a function or of a symbol yields undefined: nothing to send.
  if (payload === undefined) throw new TypeError(`Message for channel "${channel}" is not JSON-serializable`);
  return payload;
}

/** Calls each handler on its own microtask, so one that throws or rejects only gets logged. */
export function deliver(handlers: Iterable<MessageHandler>, channel: string, message: unknown, logger: Logger): void {
  for (const handler of handlers) {
    Promise.resolve()
      .then(() => handler(message))
      .catch((error: unknown) => logger.error(`Handler for channel "${channel}" failed: ${String(error)}`, (error as Error)?.stack));
  }
}
