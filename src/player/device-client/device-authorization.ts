import { setTimeout as delay } from 'node:timers/promises';

/**
 * The client side of the OAuth 2.0 device authorization grant (RFC 8628), as a speaker, car or TV
 * runs it against Backbeat (docs/authorization.md, "Cars, speakers and TVs"): ask for a code, show
 * it, poll the token endpoint until the listener confirms, refresh later. No dependencies beyond
 * `fetch`, so the SDKs can offer the same flow.
 */
export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

export interface OAuthClient {
  /** The server's base URL, e.g. http://localhost:3000. */
  baseUrl: string;
  clientId: string;
  /** Confidential apps only; public apps (the usual case for devices) have none. */
  clientSecret?: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
}

/** RFC 8628 §3.2. */
export interface DeviceCode {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete?: string;
  expires_in: number;
  /** Seconds to wait between polls; 5 when absent. */
  interval?: number;
}

/** RFC 6749 §5.1. */
export interface Tokens {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  scope?: string;
}

/** An RFC 6749 error answer (`access_denied`, `expired_token`, `invalid_client`, …). */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string | undefined,
    readonly status: number,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuthError';
  }
}

export interface PollOptions {
  /** Stops polling (the promise rejects with an AbortError). */
  signal?: AbortSignal;
  /** Waits `ms`; tests pass a fake one. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock, in epoch ms. */
  now?: () => number;
}

const sleepFor = (ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal });
/** RFC 8628 §3.5: a device that polled too soon adds 5 seconds to its interval, for good. */
const SLOW_DOWN_MS = 5000;
const MAX_BACKOFF_MS = 60_000;

async function post(client: OAuthClient, path: string, params: Record<string, string>, signal?: AbortSignal): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const form = new URLSearchParams(params);
  if (client.clientSecret) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;
  else form.set('client_id', client.clientId);
  const response = await (client.fetch ?? fetch)(new URL(path, client.baseUrl), { method: 'POST', headers, body: form.toString(), signal });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, body };
}

function failure(status: number, body: Record<string, unknown>): OAuthError {
  const error = typeof body.error === 'string' ? body.error : 'server_error';
  const description = typeof body.error_description === 'string' ? body.error_description : `the server answered ${status}`;
  return new OAuthError(error, description, status);
}

/** Step 1: a device code to poll with and a user code to show the listener. */
export async function requestDeviceCode(client: OAuthClient, scope: string, signal?: AbortSignal): Promise<DeviceCode> {
  const { status, body } = await post(client, '/api/device/code', { scope }, signal);
  if (status !== 200) throw failure(status, body);
  return body as unknown as DeviceCode;
}

/**
 * Step 3: polls the token endpoint every `interval` seconds until the listener confirms (tokens),
 * declines (`access_denied`) or the code expires (`expired_token`). `slow_down` adds 5 seconds to
 * the interval for good; network trouble and 5xx answers back off and try again.
 */
export async function pollForTokens(client: OAuthClient, code: DeviceCode, options: PollOptions = {}): Promise<Tokens> {
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const deadline = now() + code.expires_in * 1000;
  let interval = (code.interval ?? 5) * 1000;
  let wait = interval;
  for (;;) {
    await sleep(wait, options.signal);
    if (now() >= deadline) throw new OAuthError('expired_token', 'The code expired before the listener confirmed it', 400);
    let answer: { status: number; body: Record<string, unknown> };
    try {
      answer = await post(client, '/api/token', { grant_type: DEVICE_CODE_GRANT_TYPE, device_code: code.device_code }, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      wait = Math.min(wait * 2, MAX_BACKOFF_MS);
      continue;
    }
    if (answer.status === 200) return answer.body as unknown as Tokens;
    if (answer.status >= 500) {
      wait = Math.min(wait * 2, MAX_BACKOFF_MS);
      continue;
    }
    if (answer.body.error === 'slow_down') interval += SLOW_DOWN_MS;
    else if (answer.body.error !== 'authorization_pending') throw failure(answer.status, answer.body);
    wait = interval;
  }
}

/** New tokens for a refresh token; Backbeat rotates it, so keep the `refresh_token` of the answer. */
export async function refreshTokens(client: OAuthClient, refreshToken: string, signal?: AbortSignal): Promise<Tokens> {
  const { status, body } = await post(client, '/api/token', { grant_type: 'refresh_token', refresh_token: refreshToken }, signal);
  if (status !== 200) throw failure(status, body);
  return body as unknown as Tokens;
}

/** The whole grant: asks for a code, lets the caller show it, polls until the listener decides. */
export async function authorizeDevice(
  client: OAuthClient,
  scope: string,
  show: (code: DeviceCode) => void,
  options: PollOptions = {},
): Promise<Tokens> {
  const code = await requestDeviceCode(client, scope, options.signal);
  show(code);
  return pollForTokens(client, code, options);
}
