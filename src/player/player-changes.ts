import { EventEmitter, on } from 'node:events';
import type { Listener } from '../common/auth/principal';
import type { MessageBus } from '../common/bus/message-bus';
import type { PlaybackStateDto } from './dto/player.dto';
import { playerChannel, type PlayerChange, type PlayerService } from './player.service';

export interface PlayerStateChange {
  reason: string;
  state: PlaybackStateDto | null;
}

/**
 * The listener's playback state, at once (`subscribed`) and after every change any gateway
 * instance publishes, in order: what the SSE stream and the GraphQL subscription send.
 * `return()` ends it at once and drops the bus subscription.
 */
export function playerChanges(bus: MessageBus, player: PlayerService, listener: Listener, market: string | null): AsyncIterableIterator<PlayerStateChange> & { return(): Promise<IteratorResult<PlayerStateChange>> } {
  const stop = new AbortController();
  const changes = (async function* () {
    const reasons = new EventEmitter();
    const unsubscribe = await bus.subscribe(playerChannel(listener.userId), (message) => {
      reasons.emit('change', (message as PlayerChange).reason);
    });
    try {
      yield { reason: 'subscribed', state: await player.playbackState(listener, market) };
      for await (const [reason] of on(reasons, 'change', { signal: stop.signal }) as AsyncIterable<[string]>) {
        yield { reason, state: await player.playbackState(listener, market) };
      }
    } catch (error) {
      if (!stop.signal.aborted) throw error;
    } finally {
      await unsubscribe();
    }
  })();
  return {
    next: () => changes.next(),
    return: async () => {
      stop.abort();
      return changes.return(undefined);
    },
    throw: (error: unknown) => changes.throw(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
