import type { RepeatState } from './protocol';

/**
 * A listener's playback, as the server keeps it. Progress is not ticked: it is `progressMs` at
 * `progressAt` (epoch ms) and runs on from there while `isPlaying`. Every transition below is a
 * pure function of the playback and the time, so the rules can be tested without devices.
 */
export interface Playback {
  deviceId: string | null;
  contextUri: string | null;
  /** Track ids of the context (or of the `uris` list that was played), in context order. */
  items: string[];
  /** Indices into `items` in play order: a permutation while shuffled. */
  order: number[];
  /** Where in `order` playback is; while a queued track plays, the context item played before it. */
  cursor: number;
  /** Track ids added with "add to queue"; they play before the context goes on. */
  queue: string[];
  trackId: string | null;
  /** The current track's name and length, looked up when the track changes. */
  trackName: string;
  durationMs: number;
  fromQueue: boolean;
  isPlaying: boolean;
  progressMs: number;
  progressAt: number;
  shuffle: boolean;
  repeat: RepeatState;
}

export const MAX_QUEUE = 100;
/** Within this much of its start, "previous" goes to the previous track rather than restarting this one. */
export const RESTART_THRESHOLD_MS = 3000;

/** Spotify's reasons for a refused player command. */
export type Refusal = 'NO_PREV_TRACK' | 'NO_NEXT_TRACK' | 'ALREADY_PAUSED' | 'ALREADY_PLAYING' | 'NOT_PLAYING_TRACK' | 'VOLUME_CONTROL_DISALLOW' | 'DEVICE_NOT_CONTROLLABLE' | 'NO_SPECIFIC_TRACK';

export class PlaybackRefused extends Error {
  constructor(readonly reason: Refusal, message: string) {
    super(message);
  }
}

export function emptyPlayback(): Playback {
  return { deviceId: null, contextUri: null, items: [], order: [], cursor: 0, queue: [], trackId: null, trackName: '', durationMs: 0, fromQueue: false, isPlaying: false, progressMs: 0, progressAt: 0, shuffle: false, repeat: 'off' };
}

export function progress(p: Playback, now: number): number {
  return p.isPlaying ? Math.min(p.durationMs, p.progressMs + Math.max(0, now - p.progressAt)) : p.progressMs;
}

const identity = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Fisher-Yates over `indices`; `random` returns [0, 1). */
function shuffled(indices: number[], random: () => number): number[] {
  const out = [...indices];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Play order with `first` up front, the rest shuffled or in order. */
function playOrder(length: number, first: number, shuffle: boolean, random: () => number): number[] {
  if (!shuffle) return identity(length);
  return [first, ...shuffled(identity(length).filter((i) => i !== first), random)];
}

/** Sets the track (the caller fills in its duration) and starts it from `positionMs`. */
function at(p: Playback, changes: Partial<Playback>, now: number, positionMs = 0): Playback {
  return { ...p, ...changes, progressMs: positionMs, progressAt: now };
}

export function start(
  p: Playback,
  play: { contextUri: string | null; items: string[]; offset: number; positionMs: number },
  now: number,
  random: () => number = Math.random,
): Playback {
  if (!play.items.length) throw new PlaybackRefused('NO_SPECIFIC_TRACK', 'Nothing to play');
  const offset = Math.min(Math.max(play.offset, 0), play.items.length - 1);
  const order = playOrder(play.items.length, offset, p.shuffle, random);
  return at(p, { contextUri: play.contextUri, items: play.items, order, cursor: order.indexOf(offset), trackId: play.items[offset], fromQueue: false, isPlaying: true }, now, play.positionMs);
}

export function pause(p: Playback, now: number): Playback {
  if (!p.trackId) throw new PlaybackRefused('NOT_PLAYING_TRACK', 'Nothing is playing');
  if (!p.isPlaying) throw new PlaybackRefused('ALREADY_PAUSED', 'Playback is already paused');
  return { ...p, isPlaying: false, progressMs: progress(p, now), progressAt: now };
}

export function resume(p: Playback, now: number): Playback {
  if (!p.trackId) throw new PlaybackRefused('NOT_PLAYING_TRACK', 'Nothing to resume: play something first');
  if (p.isPlaying) throw new PlaybackRefused('ALREADY_PLAYING', 'Playback is already playing');
  return { ...p, isPlaying: true, progressAt: now };
}

/** Moves on: a queued track first, then the context in play order, as repeat says. */
export function next(p: Playback, now: number, reason: 'skip' | 'ended'): Playback {
  if (!p.trackId) throw new PlaybackRefused('NO_NEXT_TRACK', 'Nothing is playing');
  if (reason === 'ended' && p.repeat === 'track') return at(p, {}, now);
  if (p.queue.length) {
    const [trackId, ...queue] = p.queue;
    return at(p, { trackId, queue, fromQueue: true }, now);
  }
  if (p.cursor + 1 < p.order.length) {
    const cursor = p.cursor + 1;
    return at(p, { cursor, trackId: p.items[p.order[cursor]], fromQueue: false }, now);
  }
  // The end of the context: round again when repeating, else stop at its start.
  const again = p.repeat !== 'off';
  return at(p, { cursor: 0, trackId: p.items[p.order[0]] ?? p.trackId, fromQueue: false, isPlaying: again && p.isPlaying }, now);
}

export function previous(p: Playback, now: number): Playback {
  if (!p.trackId) throw new PlaybackRefused('NO_PREV_TRACK', 'Nothing is playing');
  if (progress(p, now) > RESTART_THRESHOLD_MS) return at(p, {}, now);
  if (p.fromQueue) return at(p, { trackId: p.items[p.order[p.cursor]] ?? p.trackId, fromQueue: false }, now);
  if (p.cursor > 0) return at(p, { cursor: p.cursor - 1, trackId: p.items[p.order[p.cursor - 1]] }, now);
  if (p.repeat === 'context' && p.order.length > 1) {
    const cursor = p.order.length - 1;
    return at(p, { cursor, trackId: p.items[p.order[cursor]] }, now);
  }
  return at(p, {}, now);
}

/** Seeking past the end of the track moves on to the next one, as Spotify does. */
export function seek(p: Playback, positionMs: number, now: number): Playback {
  if (!p.trackId) throw new PlaybackRefused('NOT_PLAYING_TRACK', 'Nothing is playing');
  if (positionMs >= p.durationMs) return next(p, now, 'skip');
  return { ...p, progressMs: positionMs, progressAt: now };
}

export function setShuffle(p: Playback, shuffle: boolean, random: () => number = Math.random): Playback {
  if (!p.items.length) return { ...p, shuffle };
  const current = p.order[p.cursor] ?? 0;
  const order = playOrder(p.items.length, current, shuffle, random);
  return { ...p, shuffle, order, cursor: order.indexOf(current) };
}

export function setRepeat(p: Playback, repeat: RepeatState): Playback {
  return { ...p, repeat };
}

export function enqueue(p: Playback, trackId: string): Playback {
  if (!p.trackId) throw new PlaybackRefused('NOT_PLAYING_TRACK', 'Start playback before adding to the queue');
  if (p.queue.length >= MAX_QUEUE) throw new PlaybackRefused('NO_SPECIFIC_TRACK', `The queue holds at most ${MAX_QUEUE} tracks`);
  return { ...p, queue: [...p.queue, trackId] };
}

/** The tracks that will play next: the queue, then the rest of the context (up to `limit`). */
export function upcoming(p: Playback, limit: number): string[] {
  const rest = p.order.slice(p.cursor + 1).map((i) => p.items[i]);
  const wrap = p.repeat === 'context' ? p.order.slice(0, p.cursor + 1).map((i) => p.items[i]) : [];
  return [...p.queue, ...rest, ...wrap].slice(0, limit);
}

/** Spotify's `actions.disallows`: what the player cannot do right now. */
export function disallows(p: Playback, restrictions: readonly string[]): Record<string, true> {
  const out: Record<string, true> = {};
  if (!p.trackId) {
    for (const action of ['pausing', 'resuming', 'seeking', 'skipping_next', 'skipping_prev']) out[action] = true;
    return out;
  }
  if (p.isPlaying) out.resuming = true;
  else out.pausing = true;
  if (restrictions.includes('seek')) out.seeking = true;
  if (restrictions.includes('skip_previous')) out.skipping_prev = true;
  return out;
}
