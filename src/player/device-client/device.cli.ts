// `npm run device -- --name "Kitchen speaker" --type Speaker [--token T]`: the reference device.
// It speaks the device protocol (docs/devices.md) and nothing else, signs in with the device
// authorization grant when no token is given, logs what it is told to do, plays tracks out in
// simulated time and reconnects when the connection drops. Ctrl-C closes it cleanly.
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DEVICE_TYPES, type DeviceType } from '../protocol';
import { authorizeDevice, type DeviceCode, type OAuthClient, OAuthError, refreshTokens } from './device-authorization';
import { type ReceivedCommand, SimulatedDevice } from './simulated-device';

const USAGE = `Usage:
  npm run device -- --name NAME --type TYPE [--token TOKEN | --client-id ID] [--id STABLE_ID]
                    [--no-volume] [--speed N] [--url http://localhost:3000]

  --name        What the listener sees, e.g. "Kitchen speaker"
  --type        ${DEVICE_TYPES.join(', ')}
  --token       A listener's access token with the streaming scope; without one the device signs in
                with the device authorization grant (RFC 8628) and shows a code to confirm
  --client-id   The public app to sign in as; without one a public app is registered through the
                server's development endpoint (POST /dev/apps, loopback only)
  --id          The device's own stable id (letters, digits, . _ -); defaults to one made of the name
  --no-volume   The device has no volume control
  --speed       How many times faster than real time tracks play (default 1)
  --url         The server (default http://localhost:3000)`;

/** The scopes the reference device asks for: to play as a device, and to read what it plays. */
export const DEVICE_SCOPES = 'streaming user-read-playback-state';
const REFERENCE_APP = { name: 'Backbeat reference device', redirect_uris: ['http://127.0.0.1/cb'], type: 'public' } as const;
const CLIENT_DEVICE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const CONNECT_TIMEOUT_MS = 15_000;
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16_000, 30_000];

export interface DeviceCliIo {
  /** The device's log and the sign-in instructions: stdout. */
  out(line: string): void;
  /** Problems: stderr. */
  err(line: string): void;
}

const consoleIo: DeviceCliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** A running device. */
export interface DeviceCliRun {
  /** Resolves with the exit code once the device stopped: 0 after stop() or Ctrl-C, 1 on errors it cannot get past. */
  readonly exited: Promise<number>;
  /** Its Backbeat device id, once the server welcomed it. */
  readonly deviceId: string | null;
  /** Stops as Ctrl-C does: closes the connection with 1000 (or stops signing in) and resolves with the exit code. */
  stop(): Promise<number>;
}

interface Options {
  name: string;
  type: DeviceType;
  token?: string;
  clientId?: string;
  clientDeviceId: string;
  supportsVolume: boolean;
  speed: number;
  url: string;
}

class UsageError extends Error {}
/** Stops the device with exit code 1 and this message. */
class Fatal extends Error {}

/** Waits `ms` unless `signal` aborts first (false then). */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** `promise`, or null after `ms`; the timer is cleared either way. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  const timer = new AbortController();
  try {
    return await Promise.race([promise, pause(ms, timer.signal).then(() => null)]);
  } finally {
    timer.abort();
  }
}

function parse(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      type: { type: 'string' },
      token: { type: 'string' },
      'client-id': { type: 'string' },
      id: { type: 'string' },
      'no-volume': { type: 'boolean', default: false },
      speed: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (positionals.length) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
  const name = values.name?.trim();
  if (!name || name.length > 100) throw new UsageError('--name is required (at most 100 characters)');
  const type = DEVICE_TYPES.find((t) => t.toLowerCase() === (values.type ?? '').toLowerCase());
  if (!type) throw new UsageError(`--type must be one of ${DEVICE_TYPES.join(', ')}`);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0) throw new UsageError('--speed must be a positive number');
  const clientDeviceId = values.id ?? defaultDeviceId(name);
  if (!CLIENT_DEVICE_ID.test(clientDeviceId)) throw new UsageError('--id must be 1-64 letters, digits, dots, dashes or underscores');
  const url = (values.url ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(url)) throw new UsageError('--url must be the server’s http(s) address, e.g. http://localhost:3000');
  return { name, type, token: values.token, clientId: values['client-id'], clientDeviceId, supportsVolume: !values['no-volume'], speed, url };
}

/** Stable across runs on this machine: the host and the device's name. */
function defaultDeviceId(name: string): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug(hostname()).slice(0, 24) || 'host'}.${slug(name).slice(0, 39) || 'device'}`;
}

/** 83000 → "1:23"; an hour or more → "1:02:03". */
export function clock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

class DeviceCli implements DeviceCliRun {
  deviceId: string | null = null;
  readonly exited: Promise<number>;
  private stopping = false;
  private readonly abort = new AbortController();
  private device: SimulatedDevice | null = null;
  private token = '';
  private refreshToken?: string;
  private clientId?: string;
  private readonly titles = new Map<string, Promise<string>>();
  /** Log lines go out in order, though a track's title may take a request to learn. */
  private logs: Promise<void> = Promise.resolve();

  constructor(
    private readonly argv: string[],
    private readonly io: DeviceCliIo,
  ) {
    this.exited = this.main();
  }

  async stop(): Promise<number> {
    this.stopping = true;
    this.abort.abort();
    await this.device?.close();
    return this.exited;
  }

  private async main(): Promise<number> {
    let options: Options;
    try {
      options = parse(this.argv);
    } catch (error) {
      this.io.err(error instanceof Error ? error.message : String(error));
      this.io.err(USAGE);
      return 1;
    }
    try {
      if (options.token) this.token = options.token;
      else await this.signIn(options);
      if (this.stopping) return 0;
      return await this.run(options);
    } catch (error) {
      if (this.stopping) return 0;
      await this.logs;
      this.io.err(error instanceof Error ? error.message : String(error));
      return 1;
    } finally {
      await this.logs;
    }
  }

  // Signing in

  private async signIn(options: Options): Promise<void> {
    this.clientId = options.clientId ?? (await this.registerApp(options.url));
    const client: OAuthClient = { baseUrl: options.url, clientId: this.clientId };
    let tokens;
    try {
      tokens = await authorizeDevice(client, DEVICE_SCOPES, (code) => this.showCode(code), { signal: this.abort.signal });
    } catch (error) {
      if (error instanceof OAuthError) {
        const why: Record<string, string> = {
          access_denied: 'The listener declined to connect this device.',
          expired_token: 'The code expired before anyone confirmed it; run the command again.',
          invalid_client: `The server does not know the app ${this.clientId} as a public app: check --client-id.`,
          invalid_scope: `The server refused the scopes "${DEVICE_SCOPES}".`,
        };
        throw new Fatal(why[error.error] ?? `Sign-in failed: ${error.message}`);
      }
      if (this.stopping) throw error;
      throw new Fatal(`Sign-in failed: cannot reach ${options.url} (${describe(error)})`);
    }
    this.token = tokens.access_token;
    this.refreshToken = tokens.refresh_token;
    this.io.out(`✓ Signed in (scopes: ${tokens.scope || DEVICE_SCOPES}).`);
  }

  private async registerApp(url: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${url}/dev/apps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(REFERENCE_APP), signal: this.abort.signal });
    } catch (error) {
      if (this.stopping) throw error;
      throw new Fatal(`Cannot reach ${url} (${describe(error)}). Is the server running?`);
    }
    const body = (await response.json().catch(() => ({}))) as { client_id?: string; error?: { message?: string } };
    if (!response.ok || !body.client_id) {
      throw new Fatal(
        `No --client-id, and registering an app through POST ${url}/dev/apps failed (${body.error?.message ?? response.status}). ` +
          'That endpoint answers only on this machine while DEV_TOKENS is on: pass --client-id of a public app, or --token.',
      );
    }
    this.io.out(`No --client-id given: registered the public app “${REFERENCE_APP.name}” through the server’s development endpoint.`);
    this.io.out(`  client_id ${body.client_id}  (pass --client-id ${body.client_id} next time to reuse it)`);
    return body.client_id;
  }

  private showCode(code: DeviceCode): void {
    const minutes = Math.round(code.expires_in / 60);
    this.io.out('');
    this.io.out('To connect this device to your Backbeat account, open');
    this.io.out(`    ${code.verification_uri_complete ?? code.verification_uri}`);
    if (code.verification_uri_complete) this.io.out(`or go to ${code.verification_uri} and enter the code`);
    else this.io.out('and enter the code');
    this.io.out('');
    this.io.out(`    ${code.user_code}`);
    this.io.out('');
    this.io.out(`Waiting for you to confirm (the code expires in ${minutes} minute${minutes === 1 ? '' : 's'})…`);
  }

  /** A new access token from the refresh token; false when there is none to use. */
  private async refresh(url: string): Promise<boolean> {
    if (!this.refreshToken || !this.clientId) return false;
    try {
      const tokens = await refreshTokens({ baseUrl: url, clientId: this.clientId }, this.refreshToken, this.abort.signal);
      this.token = tokens.access_token;
      this.refreshToken = tokens.refresh_token ?? this.refreshToken;
      this.log('↻ access token refreshed');
      return true;
    } catch (error) {
      if (this.stopping) throw error;
      this.io.err(`Could not refresh the access token: ${describe(error)}`);
      return false;
    }
  }

  // Connecting

  /** Connects, and connects again after drops, until stopped or refused for good. */
  private async run(options: Options): Promise<number> {
    let failures = 0;
    let welcomed = false;
    let refreshed = false;
    while (!this.stopping) {
      const device = this.newDevice(options);
      const closed = new Promise<number>((resolve) => device.once('closed', resolve));
      let refusal: string | null = null;
      try {
        const connecting = device.connect();
        connecting.catch(() => undefined);
        const deviceId = await within(connecting, CONNECT_TIMEOUT_MS);
        if (deviceId === null) {
          device.drop();
          throw new Error(`no welcome within ${CONNECT_TIMEOUT_MS / 1000} s`);
        }
        this.deviceId = deviceId;
        this.log(
          welcomed
            ? `✓ reconnected as ${deviceId}`
            : `✓ connected as “${options.name}” (${options.type}), device id ${deviceId}. Ctrl-C to stop.`,
        );
        welcomed = true;
        failures = 0;
        refreshed = false;
      } catch (error) {
        if (this.stopping) break;
        refusal = describe(error);
      }

      // A refused hello is followed by the close code that says why.
      const code = refusal === null ? await closed : ((await within(closed, 1000)) ?? 0);
      if (this.stopping) break;
      // The server refuses a token that is not (or no longer) valid with 4401, one without `streaming` with 4403.
      if (code === 4401 || refusal?.startsWith('UNAUTHORIZED')) {
        if (!refreshed && (await this.refresh(options.url))) {
          refreshed = true;
          continue;
        }
        throw new Fatal(`The server refused the access token (${refusal ?? 'close code 4401'}): it is expired or revoked. Get a new one.`);
      }
      if (code === 4403 || refusal?.startsWith('INSUFFICIENT_SCOPE')) {
        throw new Fatal('The access token lacks the streaming scope, or acts for no listener: devices need a listener’s token with streaming.');
      }
      if (code === 4409) {
        throw new Fatal(`The same device (--id ${options.clientDeviceId}) connected again elsewhere and replaced this connection: stopping.`);
      }
      if (!welcomed) throw new Fatal(`Cannot connect to ${options.url}: ${refusal ?? `closed with ${code}`}`);

      const wait = Math.round(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] * (0.8 + Math.random() * 0.4));
      failures++;
      this.log(`✗ ${refusal ? `reconnecting failed (${refusal})` : `connection lost (close code ${code})`}; trying again in ${(wait / 1000).toFixed(1)} s`);
      if (!(await pause(wait, this.abort.signal))) break;
    }
    this.log('Stopped.');
    return 0;
  }

  private newDevice(options: Options): SimulatedDevice {
    const device = new SimulatedDevice({
      baseUrl: options.url,
      token: this.token,
      name: options.name,
      type: options.type,
      clientDeviceId: options.clientDeviceId,
      supportsVolume: options.supportsVolume,
      speed: options.speed,
    });
    this.device = device;
    device.on('command', (command: ReceivedCommand) => this.logCommand(command, options.url));
    device.on('track_ended', (uri: string) => this.log(async () => `■ ${await this.title(uri, options.url)} ended`));
    device.on('error_frame', (frame: { code: string; message: string }) => {
      if (device.deviceId) this.io.err(`The server answered a frame with ${frame.code}: ${frame.message}`);
    });
    return device;
  }

  // Logging

  private log(line: string | (() => Promise<string>)): void {
    const stamp = new Date().toTimeString().slice(0, 8);
    this.logs = this.logs
      .then(async () => this.io.out(`${stamp}  ${typeof line === 'string' ? line : await line()}`))
      .catch((error: unknown) => this.io.err(describe(error)));
  }

  private logCommand({ command, playback }: ReceivedCommand, url: string): void {
    const item = playback.item;
    const at = clock(playback.position_ms);
    const what = async () => (item ? await this.title(item.uri, url, item.name) : 'nothing');
    const state = async () => (!item ? '⏹ nothing to play' : playback.is_playing ? `▶ play ${await what()} at ${at}` : `⏸ ${await what()} at ${at}, paused`);
    switch (command) {
      case 'play':
        return this.log(state);
      case 'resume':
        return this.log(async () => `▶ resume ${await what()} at ${at}`);
      case 'pause':
        return this.log(`⏸ pause at ${at}`);
      case 'seek':
        return this.log(`⏩ seek to ${at}`);
      case 'volume':
        return this.log(`🔊 volume ${playback.volume_percent ?? '–'}%`);
      case 'shuffle':
        return this.log(`🔀 shuffle ${playback.shuffle ? 'on' : 'off'}`);
      case 'repeat':
        return this.log(`🔁 repeat ${playback.repeat}`);
      case 'transfer_in':
        return this.log(async () => `⇥ playback moved here: ${await state()}`);
      case 'transfer_out':
        return this.log('⇤ playback moved to another device; stopped here');
    }
  }

  /**
   * `"Title" by Artist` for a track URI: commands carry the title, and the device asks the catalog
   * (GET /v1/tracks/{id}) for the artist, once per track; without an answer, the title or the URI.
   */
  private title(uri: string, url: string, name?: string): Promise<string> {
    const fallback = name ? `“${name}”` : uri;
    let title = this.titles.get(uri);
    if (!title) {
      const id = uri.split(':').at(-1) ?? uri;
      title = fetch(`${url}/v1/tracks/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${this.token}` }, signal: AbortSignal.timeout(2000) })
        .then(async (response) => {
          if (!response.ok) return fallback;
          const track = (await response.json()) as { name?: string; artists?: { name?: string }[] };
          const artist = track.artists?.[0]?.name;
          return track.name ? `“${track.name}”${artist ? ` by ${artist}` : ''}` : fallback;
        })
        .catch(() => fallback);
      this.titles.set(uri, title);
    }
    return title;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message ? `${error.message}: ${cause.message}` : error.message;
}

/** The whole command, exported so that tests run it in-process; stop it with `stop()`. */
export function runDeviceCli(argv: string[], io: DeviceCliIo = consoleIo): DeviceCliRun {
  return new DeviceCli(argv, io);
}

if (require.main === module) {
  const run = runDeviceCli(process.argv.slice(2));
  const stop = () => {
    // A second Ctrl-C does not wait for the goodbye.
    process.once('SIGINT', () => process.exit(130));
    void run.stop();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  void run.exited.then((code) => process.exit(code));
}
