import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ExternalUrlsDto } from '../../common/dto/common-objects.dto';
import { IntegerParam, MarketQueryDto } from '../../common/dto/query-params.dto';
import { TrackDto } from '../../catalog/dto/catalog-objects.dto';
import { REPEAT_STATES } from '../protocol';

// Classes from other files are named in @ApiProperty (see catalog-objects.dto.ts for why).
const DEVICE_ID = /^[0-9a-f]{40}$/;
const booleanParam = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class DeviceQueryDto {
  /** The device to act on; without it, the active device. */
  @IsOptional()
  @Matches(DEVICE_ID, { message: 'device_id must be a device id from GET /me/player/devices' })
  device_id?: string;
}

export class SeekQueryDto extends DeviceQueryDto {
  /** Where to go in the current track, in milliseconds; past its end, the next track starts. */
  @ApiProperty({ type: 'integer', minimum: 0 })
  @Type(() => Number)
  @IsInt({ message: 'position_ms must be an integer' })
  @Min(0, { message: 'position_ms must not be negative' })
  @Max(24 * 3600 * 1000, { message: 'position_ms is too large' })
  position_ms: number;
}

export class RepeatQueryDto extends DeviceQueryDto {
  /** `track` repeats the current track, `context` the album or artist, `off` neither. */
  @ApiProperty({ enum: REPEAT_STATES })
  @IsIn(REPEAT_STATES, { message: 'state must be track, context or off' })
  state: (typeof REPEAT_STATES)[number];
}

export class ShuffleQueryDto extends DeviceQueryDto {
  @ApiProperty({ type: 'boolean' })
  @Transform(booleanParam)
  @IsBoolean({ message: 'state must be true or false' })
  state: boolean;
}

export class VolumeQueryDto extends DeviceQueryDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  @Type(() => Number)
  @IsInt({ message: 'volume_percent must be an integer' })
  @Min(0, { message: 'volume_percent must be 0 to 100' })
  @Max(100, { message: 'volume_percent must be 0 to 100' })
  volume_percent: number;
}

export class QueueAddQueryDto extends DeviceQueryDto {
  /** The track to add, as a URI. */
  @IsString()
  @MaxLength(200)
  uri: string;
}

export class RecentlyPlayedQueryDto {
  /** How many items to return, 1 to 50. */
  @IntegerParam('limit', 1, 50)
  limit: number = 20;

  /** Unix time in milliseconds: items played after it. */
  @IntegerParam('after', 0, 8_640_000_000_000)
  after?: number;

  /** Unix time in milliseconds: items played before it. */
  @IntegerParam('before', 0, 8_640_000_000_000)
  before?: number;
}

export class PlaybackQueryDto extends MarketQueryDto {
  /** Accepted for compatibility; Backbeat plays tracks only. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  additional_types?: string;
}

export class OffsetDto {
  /** Zero-based position in the context to start at. */
  @IsOptional()
  @IsInt({ message: 'offset.position must be an integer' })
  @Min(0, { message: 'offset.position must not be negative' })
  @Max(10_000)
  position?: number;

  /** The track in the context to start at. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  uri?: string;
}

export class PlayBodyDto {
  /** An album or artist URI to play. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  context_uri?: string;

  /** Track URIs to play, in order. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'uris must name at least one track' })
  @ArrayMaxSize(100, { message: 'uris names at most 100 tracks' })
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  uris?: string[];

  /** Where in the context or list to start. */
  @IsOptional()
  @ValidateNested()
  @Type(() => OffsetDto)
  offset?: OffsetDto;

  /** Where in the first track to start, in milliseconds. */
  @IsOptional()
  @IsInt({ message: 'position_ms must be an integer' })
  @Min(0, { message: 'position_ms must not be negative' })
  @Max(24 * 3600 * 1000)
  position_ms?: number;
}

export class TransferBodyDto {
  /** The device to play on: exactly one id. */
  @IsArray()
  @ArrayMinSize(1, { message: 'device_ids must name one device' })
  @ArrayMaxSize(1, { message: 'device_ids must name exactly one device' })
  @Matches(DEVICE_ID, { each: true, message: 'device_ids must be device ids from GET /me/player/devices' })
  device_ids: string[];

  /** true: play on the new device; false or absent: keep the current state. */
  @IsOptional()
  @IsBoolean({ message: 'play must be true or false' })
  play?: boolean;
}

export class DeviceDto {
  id: string;
  is_active: boolean;
  is_private_session: boolean;
  is_restricted: boolean;
  name: string;
  /** Computer, Smartphone, Speaker, Automobile, TV, CastAudio, GameConsole, … */
  type: string;
  /** Null when the device has no volume control. */
  volume_percent: number | null;
  supports_volume: boolean;
}

export class DevicesDto {
  devices: DeviceDto[];
}

export class ContextDto {
  /** album, artist or playlist */
  type: string;
  href: string;
  @ApiProperty({ type: ExternalUrlsDto })
  external_urls: ExternalUrlsDto;
  uri: string;
}

export class DisallowsDto {
  pausing?: boolean;
  resuming?: boolean;
  seeking?: boolean;
  skipping_next?: boolean;
  skipping_prev?: boolean;
}

export class ActionsDto {
  /** Actions the player cannot take now; absent ones are allowed. */
  disallows: DisallowsDto;
}

export class CurrentlyPlayingDto {
  /** Unix time in milliseconds when `progress_ms` was last set. */
  timestamp: number;
  context: ContextDto | null;
  progress_ms: number | null;
  is_playing: boolean;
  @ApiProperty({ type: TrackDto, nullable: true })
  item: TrackDto | null;
  /** track, or unknown when nothing is loaded. */
  currently_playing_type: string;
  actions: ActionsDto;
}

export class PlaybackStateDto extends CurrentlyPlayingDto {
  device: DeviceDto;
  /** off, track or context */
  repeat_state: string;
  shuffle_state: boolean;
}

export class QueueDto {
  @ApiProperty({ type: TrackDto, nullable: true })
  currently_playing: TrackDto | null;
  /** What plays next: the queue, then the rest of the context (up to 20). */
  @ApiProperty({ type: [TrackDto] })
  queue: TrackDto[];
}

export class PlayHistoryDto {
  @ApiProperty({ type: TrackDto })
  track: TrackDto;
  /** When it started, ISO 8601. */
  played_at: string;
  context: ContextDto | null;
}

export class CursorsDto {
  /** Unix milliseconds of the newest item: ask with `after` for what came since. */
  after: string;
  /** Unix milliseconds of the oldest item: ask with `before` for older ones. */
  before: string;
}

export class RecentlyPlayedDto {
  href: string;
  items: PlayHistoryDto[];
  limit: number;
  next: string | null;
  cursors: CursorsDto | null;
}
