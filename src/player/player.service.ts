import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Listener } from '../common/auth/principal';
import { MessageBus } from '../common/bus/message-bus';
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { UrlBuilder } from '../common/http/url-builder';
import { parseUri } from '../common/ids';
import { CatalogReader } from '../catalog/catalog.reader';
import { PlaylistsService } from '../playlists/playlists.service';
import { TracksService } from '../catalog/tracks.service';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { DeviceHub } from './device-hub';
import type { ContextDto, DeviceDto, PlaybackStateDto, QueueDto, RecentlyPlayedDto } from './dto/player.dto';
import { DevicesService } from './devices.service';
import type { DeviceEntity } from './entities/device.entity';
import { PlayHistoryEntity } from './entities/play-history.entity';
import { PlayerStateEntity } from './entities/player-state.entity';
import * as playback from './playback';
import { Playback, PlaybackRefused } from './playback';
import type { CommandName, RepeatState, StateReport, TargetPlayback } from './protocol';

/** What the player event channel carries: which listener's playback changed. Subscribers render it themselves. */
export interface PlayerChange {
  userId: string;
  reason: string;
}

export const playerChannel = (userId: string) => `player:${userId}`;
const MAX_CONTEXT_TRACKS = 500;

interface Stored {
  playback: Playback;
  version: number;
}

/**
 * The listener's player: commands from the REST API become commands to the active device, which
 * must acknowledge them before the new playback is stored; reports from devices move playback on
 * (a track ended: the next one starts). Every change is announced on the player channel.
 */
@Injectable()
export class PlayerService implements OnModuleInit {
  private readonly logger = new Logger(PlayerService.name);
  /** Commands for one listener run one at a time on this instance; `version` settles races between instances. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly devices: DevicesService,
    private readonly hub: DeviceHub,
    private readonly bus: MessageBus,
    private readonly reader: CatalogReader,
    private readonly tracks: TracksService,
    private readonly urls: UrlBuilder,
    private readonly playlists: PlaylistsService,
    @Inject(ENV) private readonly env: Pick<Env, 'PLAYER_REQUIRE_PREMIUM' | 'URI_SCHEME'>,
  ) {}

  onModuleInit(): void {
    this.hub.listen({
      connected: (userId) => this.announce(userId, 'device_connected'),
      report: (userId, deviceId, report) => this.serialized(userId, () => this.onReport(userId, deviceId, report)),
      disconnected: (userId, deviceId) => this.serialized(userId, () => this.onDisconnect(userId, deviceId)),
    });
  }

  // Reads

  async load(userId: string): Promise<Stored> {
    const row = await this.db.getRepository(PlayerStateEntity).findOneBy({ userId });
    return row ? { playback: row.playback, version: row.version } : { playback: playback.emptyPlayback(), version: 0 };
  }

  async deviceList(userId: string): Promise<DeviceDto[]> {
    const [{ playback: p }, devices] = await Promise.all([this.load(userId), this.devices.listed(userId)]);
    return devices.map((d) => DevicesService.present(d, p.deviceId));
  }

  /** Spotify's playback state object, or null when no device is active. */
  async playbackState(principal: Listener, market: string | null): Promise<PlaybackStateDto | null> {
    const userId = principal.userId;
    const { playback: p } = await this.load(userId);
    const device = p.deviceId ? await this.devices.find(userId, p.deviceId) : null;
    if (!device || device.disconnectedAt) return null;
    const now = Date.now();
    const [item] = p.trackId ? await this.tracks.getTracks([p.trackId], market) : [null];
    return {
      device: DevicesService.present(device, p.deviceId),
      repeat_state: p.repeat,
      shuffle_state: p.shuffle,
      context: this.context(p.contextUri),
      timestamp: p.progressAt,
      progress_ms: p.trackId ? playback.progress(p, now) : null,
      is_playing: p.isPlaying,
      item,
      currently_playing_type: item ? 'track' : 'unknown',
      actions: { disallows: playback.disallows(p, device.restrictions) },
    };
  }

  async queue(principal: Listener, market: string | null): Promise<QueueDto> {
    const { playback: p } = await this.load(principal.userId);
    const ids = [...(p.trackId ? [p.trackId] : []), ...playback.upcoming(p, 20)];
    const rendered = ids.length ? await this.tracks.getTracks(ids, market) : [];
    const current = p.trackId ? rendered.shift() : null;
    return { currently_playing: current ?? null, queue: rendered.filter((t) => t !== null) };
  }

  async recentlyPlayed(principal: Listener, page: { limit: number; before?: number; after?: number }, market: string | null): Promise<RecentlyPlayedDto> {
    const query = this.db
      .getRepository(PlayHistoryEntity)
      .createQueryBuilder('h')
      .where('h.user_id = :userId', { userId: principal.userId });
    if (page.before !== undefined) query.andWhere('h.played_at < :before', { before: new Date(page.before) });
    if (page.after !== undefined) query.andWhere('h.played_at > :after', { after: new Date(page.after) });
    // `after` pages forwards in time; both answer newest first, as Spotify does.
    const direction = page.after !== undefined ? 'ASC' : 'DESC';
    const rows = await query.orderBy('h.played_at', direction).addOrderBy('h.id', direction).limit(page.limit).getMany();
    if (page.after !== undefined) rows.reverse();
    const tracks = rows.length ? await this.tracks.getTracks(rows.map((r) => r.trackId), market) : [];
    const items = rows.map((r, i) => ({ track: tracks[i]!, played_at: r.playedAt.toISOString(), context: this.context(r.contextUri) }));
    const newest = rows[0]?.playedAt.getTime();
    const oldest = rows.at(-1)?.playedAt.getTime();
    const href = (cursor: { before?: number; after?: number }) => this.urls.api('/me/player/recently-played', { limit: page.limit, ...cursor });
    return {
      href: href({ before: page.before, after: page.after }),
      items,
      limit: page.limit,
      next: rows.length === page.limit && oldest !== undefined ? href({ before: oldest }) : null,
      cursors: rows.length ? { after: String(newest), before: String(oldest) } : null,
    };
  }

  // Commands

  async play(principal: Listener, deviceId: string | undefined, body: { context_uri?: string; uris?: string[]; offset?: { position?: number; uri?: string }; position_ms?: number }): Promise<void> {
    const wantsNew = body.context_uri !== undefined || body.uris !== undefined;
    const source = wantsNew ? await this.resolveItems(principal, body) : null;
    await this.command(principal, deviceId, 'play', source !== null, (p, now) => {
      if (source) {
        const offset = this.offsetIndex(source.items, body.offset);
        return playback.start(p, { contextUri: source.contextUri, items: source.items, offset, positionMs: body.position_ms ?? 0 }, now);
      }
      if (body.position_ms !== undefined) return { ...playback.seek(p, body.position_ms, now), isPlaying: true };
      return playback.resume(p, now);
    });
  }

  pause(principal: Listener, deviceId?: string) {
    return this.command(principal, deviceId, 'pause', false, (p, now) => playback.pause(p, now));
  }

  next(principal: Listener, deviceId?: string) {
    return this.command(principal, deviceId, 'play', false, (p, now) => playback.next(p, now, 'skip'));
  }

  previous(principal: Listener, deviceId?: string) {
    return this.command(principal, deviceId, 'play', false, (p, now, device) => {
      if (device.restrictions.includes('skip_previous')) throw new PlaybackRefused('DEVICE_NOT_CONTROLLABLE', 'This device cannot skip to the previous track');
      return playback.previous(p, now);
    });
  }

  seek(principal: Listener, positionMs: number, deviceId?: string) {
    return this.command(principal, deviceId, 'seek', false, (p, now, device) => {
      if (device.restrictions.includes('seek')) throw new PlaybackRefused('DEVICE_NOT_CONTROLLABLE', 'This device cannot seek');
      return playback.seek(p, positionMs, now);
    });
  }

  repeat(principal: Listener, state: RepeatState, deviceId?: string) {
    return this.command(principal, deviceId, 'repeat', false, (p) => playback.setRepeat(p, state));
  }

  shuffle(principal: Listener, state: boolean, deviceId?: string) {
    return this.command(principal, deviceId, 'shuffle', false, (p) => playback.setShuffle(p, state));
  }

  volume(principal: Listener, volumePercent: number, deviceId?: string) {
    return this.command(principal, deviceId, 'volume', false, (p, _now, device) => {
      if (!device.supportsVolume) throw new PlaybackRefused('VOLUME_CONTROL_DISALLOW', 'This device does not support volume control');
      device.volumePercent = volumePercent;
      return p;
    });
  }

  async enqueue(principal: Listener, uri: string, deviceId?: string): Promise<void> {
    const trackId = this.trackIdOf(uri);
    if (!(await this.reader.tracksByIds([trackId])).length) throw new NotFoundError(`No track ${uri}`);
    // Adding to the queue changes nothing the device plays now: it is stored, and the device told nothing.
    await this.command(principal, deviceId, null, false, (p) => playback.enqueue(p, trackId));
  }

  /** Moves playback to another device; `play: true` makes it play there, otherwise it keeps its state. */
  async transfer(principal: Listener, deviceId: string, play: boolean | undefined): Promise<void> {
    await this.command(principal, deviceId, 'transfer_in', false, (p, now) => {
      const paused = p.isPlaying ? playback.pause(p, now) : p;
      return { ...paused, isPlaying: play === true || p.isPlaying, progressAt: now };
    });
  }

  // Machinery

  /**
   * Runs one command: checks the listener and the device, computes the new playback, has the
   * device carry it out (it must acknowledge), then stores it and announces the change.
   */
  private async command(
    principal: Listener,
    deviceId: string | undefined,
    name: CommandName | null,
    restarts: boolean,
    change: (p: Playback, now: number, device: DeviceEntity) => Playback,
  ): Promise<void> {
    const userId = principal.userId;
    if (this.env.PLAYER_REQUIRE_PREMIUM && principal.product !== 'premium') {
      throw new ForbiddenError('Player command failed: Premium required', 'PREMIUM_REQUIRED');
    }
    await this.serialized(userId, async () => {
      const stored = await this.load(userId);
      const device = await this.targetDevice(userId, stored.playback, deviceId);
      const now = Date.now();
      const previousDevice = stored.playback.deviceId;
      const volumeBefore = device.volumePercent;
      let next: Playback;
      try {
        next = { ...change(stored.playback, now, device), deviceId: device.id };
      } catch (error) {
        if (error instanceof PlaybackRefused) throw new ForbiddenError(`Player command failed: ${error.message}`, error.reason);
        throw error;
      }
      next = await this.withTrackDetails(next, stored.playback);
      const transferring = previousDevice !== null && previousDevice !== device.id;
      if (transferring && !name) throw new InvalidInputError('device_id must name the active device when nothing is sent to it');
      if (name) {
        await this.hub.command(device.id, transferring ? 'transfer_in' : name, this.target(next, device));
        // A volume the change set on the device is stored once the device has taken it.
        if (device.volumePercent !== volumeBefore) await this.devices.setVolume(device.id, device.volumePercent!);
      }
      const before = transferring ? await this.devices.find(userId, previousDevice) : null;
      if (before && !before.disconnectedAt) {
        // The device playing before stops; if it drops meanwhile, that is fine too.
        await this.hub.command(before.id, 'transfer_out', { ...this.target(next, before), is_playing: false }).catch(() => undefined);
      }
      await this.save(userId, stored, next, now, name ?? 'queue', restarts);
    });
  }

  private async targetDevice(userId: string, p: Playback, deviceId: string | undefined): Promise<DeviceEntity> {
    if (deviceId !== undefined) {
      const device = /^[0-9a-f]{40}$/.test(deviceId) ? await this.devices.find(userId, deviceId) : null;
      if (!device || device.disconnectedAt) throw new NotFoundError('Device not found', 'DEVICE_NOT_FOUND');
      return device;
    }
    const active = p.deviceId ? await this.devices.find(userId, p.deviceId) : null;
    if (!active || active.disconnectedAt) throw new NotFoundError('Player command failed: No active device found', 'NO_ACTIVE_DEVICE');
    return active;
  }

  /** Stores the playback if nobody changed it meanwhile, records a track that (re)started and announces the change. */
  private async save(userId: string, before: Stored, next: Playback, now: number, reason = 'command', restarted = false): Promise<void> {
    const rows: { version: number }[] = await this.db.query(
      `INSERT INTO player_states (user_id, playback, version, updated_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (user_id) DO UPDATE SET playback = EXCLUDED.playback, version = player_states.version + 1, updated_at = now()
       WHERE player_states.version = $3
       RETURNING version`,
      [userId, JSON.stringify(next), before.version],
    );
    if (!rows.length) throw new DomainError('CONFLICT', 'Playback changed at the same time; try again', 'CONCURRENT_CHANGE');
    if (next.isPlaying && next.trackId && (restarted || next.trackId !== before.playback.trackId)) {
      await this.db.getRepository(PlayHistoryEntity).insert({ userId, trackId: next.trackId, contextUri: next.fromQueue ? null : next.contextUri, playedAt: new Date(now) });
    }
    await this.announce(userId, reason);
  }

  private async announce(userId: string, reason: string): Promise<void> {
    await this.bus.publish(playerChannel(userId), { userId, reason } satisfies PlayerChange);
  }

  private async onReport(userId: string, deviceId: string, report: StateReport): Promise<void> {
    const stored = await this.load(userId);
    const p = stored.playback;
    const current = p.trackId ? this.urls.uri('track', p.trackId) : null;
    if (p.deviceId !== deviceId || (report.item_uri !== undefined && report.item_uri !== current)) return; // stale or not the active device
    const now = Date.now();
    switch (report.event) {
      case 'track_ended': {
        if (!p.trackId) return;
        const next = await this.withTrackDetails(playback.next(p, now, 'ended'), p);
        const device = await this.devices.find(userId, deviceId);
        if (device) await this.hub.command(deviceId, 'play', this.target(next, device)).catch((error: unknown) => this.logger.warn(`Next track not acknowledged: ${String(error)}`));
        return this.save(userId, stored, next, now, 'track_ended', true);
      }
      case 'playing':
      case 'paused':
      case 'position':
        return this.save(userId, stored, { ...p, isPlaying: report.event === 'position' ? p.isPlaying : report.event === 'playing', progressMs: Math.min(report.position_ms ?? playback.progress(p, now), p.durationMs), progressAt: now }, now, report.event);
      case 'buffering':
      case 'error':
        return this.announce(userId, report.event);
    }
  }

  /** The active device dropped: playback pauses where it was. */
  private async onDisconnect(userId: string, deviceId: string): Promise<void> {
    const stored = await this.load(userId);
    if (stored.playback.deviceId !== deviceId || !stored.playback.isPlaying) return this.announce(userId, 'device_disconnected');
    const now = Date.now();
    await this.save(userId, stored, playback.pause(stored.playback, now), now, 'device_disconnected');
  }

  private serialized<T>(userId: string, run: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(userId) ?? Promise.resolve();
    const result = previous.then(run, run);
    const settled = result.catch(() => undefined);
    this.locks.set(userId, settled);
    void settled.then(() => {
      if (this.locks.get(userId) === settled) this.locks.delete(userId);
    });
    return result;
  }

  /** Fills in the name and length of a track that changed. */
  private async withTrackDetails(next: Playback, before: Playback): Promise<Playback> {
    if (!next.trackId || (next.trackId === before.trackId && before.durationMs)) return next;
    const [row] = await this.reader.tracksByIds([next.trackId]);
    return { ...next, trackName: row?.name ?? '', durationMs: row?.duration_ms ?? 0 };
  }

  private target(p: Playback, device: DeviceEntity): TargetPlayback {
    return {
      item: p.trackId ? { uri: this.urls.uri('track', p.trackId), id: p.trackId, name: p.trackName, duration_ms: p.durationMs } : null,
      position_ms: playback.progress(p, Date.now()),
      is_playing: p.isPlaying,
      volume_percent: device.volumePercent,
      shuffle: p.shuffle,
      repeat: p.repeat,
    };
  }

  private context(uri: string | null): ContextDto | null {
    if (!uri) return null;
    const parsed = parseUri(uri, this.env.URI_SCHEME);
    if (!parsed || (parsed.type !== 'album' && parsed.type !== 'artist' && parsed.type !== 'playlist')) return null;
    const type = parsed.type;
    return { type, href: this.urls.href(type, parsed.id), external_urls: this.urls.externalUrls(type, parsed.id), uri };
  }

  private trackIdOf(uri: string): string {
    const parsed = this.urls.parseUri(uri);
    if (parsed?.type !== 'track') throw new InvalidInputError(`Not a track URI: ${uri}`);
    return parsed.id;
  }

  private async resolveItems(principal: Listener, body: { context_uri?: string; uris?: string[] }): Promise<{ contextUri: string | null; items: string[] }> {
    if (body.context_uri !== undefined && body.uris !== undefined) throw new InvalidInputError('Send either context_uri or uris, not both');
    if (body.uris !== undefined) {
      const ids = body.uris.map((u) => this.trackIdOf(u));
      const found = new Set((await this.reader.tracksByIds(ids)).map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw new NotFoundError(`No track ${missing[0]}`);
      return { contextUri: null, items: ids };
    }
    const parsed = this.urls.parseUri(body.context_uri!);
    if (!parsed) throw new InvalidInputError(`Not a context URI: ${body.context_uri}`);
    const contextUri = this.urls.uri(parsed.type as 'album', parsed.id);
    if (parsed.type === 'album') {
      const { rows } = await this.reader.albumTracks(parsed.id, MAX_CONTEXT_TRACKS, 0);
      if (!rows.length) throw new NotFoundError('Album not found');
      return { contextUri, items: rows.map((r) => r.id) };
    }
    if (parsed.type === 'artist') {
      const rows = await this.reader.artistTopTracks(parsed.id, principal.country);
      if (!rows.length) throw new NotFoundError('Artist not found');
      return { contextUri, items: rows.map((r) => r.id) };
    }
    if (parsed.type === 'playlist') {
      const items = await this.playlists.trackIds(principal, parsed.id, MAX_CONTEXT_TRACKS);
      if (!items.length) throw new InvalidInputError('The playlist has no items to play');
      return { contextUri, items };
    }
    throw new InvalidInputError(`context_uri must be an album, an artist or a playlist: ${body.context_uri}`);
  }

  private offsetIndex(items: string[], offset: { position?: number; uri?: string } | undefined): number {
    if (!offset) return 0;
    if (offset.uri !== undefined) {
      const index = items.indexOf(this.trackIdOf(offset.uri));
      if (index < 0) throw new InvalidInputError('offset.uri is not in the context');
      return index;
    }
    if (offset.position !== undefined && offset.position >= items.length) throw new InvalidInputError(`offset.position is beyond the context's ${items.length} tracks`);
    return offset.position ?? 0;
  }
}
