import {
  disallows,
  emptyPlayback,
  enqueue,
  MAX_QUEUE,
  next,
  pause,
  Playback,
  PlaybackRefused,
  previous,
  progress,
  RESTART_THRESHOLD_MS,
  resume,
  seek,
  setRepeat,
  setShuffle,
  start,
  upcoming,
} from './playback';

const T0 = 1_700_000_000_000;
const DURATION = 200_000;
const ITEMS = ['t0', 't1', 't2', 't3', 't4'];

/** A deterministic random in [0, 1): mulberry32. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** A random that must not be called (unshuffled play orders need none). */
const noRandom = () => {
  throw new Error('random() was called');
};

/** Transitions are pure: frozen inputs prove they never change what they are given. */
function frozen(p: Playback): Playback {
  for (const value of Object.values(p)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(p);
}

/** Playback of `items` from `offset`, started at T0, with the duration the service would fill in. */
function playing(options: { items?: string[]; offset?: number; positionMs?: number; shuffle?: boolean; repeat?: Playback['repeat']; queue?: string[]; random?: () => number } = {}): Playback {
  const before = { ...emptyPlayback(), shuffle: options.shuffle ?? false, repeat: options.repeat ?? 'off', queue: options.queue ?? [] };
  const started = start(frozen(before), { contextUri: 'backbeat:album:a1', items: options.items ?? ITEMS, offset: options.offset ?? 0, positionMs: options.positionMs ?? 0 }, T0, options.random ?? seeded(1));
  return frozen({ ...started, durationMs: DURATION });
}

/** Applies transitions one after another, each on a frozen result (durations stay DURATION). */
function chain(p: Playback, ...steps: ((p: Playback) => Playback)[]): Playback {
  return steps.reduce((acc, step) => frozen({ ...step(acc), durationMs: DURATION }), frozen(p));
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PlaybackRefused) return error.reason;
    throw error;
  }
  throw new Error('expected a refusal');
}

const isPermutation = (order: number[], n: number) => order.length === n && [...order].sort((a, b) => a - b).every((v, i) => v === i);

describe('playback', () => {
  describe('emptyPlayback', () => {
    it('has nothing playing, no device, shuffle off and repeat off', () => {
      expect(emptyPlayback()).toEqual({
        deviceId: null,
        contextUri: null,
        items: [],
        order: [],
        cursor: 0,
        queue: [],
        trackId: null,
        trackName: '',
        durationMs: 0,
        fromQueue: false,
        isPlaying: false,
        progressMs: 0,
        progressAt: 0,
        shuffle: false,
        repeat: 'off',
      });
      expect(emptyPlayback()).not.toBe(emptyPlayback());
    });
  });

  describe('progress', () => {
    it('runs on from progressMs at progressAt while playing', () => {
      const p = playing({ positionMs: 12_000 });
      expect(progress(p, T0)).toBe(12_000);
      expect(progress(p, T0 + 1)).toBe(12_001);
      expect(progress(p, T0 + 30_000)).toBe(42_000);
    });

    it('is capped at the duration', () => {
      const p = playing({ positionMs: 190_000 });
      expect(progress(p, T0 + 9_999)).toBe(199_999);
      expect(progress(p, T0 + 10_000)).toBe(DURATION);
      expect(progress(p, T0 + 3_600_000)).toBe(DURATION);
    });

    it('stands still while paused, whatever the time', () => {
      const p = { ...playing({ positionMs: 5_000 }), isPlaying: false };
      expect(progress(p, T0)).toBe(5_000);
      expect(progress(p, T0 + 60_000)).toBe(5_000);
    });

    it('never runs backwards when another clock is behind progressAt', () => {
      expect(progress(playing({ positionMs: 5_000 }), T0 - 2_000)).toBe(5_000);
    });
  });

  describe('start', () => {
    it('plays the item at the offset from the position, in context order', () => {
      const p = start(frozen(emptyPlayback()), { contextUri: 'backbeat:album:a1', items: ITEMS, offset: 2, positionMs: 12_000 }, T0, noRandom);
      expect(p).toMatchObject({
        contextUri: 'backbeat:album:a1',
        items: ITEMS,
        order: [0, 1, 2, 3, 4],
        cursor: 2,
        trackId: 't2',
        fromQueue: false,
        isPlaying: true,
        progressMs: 12_000,
        progressAt: T0,
      });
      expect(progress({ ...p, durationMs: DURATION }, T0 + 1_000)).toBe(13_000);
    });

    it('clamps an offset outside the items', () => {
      expect(start(emptyPlayback(), { contextUri: null, items: ITEMS, offset: 99, positionMs: 0 }, T0, noRandom)).toMatchObject({ cursor: 4, trackId: 't4' });
      expect(start(emptyPlayback(), { contextUri: null, items: ITEMS, offset: -3, positionMs: 0 }, T0, noRandom)).toMatchObject({ cursor: 0, trackId: 't0' });
    });

    it('refuses an empty list', () => {
      expect(refusal(() => start(emptyPlayback(), { contextUri: null, items: [], offset: 0, positionMs: 0 }, T0))).toBe('NO_SPECIFIC_TRACK');
    });

    it('keeps the queue, shuffle and repeat, and leaves a queued track', () => {
      const before = frozen({ ...playing({ queue: ['q1'] }), repeat: 'track', fromQueue: true, isPlaying: false });
      const p = start(before, { contextUri: 'backbeat:artist:x', items: ['u1', 'u2'], offset: 1, positionMs: 0 }, T0 + 5, noRandom);
      expect(p).toMatchObject({ contextUri: 'backbeat:artist:x', trackId: 'u2', queue: ['q1'], repeat: 'track', fromQueue: false, isPlaying: true, progressAt: T0 + 5 });
    });

    it('while shuffled, puts the offset first and shuffles the rest with the given random', () => {
      const p = start(frozen({ ...emptyPlayback(), shuffle: true }), { contextUri: null, items: ITEMS, offset: 3, positionMs: 0 }, T0, seeded(7));
      expect(p.cursor).toBe(0);
      expect(p.order[0]).toBe(3);
      expect(p.trackId).toBe('t3');
      expect(isPermutation(p.order, ITEMS.length)).toBe(true);
      // Deterministic for a given random.
      expect(start({ ...emptyPlayback(), shuffle: true }, { contextUri: null, items: ITEMS, offset: 3, positionMs: 0 }, T0, seeded(7)).order).toEqual(p.order);
    });
  });

  describe('pause and resume', () => {
    it('pause freezes the progress reached by now', () => {
      const p = pause(playing({ positionMs: 1_000 }), T0 + 4_000);
      expect(p).toMatchObject({ isPlaying: false, progressMs: 5_000, progressAt: T0 + 4_000 });
      expect(progress(p, T0 + 100_000)).toBe(5_000);
    });

    it('pause keeps at most the duration', () => {
      expect(pause(playing({ positionMs: 199_000 }), T0 + 60_000).progressMs).toBe(DURATION);
    });

    it('resume runs on from where it paused, counted from now', () => {
      const paused = chain(playing(), (p) => pause(p, T0 + 10_000));
      const resumed = resume(paused, T0 + 50_000);
      expect(resumed).toMatchObject({ isPlaying: true, progressMs: 10_000, progressAt: T0 + 50_000 });
      expect(progress(resumed, T0 + 52_000)).toBe(12_000);
    });

    it('refuses to pause paused playback, or resume playing playback', () => {
      const p = playing();
      expect(refusal(() => resume(p, T0))).toBe('ALREADY_PLAYING');
      const paused = pause(p, T0);
      expect(refusal(() => pause(frozen(paused), T0))).toBe('ALREADY_PAUSED');
    });

    it('refuses both with nothing to play', () => {
      expect(refusal(() => pause(emptyPlayback(), T0))).toBe('NOT_PLAYING_TRACK');
      expect(refusal(() => resume(emptyPlayback(), T0))).toBe('NOT_PLAYING_TRACK');
    });

    it('says what is refused in words too', () => {
      expect(() => pause(emptyPlayback(), T0)).toThrow(PlaybackRefused);
      expect(() => pause(emptyPlayback(), T0)).toThrow('Nothing is playing');
      expect(() => pause(pause(playing(), T0), T0)).toThrow('Playback is already paused');
    });
  });

  describe('next', () => {
    it('moves through the context in order, from the start of each track, keeping play or pause', () => {
      const p = next(playing({ positionMs: 50_000 }), T0 + 1_000, 'skip');
      expect(p).toMatchObject({ cursor: 1, trackId: 't1', fromQueue: false, isPlaying: true, progressMs: 0, progressAt: T0 + 1_000 });
      const paused = chain(playing(), (x) => pause(x, T0), (x) => next(x, T0 + 5, 'skip'));
      expect(paused).toMatchObject({ trackId: 't1', isPlaying: false, progressMs: 0 });
    });

    it('plays queued tracks first, in the order they were added, then the context goes on', () => {
      const p = chain(playing({ offset: 1 }), (x) => enqueue(x, 'q1'), (x) => enqueue(x, 'q2'));
      const q1 = chain(p, (x) => next(x, T0 + 1, 'ended'));
      expect(q1).toMatchObject({ trackId: 'q1', fromQueue: true, queue: ['q2'], cursor: 1, isPlaying: true, progressMs: 0 });
      const q2 = chain(q1, (x) => next(x, T0 + 2, 'skip'));
      expect(q2).toMatchObject({ trackId: 'q2', fromQueue: true, queue: [], cursor: 1 });
      const back = chain(q2, (x) => next(x, T0 + 3, 'ended'));
      expect(back).toMatchObject({ trackId: 't2', fromQueue: false, queue: [], cursor: 2 });
    });

    it('at the end of the context with repeat off, stops at its start', () => {
      for (const reason of ['skip', 'ended'] as const) {
        const p = next(playing({ offset: 4, positionMs: 30_000 }), T0 + 9, reason);
        expect(p).toMatchObject({ cursor: 0, trackId: 't0', isPlaying: false, progressMs: 0, progressAt: T0 + 9, fromQueue: false });
      }
    });

    it('at the end of the context with repeat context, goes round and keeps playing', () => {
      for (const reason of ['skip', 'ended'] as const) {
        expect(next(playing({ offset: 4, repeat: 'context' }), T0 + 9, reason)).toMatchObject({ cursor: 0, trackId: 't0', isPlaying: true, progressMs: 0 });
      }
      // Paused, it goes round and stays paused.
      expect(chain(playing({ offset: 4, repeat: 'context' }), (x) => pause(x, T0), (x) => next(x, T0, 'skip'))).toMatchObject({ trackId: 't0', isPlaying: false });
    });

    it('after a queued track that followed the last item, the context is over', () => {
      const p = chain(playing({ offset: 4 }), (x) => enqueue(x, 'q1'), (x) => next(x, T0, 'ended'));
      expect(p).toMatchObject({ trackId: 'q1', cursor: 4 });
      expect(next(p, T0, 'ended')).toMatchObject({ trackId: 't0', cursor: 0, isPlaying: false, fromQueue: false });
      expect(next({ ...p, repeat: 'context' }, T0, 'ended')).toMatchObject({ trackId: 't0', cursor: 0, isPlaying: true, fromQueue: false });
    });

    it('with repeat track, a track that ended plays again, and the queue waits', () => {
      const p = chain(playing({ offset: 2, repeat: 'track', positionMs: 150_000 }), (x) => enqueue(x, 'q1'));
      const again = next(p, T0 + 50_000, 'ended');
      expect(again).toMatchObject({ trackId: 't2', cursor: 2, queue: ['q1'], isPlaying: true, progressMs: 0, progressAt: T0 + 50_000 });
    });

    it('with repeat track, skipping still moves on: to the queue, the next item, and round at the end', () => {
      const p = playing({ offset: 2, repeat: 'track' });
      expect(next(p, T0, 'skip')).toMatchObject({ trackId: 't3', cursor: 3, repeat: 'track' });
      expect(next(chain(p, (x) => enqueue(x, 'q1')), T0, 'skip')).toMatchObject({ trackId: 'q1', fromQueue: true });
      expect(next(playing({ offset: 4, repeat: 'track' }), T0, 'skip')).toMatchObject({ trackId: 't0', cursor: 0, isPlaying: true });
    });

    it('follows the shuffled play order', () => {
      const p = playing({ shuffle: true, offset: 2, random: seeded(3) });
      const seen = [p.trackId];
      let x = p;
      for (let i = 1; i < ITEMS.length; i++) {
        x = chain(x, (y) => next(y, T0, 'ended'));
        seen.push(x.trackId);
      }
      expect(seen).toEqual(p.order.map((i) => ITEMS[i]));
      expect([...seen].sort()).toEqual(ITEMS);
    });

    it('refuses with nothing playing', () => {
      expect(refusal(() => next(emptyPlayback(), T0, 'skip'))).toBe('NO_NEXT_TRACK');
    });
  });

  describe('previous', () => {
    it(`within ${RESTART_THRESHOLD_MS} ms of the start, goes to the previous item`, () => {
      const p = playing({ offset: 2 });
      expect(previous(p, T0 + 2_000)).toMatchObject({ cursor: 1, trackId: 't1', progressMs: 0, progressAt: T0 + 2_000, isPlaying: true });
      // The threshold itself still counts as the start.
      expect(previous(p, T0 + RESTART_THRESHOLD_MS)).toMatchObject({ trackId: 't1' });
    });

    it('after the threshold, restarts the current track', () => {
      const p = playing({ offset: 2 });
      expect(previous(p, T0 + RESTART_THRESHOLD_MS + 1)).toMatchObject({ cursor: 2, trackId: 't2', progressMs: 0, progressAt: T0 + RESTART_THRESHOLD_MS + 1 });
      // Progress counts from the timestamps: started at 2.5 s, one second later it is past the threshold.
      const late = playing({ offset: 2, positionMs: 2_500 });
      expect(previous(late, T0 + 400).trackId).toBe('t1');
      expect(previous(late, T0 + 1_000).trackId).toBe('t2');
    });

    it('restarts a paused track in place, still paused', () => {
      const p = chain(playing({ offset: 2 }), (x) => pause(x, T0 + 10_000));
      expect(previous(p, T0 + 90_000)).toMatchObject({ trackId: 't2', isPlaying: false, progressMs: 0 });
    });

    it('from a queued track, returns to the context item that played before it', () => {
      const p = chain(playing({ offset: 2 }), (x) => enqueue(x, 'q1'), (x) => enqueue(x, 'q2'), (x) => next(x, T0 + 1_000, 'skip'));
      expect(p).toMatchObject({ trackId: 'q1', fromQueue: true, cursor: 2 });
      const back = previous(p, T0 + 2_000);
      expect(back).toMatchObject({ trackId: 't2', fromQueue: false, cursor: 2, queue: ['q2'], progressMs: 0 });
      // Past the threshold, the queued track restarts instead.
      expect(previous(p, T0 + 1_000 + RESTART_THRESHOLD_MS + 1)).toMatchObject({ trackId: 'q1', fromQueue: true, progressMs: 0 });
    });

    it('at the first item, restarts it, or goes round to the last with repeat context', () => {
      expect(previous(playing(), T0 + 1_000)).toMatchObject({ cursor: 0, trackId: 't0', progressMs: 0, progressAt: T0 + 1_000 });
      expect(previous(playing({ repeat: 'context' }), T0 + 1_000)).toMatchObject({ cursor: 4, trackId: 't4' });
      expect(previous(playing({ repeat: 'track' }), T0 + 1_000)).toMatchObject({ cursor: 0, trackId: 't0' });
      expect(previous(playing({ items: ['solo'], repeat: 'context' }), T0 + 1_000)).toMatchObject({ cursor: 0, trackId: 'solo' });
    });

    it('follows the shuffled play order', () => {
      const p = chain(playing({ shuffle: true, random: seeded(11) }), (x) => next(x, T0, 'skip'), (x) => next(x, T0, 'skip'));
      expect(p.cursor).toBe(2);
      expect(previous(p, T0 + 100)).toMatchObject({ cursor: 1, trackId: ITEMS[p.order[1]] });
    });

    it('refuses with nothing playing', () => {
      expect(refusal(() => previous(emptyPlayback(), T0))).toBe('NO_PREV_TRACK');
    });
  });

  describe('seek', () => {
    it('sets the position now and keeps playing or paused', () => {
      const p = seek(playing({ positionMs: 1_000 }), 83_000, T0 + 5_000);
      expect(p).toMatchObject({ trackId: 't0', progressMs: 83_000, progressAt: T0 + 5_000, isPlaying: true });
      expect(progress(p, T0 + 6_000)).toBe(84_000);
      const paused = chain(playing(), (x) => pause(x, T0), (x) => seek(x, 0, T0 + 9));
      expect(paused).toMatchObject({ progressMs: 0, isPlaying: false });
      expect(seek(playing({ positionMs: 90_000 }), 10_000, T0).progressMs).toBe(10_000);
    });

    it('at or past the end, moves on to the next track (a skip, whatever the repeat)', () => {
      expect(seek(playing(), DURATION, T0 + 1)).toMatchObject({ trackId: 't1', cursor: 1, progressMs: 0, isPlaying: true });
      expect(seek(playing(), DURATION + 50_000, T0)).toMatchObject({ trackId: 't1' });
      expect(seek(playing({ repeat: 'track' }), DURATION, T0)).toMatchObject({ trackId: 't1' });
      expect(seek(chain(playing(), (x) => enqueue(x, 'q1')), DURATION, T0)).toMatchObject({ trackId: 'q1', fromQueue: true });
      // Past the end of the last item with repeat off: stopped at the start.
      expect(seek(playing({ offset: 4 }), DURATION, T0)).toMatchObject({ trackId: 't0', isPlaying: false });
      expect(seek(playing(), DURATION - 1, T0)).toMatchObject({ trackId: 't0', progressMs: DURATION - 1 });
    });

    it('refuses with nothing playing', () => {
      expect(refusal(() => seek(emptyPlayback(), 0, T0))).toBe('NOT_PLAYING_TRACK');
    });
  });

  describe('shuffle', () => {
    it('keeps the current track first and plays the rest in a permutation', () => {
      const p = setShuffle(playing({ offset: 2, positionMs: 40_000 }), true, seeded(5));
      expect(p).toMatchObject({ shuffle: true, cursor: 0, trackId: 't2', progressMs: 40_000, isPlaying: true, progressAt: T0 });
      expect(p.order[0]).toBe(2);
      expect(isPermutation(p.order, ITEMS.length)).toBe(true);
    });

    it('is a permutation with the current item first, for any length, position and random', () => {
      for (let n = 1; n <= 40; n++) {
        const items = Array.from({ length: n }, (_, i) => `x${i}`);
        for (let seed = 0; seed < 5; seed++) {
          const offset = (seed * 7) % n;
          const p = setShuffle(playing({ items, offset }), true, seeded(seed * 1000 + n));
          expect(isPermutation(p.order, n)).toBe(true);
          expect(p.order[p.cursor]).toBe(offset);
          expect(p.cursor).toBe(0);
          expect(p.trackId).toBe(items[offset]);
        }
      }
    });

    it('shuffles with the random it is given', () => {
      const items = Array.from({ length: 20 }, (_, i) => `x${i}`);
      const a = setShuffle(playing({ items }), true, seeded(42)).order;
      expect(setShuffle(playing({ items }), true, seeded(42)).order).toEqual(a);
      expect(setShuffle(playing({ items }), true, seeded(43)).order).not.toEqual(a);
      // A random that always answers 0.999… leaves the rest in order; Fisher-Yates swaps each with itself.
      expect(setShuffle(playing({ items: ITEMS, offset: 2 }), true, () => 0.999999).order).toEqual([2, 0, 1, 3, 4]);
    });

    it('turned off, restores context order and the current item’s place in it', () => {
      const shuffled = chain(playing({ offset: 1 }), (x) => setShuffle(x, true, seeded(9)), (x) => next(x, T0, 'skip'));
      const current = shuffled.trackId!;
      const p = setShuffle(shuffled, false, noRandom);
      expect(p).toMatchObject({ shuffle: false, order: [0, 1, 2, 3, 4], cursor: ITEMS.indexOf(current), trackId: current });
      // The context goes on after the current item, in order.
      const index = ITEMS.indexOf(current);
      expect(next(p, T0, 'skip').trackId).toBe(ITEMS[index + 1] ?? 't0');
      expect(upcoming(p, 10)).toEqual(ITEMS.slice(index + 1));
    });

    it('while a queued track plays, puts the context item that played before it first; the queue stays', () => {
      const p = chain(playing({ offset: 3 }), (x) => enqueue(x, 'q1'), (x) => enqueue(x, 'q2'), (x) => next(x, T0, 'skip'));
      const shuffled = setShuffle(p, true, seeded(1));
      expect(shuffled).toMatchObject({ trackId: 'q1', fromQueue: true, queue: ['q2'], cursor: 0 });
      expect(shuffled.order[0]).toBe(3);
      expect(next(shuffled, T0, 'skip').trackId).toBe('q2');
    });

    it('with nothing to order, only sets the flag', () => {
      expect(setShuffle(frozen(emptyPlayback()), true, noRandom)).toEqual({ ...emptyPlayback(), shuffle: true });
    });
  });

  describe('setRepeat', () => {
    it('changes the repeat mode and nothing else', () => {
      const p = playing({ offset: 1 });
      for (const repeat of ['track', 'context', 'off'] as const) expect(setRepeat(p, repeat)).toEqual({ ...p, repeat });
    });
  });

  describe('enqueue', () => {
    it('adds to the end of the queue', () => {
      expect(chain(playing(), (x) => enqueue(x, 'q1'), (x) => enqueue(x, 'q2'), (x) => enqueue(x, 'q1')).queue).toEqual(['q1', 'q2', 'q1']);
    });

    it(`holds at most ${MAX_QUEUE} tracks`, () => {
      expect(MAX_QUEUE).toBe(100);
      let p = playing();
      for (let i = 0; i < MAX_QUEUE; i++) p = enqueue(p, `q${i}`);
      expect(p.queue).toHaveLength(100);
      expect(refusal(() => enqueue(frozen(p), 'one-more'))).toBe('NO_SPECIFIC_TRACK');
      // Once one has played, there is room again.
      expect(enqueue(next(p, T0, 'skip'), 'one-more').queue).toHaveLength(100);
    });

    it('refuses with nothing playing', () => {
      expect(refusal(() => enqueue(emptyPlayback(), 'q1'))).toBe('NOT_PLAYING_TRACK');
    });
  });

  describe('upcoming', () => {
    it('lists the queue, then the rest of the context, up to the limit', () => {
      const p = chain(playing({ offset: 1 }), (x) => enqueue(x, 'q1'), (x) => enqueue(x, 'q2'));
      expect(upcoming(p, 20)).toEqual(['q1', 'q2', 't2', 't3', 't4']);
      expect(upcoming(p, 3)).toEqual(['q1', 'q2', 't2']);
      expect(upcoming(p, 0)).toEqual([]);
    });

    it('with repeat off, ends with the context', () => {
      expect(upcoming(playing({ offset: 4 }), 20)).toEqual([]);
    });

    it('with repeat context, goes round to the beginning, up to the current item', () => {
      expect(upcoming(playing({ offset: 2, repeat: 'context' }), 20)).toEqual(['t3', 't4', 't0', 't1', 't2']);
      expect(upcoming(playing({ offset: 4, repeat: 'context' }), 3)).toEqual(['t0', 't1', 't2']);
    });

    it('follows the shuffled order', () => {
      const p = playing({ shuffle: true, random: seeded(21) });
      expect(upcoming(p, 20)).toEqual(p.order.slice(1).map((i) => ITEMS[i]));
    });

    it('while a queued track plays, lists the rest of the queue, then the context after the item before it', () => {
      const p = chain(playing({ offset: 1, repeat: 'context' }), (x) => enqueue(x, 'q1'), (x) => enqueue(x, 'q2'), (x) => next(x, T0, 'skip'));
      expect(upcoming(p, 20)).toEqual(['q2', 't2', 't3', 't4', 't0', 't1']);
    });

    it('is empty with nothing playing', () => {
      expect(upcoming(emptyPlayback(), 20)).toEqual([]);
    });

    it('agrees with what next() plays, one round of the context', () => {
      let p = chain(playing({ offset: 1, shuffle: true, repeat: 'context', random: seeded(4) }), (x) => enqueue(x, 'q1'));
      const expected = upcoming(p, 20);
      expect(expected).toHaveLength(1 + ITEMS.length);
      const played: string[] = [];
      for (let i = 0; i < expected.length; i++) {
        p = chain(p, (x) => next(x, T0, 'ended'));
        played.push(p.trackId!);
      }
      expect(played).toEqual(expected);
    });
  });

  describe('disallows', () => {
    it('disallows everything with nothing playing', () => {
      expect(disallows(emptyPlayback(), [])).toEqual({ pausing: true, resuming: true, seeking: true, skipping_next: true, skipping_prev: true });
    });

    it('disallows resuming while playing and pausing while paused', () => {
      expect(disallows(playing(), [])).toEqual({ resuming: true });
      expect(disallows(pause(playing(), T0), [])).toEqual({ pausing: true });
    });

    it('adds what the device cannot do', () => {
      expect(disallows(playing(), ['seek'])).toEqual({ resuming: true, seeking: true });
      expect(disallows(playing(), ['skip_previous'])).toEqual({ resuming: true, skipping_prev: true });
      expect(disallows(playing(), ['seek', 'skip_previous', 'volume'])).toEqual({ resuming: true, seeking: true, skipping_prev: true });
    });
  });
});
