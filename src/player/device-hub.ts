import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type {} from '@fastify/websocket'; // its route option `websocket`
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { AccessTokenVerifier } from '../common/auth/principal';
import { MessageBus } from '../common/bus/message-bus';
import { DomainError } from '../common/errors/domain-errors';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { DevicesService } from './devices.service';
import { CommandName, Hello, parseDeviceMessage, PROTOCOL_VERSION, ProtocolErrorCode, ServerMessage, StateReport, TargetPlayback } from './protocol';

export const DEVICE_CONNECT_PATH = '/v1/devices/connect';
/** WebSocket close codes of the protocol (4000-4999 are the application's). */
export const CLOSE = { unauthorized: 4401, forbidden: 4403, replaced: 4409, timeout: 4408 } as const;
const HELLO_TIMEOUT_MS = 10_000;

interface CommandEnvelope {
  id: string;
  replyTo: string;
  command: CommandName;
  playback: TargetPlayback;
}
interface AckEnvelope {
  id: string;
  error?: { code: string; message: string };
}

/** A connected device on this instance. */
interface Connection {
  socket: WebSocket;
  userId: string;
  deviceId: string;
  alive: boolean;
  /** Commands sent and not yet acknowledged: command id → the instance waiting for the ack. */
  inFlight: Map<string, string>;
  unsubscribe: () => Promise<void>;
}

export interface DeviceEvents {
  connected(userId: string, deviceId: string): Promise<void>;
  report(userId: string, deviceId: string, report: StateReport): Promise<void>;
  disconnected(userId: string, deviceId: string): Promise<void>;
}

/**
 * The devices' end of the protocol. It holds this instance's WebSocket connections and carries
 * commands to them over the message bus, so a command sent to any instance reaches the device on
 * whichever instance holds it, and the acknowledgement comes back the same way.
 */
@Injectable()
export class DeviceHub implements OnModuleInit, BeforeApplicationShutdown {
  readonly instanceId = randomUUID();
  private readonly logger = new Logger(DeviceHub.name);
  private readonly connections = new Map<string, Connection>();
  private readonly dropping = new Set<Promise<unknown>>();
  private readonly waiting = new Map<string, { resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private heartbeat?: NodeJS.Timeout;
  private stopAcks?: () => Promise<void>;
  private events?: DeviceEvents;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly bus: MessageBus,
    private readonly verifier: AccessTokenVerifier,
    private readonly devices: DevicesService,
    @Inject(ENV) private readonly env: Pick<Env, 'PLAYER_COMMAND_TIMEOUT_MS' | 'PLAYER_HEARTBEAT_MS'>,
  ) {}

  /** The player service learns here what devices do. */
  listen(events: DeviceEvents): void {
    this.events = events;
  }

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get(DEVICE_CONNECT_PATH, { websocket: true }, (socket: WebSocket, request: FastifyRequest) => this.accept(socket, request));
    this.stopAcks = await this.bus.subscribe(`ack:${this.instanceId}`, (message) => this.settle(message as AckEnvelope));
    this.heartbeat = setInterval(() => this.beat(), this.env.PLAYER_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Before the HTTP server closes, so devices hear why (1001) rather than a bare disconnect. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.stopAcks?.();
    for (const connection of this.connections.values()) connection.socket.close(1001, 'Server shutting down');
    // Let the drops finish (they pause playback) while the database is still open.
    await Promise.allSettled(this.dropping);
    await this.devices.instanceStopped(this.instanceId);
  }

  /** Sends a command to a device on any instance; resolves when the device acknowledged it. */
  async command(deviceId: string, command: CommandName, playback: TargetPlayback): Promise<void> {
    const id = randomUUID();
    const acknowledged = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new DomainError('BAD_GATEWAY', `The device did not acknowledge the command within ${this.env.PLAYER_COMMAND_TIMEOUT_MS} ms`, 'DEVICE_NOT_RESPONDING'));
      }, this.env.PLAYER_COMMAND_TIMEOUT_MS);
      this.waiting.set(id, { resolve, reject, timer });
    });
    await this.bus.publish(`device:${deviceId}`, { id, replyTo: this.instanceId, command, playback } satisfies CommandEnvelope);
    return acknowledged;
  }

  private settle(ack: AckEnvelope): void {
    const waiter = this.waiting.get(ack.id);
    if (!waiter) return;
    this.waiting.delete(ack.id);
    clearTimeout(waiter.timer);
    if (ack.error) waiter.reject(new DomainError('BAD_GATEWAY', `The device could not carry out the command: ${ack.error.message}`, ack.error.code));
    else waiter.resolve();
  }

  private accept(socket: WebSocket, request: FastifyRequest): void {
    let connection: Connection | null = null;
    const send = (message: ServerMessage) => socket.send(JSON.stringify(message));
    const fail = (code: ProtocolErrorCode, message: string) => send({ type: 'error', code, message });
    const helloTimer = setTimeout(() => socket.close(CLOSE.timeout, 'No hello'), HELLO_TIMEOUT_MS);

    socket.on('message', (data, isBinary) => {
      void (async () => {
        if (isBinary) return fail('INVALID_MESSAGE', 'Frames must be JSON text');
        const parsed = parseDeviceMessage((data as Buffer).toString('utf8'));
        if (!parsed.ok) return fail('INVALID_MESSAGE', parsed.error);
        const message = parsed.message;
        if (message.type === 'hello') {
          if (connection) return fail('INVALID_MESSAGE', 'hello was already sent');
          clearTimeout(helloTimer);
          connection = await this.hello(socket, request, message, send);
          return;
        }
        if (!connection) return fail('NOT_READY', 'Send hello first');
        if (message.type === 'ack') return this.acknowledge(connection, message);
        await this.events?.report(connection.userId, connection.deviceId, message);
      })().catch((error: unknown) => {
        this.logger.error(error);
        fail('INVALID_MESSAGE', 'The frame could not be processed');
      });
    });
    socket.on('pong', () => {
      if (connection) connection.alive = true;
    });
    socket.on('close', () => {
      clearTimeout(helloTimer);
      if (!connection) return;
      const dropping = this.drop(connection).catch((error: unknown) => this.logger.error(`Dropping device failed: ${String(error)}`));
      this.dropping.add(dropping);
      void dropping.finally(() => this.dropping.delete(dropping));
    });
  }

  /** Authenticates the device and registers it; null (and the socket closed) when it may not connect. */
  private async hello(socket: WebSocket, request: FastifyRequest, hello: Hello, send: (message: ServerMessage) => void): Promise<Connection | null> {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : hello.token;
    const principal = token ? await this.verifier.verify(token) : null;
    if (!principal || principal.expiresAt.getTime() <= Date.now()) {
      send({ type: 'error', code: 'UNAUTHORIZED', message: 'A valid access token is required (Authorization header or hello.token)' });
      socket.close(CLOSE.unauthorized, 'Unauthorized');
      return null;
    }
    if (!principal.userId || !principal.scopes.has('streaming')) {
      send({ type: 'error', code: 'INSUFFICIENT_SCOPE', message: 'Devices need a listener’s token with the streaming scope' });
      socket.close(CLOSE.forbidden, 'Forbidden');
      return null;
    }
    const device = await this.devices.connected(principal.userId, principal.clientId, hello.device, this.instanceId);
    // The same device connecting again replaces its older connection.
    const previous = this.connections.get(device.id);
    if (previous) {
      this.connections.delete(device.id);
      await previous.unsubscribe();
      previous.socket.close(CLOSE.replaced, 'Connected again elsewhere');
    }
    const connection: Connection = { socket, userId: principal.userId, deviceId: device.id, alive: true, inFlight: new Map(), unsubscribe: () => Promise.resolve() };
    connection.unsubscribe = await this.bus.subscribe(`device:${device.id}`, (message) => {
      const envelope = message as CommandEnvelope;
      connection.inFlight.set(envelope.id, envelope.replyTo);
      socket.send(JSON.stringify({ type: 'command', id: envelope.id, command: envelope.command, playback: envelope.playback } satisfies ServerMessage));
    });
    this.connections.set(device.id, connection);
    send({ type: 'welcome', v: PROTOCOL_VERSION, device_id: device.id, heartbeat_ms: this.env.PLAYER_HEARTBEAT_MS });
    await this.events?.connected(principal.userId, device.id);
    return connection;
  }

  private async acknowledge(connection: Connection, ack: { id: string; error?: { code: string; message: string } }): Promise<void> {
    const replyTo = connection.inFlight.get(ack.id);
    if (!replyTo) return;
    connection.inFlight.delete(ack.id);
    await this.bus.publish(`ack:${replyTo}`, { id: ack.id, ...(ack.error ? { error: ack.error } : {}) } satisfies AckEnvelope);
  }

  private async drop(connection: Connection): Promise<void> {
    if (this.connections.get(connection.deviceId) !== connection) return; // replaced by a newer connection
    this.connections.delete(connection.deviceId);
    await connection.unsubscribe();
    // Commands it will never acknowledge fail now rather than at their timeout.
    for (const [id, replyTo] of connection.inFlight) {
      await this.bus.publish(`ack:${replyTo}`, { id, error: { code: 'DEVICE_DISCONNECTED', message: 'the device disconnected' } } satisfies AckEnvelope);
    }
    await this.devices.disconnected(connection.deviceId, this.instanceId);
    await this.events?.disconnected(connection.userId, connection.deviceId);
  }

  /** One missed pong and the device is gone: terminate() fires `close`, which drops it. */
  private beat(): void {
    for (const connection of this.connections.values()) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }
}
