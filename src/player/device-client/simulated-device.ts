import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { CommandName, DeviceType, ServerMessage, TargetPlayback } from '../protocol';
import { PROTOCOL_VERSION } from '../protocol';

export interface SimulatedDeviceOptions {
  /** The server's base URL, http(s)://host:port. */
  baseUrl: string;
  /** A listener's access token with the `streaming` scope. */
  token: string;
  name: string;
  type: DeviceType;
  /** Stable across runs, so the device keeps its Backbeat id. */
  clientDeviceId: string;
  supportsVolume?: boolean;
  volumePercent?: number;
  restrictions?: ('seek' | 'volume' | 'skip_previous')[];
  /** How much faster than real time tracks play (tests use 100 or more). */
  speed?: number;
  /** Refuse commands with this error instead of obeying (for tests of failing devices). */
  refuse?: { code: string; message: string };
  /** Do not acknowledge commands at all (for tests of unresponsive devices). */
  silent?: boolean;
  /** Leave the server's heartbeat pings unanswered, like a device that hung (for tests). */
  ignorePings?: boolean;
}

export interface ReceivedCommand {
  id: string;
  command: CommandName;
  playback: TargetPlayback;
}

/**
 * A device that speaks the Backbeat device protocol (docs/devices.md) and only that: the reference
 * device of `npm run device`, and the device the tests use. It obeys commands by adopting the
 * playback they carry, plays in simulated time and reports when a track ends.
 *
 * Events: `command` (ReceivedCommand), `track_ended` (uri), `error_frame` ({code, message}), `closed` (code).
 */
export class SimulatedDevice extends EventEmitter {
  deviceId: string | null = null;
  /** What the device is doing: the last playback it obeyed, with its own clock. */
  playback: TargetPlayback | null = null;
  readonly commands: ReceivedCommand[] = [];
  private socket: WebSocket | null = null;
  private startedAt = 0;
  private endTimer?: NodeJS.Timeout;

  constructor(readonly options: SimulatedDeviceOptions) {
    super();
  }

  /** Connects and says hello; resolves with the device id once the server welcomes it. */
  connect(): Promise<string> {
    const url = `${this.options.baseUrl.replace(/^http/, 'ws')}/v1/devices/connect`;
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${this.options.token}` }, autoPong: !this.options.ignorePings });
    this.socket = socket;
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        this.send({
          type: 'hello',
          v: PROTOCOL_VERSION,
          device: {
            client_device_id: this.options.clientDeviceId,
            name: this.options.name,
            type: this.options.type,
            supports_volume: this.options.supportsVolume ?? true,
            volume_percent: this.options.supportsVolume === false ? null : (this.options.volumePercent ?? 50),
            restrictions: this.options.restrictions ?? [],
          },
        });
      });
      socket.on('message', (data) => {
        const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
        if (message.type === 'welcome') {
          this.deviceId = message.device_id;
          resolve(message.device_id);
        } else if (message.type === 'command') this.obey(message);
        else {
          this.emit('error_frame', { code: message.code, message: message.message });
          if (!this.deviceId) reject(new Error(`${message.code}: ${message.message}`));
        }
      });
      socket.once('close', (code) => {
        clearTimeout(this.endTimer);
        this.emit('closed', code);
        if (!this.deviceId) reject(new Error(`closed with ${code}`));
      });
      socket.once('error', reject);
    });
  }

  /** Sends any frame, valid or not (tests send broken ones). */
  send(frame: unknown): void {
    this.socket?.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Where the device is in the current track, by its own (possibly fast) clock. */
  position(): number {
    if (!this.playback?.item) return 0;
    const elapsed = this.playback.is_playing ? (Date.now() - this.startedAt) * (this.options.speed ?? 1) : 0;
    return Math.min(this.playback.item.duration_ms, this.playback.position_ms + elapsed);
  }

  /** Reports the current track ended now, as if it had played out. */
  endTrack(): void {
    const uri = this.playback?.item?.uri;
    if (!uri) return;
    clearTimeout(this.endTimer);
    this.send({ type: 'state', event: 'track_ended', item_uri: uri, position_ms: this.playback!.item!.duration_ms });
    this.emit('track_ended', uri);
  }

  report(event: 'playing' | 'paused' | 'position' | 'buffering' | 'error', extra: { position_ms?: number; error?: { code: string; message: string } } = {}): void {
    this.send({ type: 'state', event, ...(this.playback?.item ? { item_uri: this.playback.item.uri } : {}), ...extra });
  }

  /** Drops the connection without a goodbye, like a car driving into a tunnel. */
  drop(): void {
    this.socket?.terminate();
  }

  close(): Promise<void> {
    clearTimeout(this.endTimer);
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.close(1000, 'bye');
    });
  }

  private obey(message: Extract<ServerMessage, { type: 'command' }>): void {
    const received = { id: message.id, command: message.command, playback: message.playback };
    this.commands.push(received);
    this.emit('command', received);
    if (this.options.silent) return;
    if (this.options.refuse) return this.send({ type: 'ack', id: message.id, error: this.options.refuse });
    this.playback = message.command === 'transfer_out' ? { ...message.playback, is_playing: false } : message.playback;
    this.startedAt = Date.now();
    this.scheduleEnd();
    this.send({ type: 'ack', id: message.id });
  }

  /** Plays the track out in simulated time. */
  private scheduleEnd(): void {
    clearTimeout(this.endTimer);
    const item = this.playback?.item;
    if (!item || !this.playback?.is_playing) return;
    const remaining = (item.duration_ms - this.playback.position_ms) / (this.options.speed ?? 1);
    this.endTimer = setTimeout(() => this.endTrack(), Math.max(0, remaining));
    this.endTimer.unref();
  }
}
