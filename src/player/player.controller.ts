import { BeforeApplicationShutdown, Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentListener, Scopes } from '../common/auth/auth.decorators';
import type { Listener } from '../common/auth/principal';
import { MessageBus } from '../common/bus/message-bus';
import { InvalidInputError } from '../common/errors/domain-errors';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { resolveMarket } from '../catalog/market';
import {
  CurrentlyPlayingDto,
  DeviceQueryDto,
  DevicesDto,
  PlayBodyDto,
  PlaybackQueryDto,
  PlaybackStateDto,
  QueueAddQueryDto,
  QueueDto,
  RecentlyPlayedDto,
  RecentlyPlayedQueryDto,
  RepeatQueryDto,
  SeekQueryDto,
  ShuffleQueryDto,
  TransferBodyDto,
  VolumeQueryDto,
} from './dto/player.dto';
import { playerChanges } from './player-changes';
import { PlayerService } from './player.service';

const SSE_KEEPALIVE_MS = 15_000;

/** A command: 204 once the device acknowledged it; Spotify's errors otherwise. */
const Command = (operationId: string, summary: string) => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  ApiOperation({ operationId, summary })(target, key, descriptor);
  ApiNoContentResponse({ description: 'The device carried the command out.' })(target, key, descriptor);
  ApiNotFoundResponse({ description: 'No active device (`NO_ACTIVE_DEVICE`), or no such device.', type: ErrorResponseDto })(target, key, descriptor);
  HttpCode(204)(target, key, descriptor);
};

/**
 * The player API (Spotify-compatible): read playback and devices, and control the listener's active
 * device. Commands answer after the device acknowledged them; free listeners get 403 PREMIUM_REQUIRED.
 */
@ApiTags('Player')
@ApiBadRequestResponse({ description: 'A malformed parameter or body.', type: ErrorResponseDto })
@Controller('v1/me/player')
export class PlayerController implements BeforeApplicationShutdown {
  /** Open event streams, ended when the server shuts down (else they would hold it open). */
  private readonly streams = new Set<{ end(): void }>();

  constructor(
    private readonly player: PlayerService,
    private readonly bus: MessageBus,
  ) {}

  @ApiOperation({ operationId: 'getPlaybackState', summary: 'Get playback state' })
  @ApiOkResponse({ type: PlaybackStateDto })
  @ApiNoContentResponse({ description: 'No device is active.' })
  @Scopes('user-read-playback-state')
  @Get()
  async state(@Query() query: PlaybackQueryDto, @CurrentListener() p: Listener, @Res({ passthrough: true }) reply: FastifyReply): Promise<PlaybackStateDto | undefined> {
    const state = await this.player.playbackState(p, resolveMarket(query.market, p));
    if (!state) void reply.status(204);
    return state ?? undefined;
  }

  @ApiOperation({ operationId: 'getCurrentlyPlaying', summary: 'Get the currently playing track' })
  @ApiOkResponse({ type: CurrentlyPlayingDto })
  @ApiNoContentResponse({ description: 'Nothing is playing on an active device.' })
  @Scopes('user-read-currently-playing')
  @Get('currently-playing')
  async currentlyPlaying(@Query() query: PlaybackQueryDto, @CurrentListener() p: Listener, @Res({ passthrough: true }) reply: FastifyReply): Promise<CurrentlyPlayingDto | undefined> {
    const state = await this.player.playbackState(p, resolveMarket(query.market, p));
    if (!state?.item) {
      void reply.status(204);
      return undefined;
    }
    const { device: _d, repeat_state: _r, shuffle_state: _s, ...current } = state;
    return current;
  }

  @ApiOperation({ operationId: 'getAvailableDevices', summary: "Get the listener's available devices" })
  @Scopes('user-read-playback-state')
  @Get('devices')
  async devices(@CurrentListener() p: Listener): Promise<DevicesDto> {
    return { devices: await this.player.deviceList(p.userId) };
  }

  @ApiOperation({ operationId: 'getQueue', summary: "Get the listener's queue" })
  @Scopes('user-read-currently-playing', 'user-read-playback-state')
  @Get('queue')
  queue(@Query() query: PlaybackQueryDto, @CurrentListener() p: Listener): Promise<QueueDto> {
    return this.player.queue(p, resolveMarket(query.market, p));
  }

  @ApiOperation({ operationId: 'getRecentlyPlayed', summary: 'Get recently played tracks' })
  @Scopes('user-read-recently-played')
  @Get('recently-played')
  recentlyPlayed(@Query() query: RecentlyPlayedQueryDto, @CurrentListener() p: Listener): Promise<RecentlyPlayedDto> {
    if (query.after !== undefined && query.before !== undefined) {
      return Promise.reject(new InvalidInputError('Send after or before, not both'));
    }
    return this.player.recentlyPlayed(p, query, p.country);
  }

  @Command('transferPlayback', 'Transfer playback to another device')
  @Scopes('user-modify-playback-state')
  @Put()
  transfer(@Body() body: TransferBodyDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.transfer(p, body.device_ids[0], body.play);
  }

  @Command('startPlayback', 'Start or resume playback')
  @Scopes('user-modify-playback-state')
  @Put('play')
  play(@Query() query: DeviceQueryDto, @Body() body: PlayBodyDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.play(p, query.device_id, body ?? {});
  }

  @Command('pausePlayback', 'Pause playback')
  @Scopes('user-modify-playback-state')
  @Put('pause')
  pause(@Query() query: DeviceQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.pause(p, query.device_id);
  }

  @Command('skipToNext', 'Skip to the next track')
  @Scopes('user-modify-playback-state')
  @Post('next')
  next(@Query() query: DeviceQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.next(p, query.device_id);
  }

  @Command('skipToPrevious', 'Skip to the previous track')
  @Scopes('user-modify-playback-state')
  @Post('previous')
  previous(@Query() query: DeviceQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.previous(p, query.device_id);
  }

  @Command('seekToPosition', 'Seek to a position in the current track')
  @Scopes('user-modify-playback-state')
  @Put('seek')
  seek(@Query() query: SeekQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.seek(p, query.position_ms, query.device_id);
  }

  @Command('setRepeatMode', 'Set the repeat mode')
  @Scopes('user-modify-playback-state')
  @Put('repeat')
  repeat(@Query() query: RepeatQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.repeat(p, query.state, query.device_id);
  }

  @Command('setPlaybackVolume', 'Set the volume')
  @Scopes('user-modify-playback-state')
  @Put('volume')
  volume(@Query() query: VolumeQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.volume(p, query.volume_percent, query.device_id);
  }

  @Command('toggleShuffle', 'Turn shuffle on or off')
  @Scopes('user-modify-playback-state')
  @Put('shuffle')
  shuffle(@Query() query: ShuffleQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.shuffle(p, query.state, query.device_id);
  }

  @Command('addToQueue', 'Add a track to the queue')
  @Scopes('user-modify-playback-state')
  @Post('queue')
  enqueue(@Query() query: QueueAddQueryDto, @CurrentListener() p: Listener): Promise<void> {
    return this.player.enqueue(p, query.uri, query.device_id);
  }

  /**
   * Server-Sent Events: `player_state` with the playback state object (or null when no device is
   * active) at once and after every change, from any gateway instance.
   */
  @ApiOperation({ operationId: 'streamPlayerEvents', summary: 'Stream player state changes (Server-Sent Events)' })
  @ApiProduces('text/event-stream')
  @Scopes('user-read-playback-state')
  @Get('events')
  async events(@Query() query: PlaybackQueryDto, @CurrentListener() p: Listener, @Res() reply: FastifyReply): Promise<void> {
    const market = resolveMarket(query.market, p);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const changes = playerChanges(this.bus, this.player, p, market);
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), SSE_KEEPALIVE_MS);
    this.streams.add(raw);
    raw.on('close', () => {
      this.streams.delete(raw);
      clearInterval(keepAlive);
      void changes.return();
    });
    try {
      for await (const change of changes) raw.write(`event: player_state\ndata: ${JSON.stringify(change)}\n\n`);
    } catch {
      raw.end(); // the state could not be read (database down): the client reconnects
    }
  }

  beforeApplicationShutdown(): void {
    for (const stream of this.streams) stream.end();
  }
}
