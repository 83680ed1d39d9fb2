#!/usr/bin/env node
// A minimal remote control for Backbeat's player API: plain Node.js (20 or newer), no dependencies.
//
//   BACKBEAT_TOKEN=… node docs/examples/remote-control.mjs [--device Kitchen] [search words]
//
// It finds the device by name, moves playback there, plays an album (the first search result for
// the words given, else the newest release), prints every change the player reports over
// Server-Sent Events, skips a track, pauses and stops. The token needs the scopes
// user-read-playback-state and user-modify-playback-state. See docs/examples/README.md.

import { parseArgs } from 'node:util';

const BASE = (process.env.BACKBEAT_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const TOKEN = process.env.BACKBEAT_TOKEN;
const { values, positionals } = parseArgs({ allowPositionals: true, options: { device: { type: 'string', default: 'Kitchen' } } });
const query = positionals.join(' ');

if (!TOKEN) {
  console.error('Set BACKBEAT_TOKEN to a listener’s token with user-read-playback-state and user-modify-playback-state.');
  process.exit(1);
}

/** Calls the Web API; throws Spotify-style errors as "403 ALREADY_PAUSED: Player command failed: …". */
async function api(method, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 204) return null;
  const json = await response.json();
  if (!response.ok) throw new Error(`${json.error?.status ?? response.status} ${json.error?.reason ?? ''}: ${json.error?.message ?? response.statusText}`);
  return json;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const clock = (ms) => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

/**
 * Subscribes to GET /v1/me/player/events and calls `onEvent(name, data)` for each event. A stream of
 * `event:`/`data:` lines, events separated by a blank line; lines starting with ":" are keep-alives.
 */
async function subscribe(onEvent, signal) {
  const response = await fetch(`${BASE}/v1/me/player/events`, { headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' }, signal });
  if (!response.ok) throw new Error(`The event stream answered ${response.status}`);
  const read = async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') name = value;
            else if (field === 'data') data.push(value);
          }
          if (data.length) onEvent(name, JSON.parse(data.join('\n')));
        }
      }
    } catch (error) {
      if (!signal.aborted) console.error('The event stream broke off:', error.message);
    }
  };
  void read();
}

/** One line per change: why it changed, and what the player does now. */
function describe({ reason, state }) {
  if (!state) return `[${reason}] no active device`;
  const track = state.item ? `“${state.item.name}” by ${state.item.artists.map((a) => a.name).join(', ')}` : 'nothing';
  const where = state.progress_ms === null ? '' : ` at ${clock(state.progress_ms)}`;
  return `[${reason}] ${state.is_playing ? '▶' : '⏸'} ${track}${where} on ${state.device.name} (shuffle ${state.shuffle_state ? 'on' : 'off'}, repeat ${state.repeat_state})`;
}

const stop = new AbortController();
let onPaused;
const paused = new Promise((resolve) => (onPaused = resolve));

try {
  // 1. Find the device.
  const { devices } = await api('GET', '/v1/me/player/devices');
  const device = devices.find((d) => d.name.toLowerCase() === values.device.toLowerCase());
  if (!device) {
    throw new Error(`No device named “${values.device}”; listed: ${devices.map((d) => d.name).join(', ') || 'none'}. Start one with npm run device -- --name ${values.device} --type Speaker --token …`);
  }
  console.log(`Device: ${device.name} (${device.type}), id ${device.id}${device.is_active ? ', active' : ''}`);

  // 2. Listen to what happens from now on.
  await subscribe((event, data) => {
    if (event !== 'player_state') return;
    console.log(describe(data));
    if (data.reason === 'pause') onPaused();
  }, stop.signal);

  // 3. Move playback to the device (paused; nothing may be playing yet).
  await api('PUT', '/v1/me/player', { device_ids: [device.id], play: false });

  // 4. Find an album and play it there.
  const album = query
    ? (await api('GET', `/v1/search?${new URLSearchParams({ q: query, type: 'album', limit: '1' })}`)).albums.items[0]
    : (await api('GET', '/v1/browse/new-releases?limit=1')).albums.items[0];
  if (!album) throw new Error(`No album matches “${query}”`);
  console.log(`Playing the album “${album.name}” by ${album.artists.map((a) => a.name).join(', ')} (${album.uri})`);
  await api('PUT', `/v1/me/player/play?device_id=${device.id}`, { context_uri: album.uri });

  // 5. Let it play a little, skip a track, then pause.
  await sleep(3000);
  await api('POST', '/v1/me/player/next');
  await sleep(3000);
  await api('PUT', '/v1/me/player/pause');
  await Promise.race([paused, sleep(2000)]);
  console.log('Paused. Bye.');
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  stop.abort();
}
