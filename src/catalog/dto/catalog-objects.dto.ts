import { ApiProperty, ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import type { AlbumType, ReleaseDatePrecision } from '../entities/album.entity';
import { ExternalIdsDto, ExternalUrlsDto, FollowersDto, ImageDto, PagingDto } from '../../common/dto/common-objects.dto';
import { PagingSimplifiedPlaylistDto } from '../../playlists/dto/playlist-objects.dto';

// Types from other files are named in @ApiProperty: where the Swagger plugin runs file by file
// (ts-jest), a type-only import is invisible to it and the document would differ from the build's.

/** A list answering several ids: in the order asked, null where an id is unknown. */
function nullableItems(type: new () => object): ApiPropertyOptions {
  return {
    type: 'array',
    items: { allOf: [{ $ref: getSchemaPath(type) }], nullable: true },
    description: 'In the order of the requested ids; null where an id is unknown.',
  };
}

/** Why an item cannot be played. */
export class RestrictionsDto {
  /** `market` (not available where the listener is), `product` or `explicit`; handle unknown values. */
  reason: string;
}

/** An artist as it appears inside other objects. */
export class SimplifiedArtistDto {
  @ApiProperty({ type: ExternalUrlsDto })
  external_urls: ExternalUrlsDto;
  /** Full details at this URL. */
  href: string;
  /** Base62 id. */
  id: string;
  name: string;
  type: 'artist';
  /** `<scheme>:artist:<id>`. */
  uri: string;
}

/** An artist with everything Backbeat knows about it. */
export class ArtistDto extends SimplifiedArtistDto {
  followers: FollowersDto;
  /** Genres the artist is known for, lowercase. */
  genres: string[];
  @ApiProperty({ type: [ImageDto] })
  images: ImageDto[];
  /** 0-100 from recent listening; 100 is the most popular. */
  popularity: number;
}

/** An album as it appears inside other objects. */
export class SimplifiedAlbumDto {
  @ApiProperty({ enum: ['album', 'compilation', 'single'] satisfies AlbumType[] })
  album_type: AlbumType;
  /** The artists credited on the album. */
  artists: SimplifiedArtistDto[];
  /** ISO 3166-1 alpha-2 markets where the album plays; left out when `market` is given. */
  available_markets?: string[];
  @ApiProperty({ type: ExternalUrlsDto })
  external_urls: ExternalUrlsDto;
  href: string;
  id: string;
  @ApiProperty({ type: [ImageDto] })
  images: ImageDto[];
  /** Present when `market` is given: whether anything on it plays there. */
  is_playable?: boolean;
  name: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as `release_date_precision`. */
  release_date: string;
  @ApiProperty({ enum: ['day', 'month', 'year'] satisfies ReleaseDatePrecision[] })
  release_date_precision: ReleaseDatePrecision;
  restrictions?: RestrictionsDto;
  total_tracks: number;
  type: 'album';
  uri: string;
}

/** An album in an artist's discography, with how the artist relates to it. */
export class ArtistAlbumDto extends SimplifiedAlbumDto {
  /** `album`, `single` or `compilation` for the artist's own releases; `appears_on` otherwise. */
  album_group: 'album' | 'single' | 'compilation' | 'appears_on';
}

/** A track as it appears inside an album. */
export class SimplifiedTrackDto {
  artists: SimplifiedArtistDto[];
  /** Left out when `market` is given. */
  available_markets?: string[];
  disc_number: number;
  duration_ms: number;
  explicit: boolean;
  @ApiProperty({ type: ExternalUrlsDto })
  external_urls: ExternalUrlsDto;
  href: string;
  id: string;
  /** Present when `market` is given. */
  is_playable?: boolean;
  is_local: boolean;
  name: string;
  /** A 30-second MP3 preview, when there is one. */
  preview_url: string | null;
  restrictions?: RestrictionsDto;
  track_number: number;
  type: 'track';
  uri: string;
}

/** A track with its album. */
export class TrackDto extends SimplifiedTrackDto {
  album: SimplifiedAlbumDto;
  @ApiProperty({ type: ExternalIdsDto })
  external_ids: ExternalIdsDto;
  /** 0-100 from recent listening; 100 is the most popular. */
  popularity: number;
}

/** A copyright line of an album. */
export class CopyrightDto {
  text: string;
  /** `C` for the composition, `P` for the sound recording. */
  type: 'C' | 'P';
}

export class PagingSimplifiedTrackDto extends PagingDto {
  items: SimplifiedTrackDto[];
}

/** An album with its tracks. */
export class AlbumDto extends SimplifiedAlbumDto {
  copyrights: CopyrightDto[];
  @ApiProperty({ type: ExternalIdsDto })
  external_ids: ExternalIdsDto;
  /** Always empty, as in the Spotify Web API; artists carry genres. */
  genres: string[];
  label: string;
  popularity: number;
  /** The first page of the album's tracks. */
  tracks: PagingSimplifiedTrackDto;
}

/** Perceptual features of a track, each from 0.0 to 1.0 unless noted. */
export class AudioFeaturesDto {
  /** Confidence that the track is acoustic. */
  acousticness: number;
  /** How suitable the track is for dancing. */
  danceability: number;
  duration_ms: number;
  /** Perceived intensity and activity. */
  energy: number;
  /** The track's id. */
  id: string;
  /** Likelihood that the track has no vocals. */
  instrumentalness: number;
  /** Pitch class of the key (0 = C, 1 = C♯/D♭, …), -1 when none was detected. */
  key: number;
  /** Likelihood that the track was recorded live. */
  liveness: number;
  /** Average loudness in decibels, typically between -60 and 0. */
  loudness: number;
  /** 1 for major, 0 for minor. */
  mode: number;
  /** Presence of spoken words. */
  speechiness: number;
  /** Estimated tempo in beats per minute. */
  tempo: number;
  /** Estimated beats per bar, 3 to 7. */
  time_signature: number;
  track_href: string;
  type: 'audio_features';
  uri: string;
  /** Musical positiveness: high is happy and cheerful, low is sad or angry. */
  valence: number;
}

/** A browse category. */
export class CategoryDto {
  href: string;
  icons: ImageDto[];
  id: string;
  /** The name in the requested locale, or English. */
  name: string;
}

export class PagingTrackDto extends PagingDto {
  items: TrackDto[];
}

export class PagingArtistDto extends PagingDto {
  items: ArtistDto[];
}

export class PagingSimplifiedAlbumDto extends PagingDto {
  items: SimplifiedAlbumDto[];
}

export class PagingArtistAlbumDto extends PagingDto {
  items: ArtistAlbumDto[];
}

export class PagingCategoryDto extends PagingDto {
  items: CategoryDto[];
}

export class SeveralTracksDto {
  @ApiProperty(nullableItems(TrackDto))
  tracks: (TrackDto | null)[];
}

export class SeveralAlbumsDto {
  @ApiProperty(nullableItems(AlbumDto))
  albums: (AlbumDto | null)[];
}

export class SeveralArtistsDto {
  @ApiProperty(nullableItems(ArtistDto))
  artists: (ArtistDto | null)[];
}

export class SeveralAudioFeaturesDto {
  @ApiProperty(nullableItems(AudioFeaturesDto))
  audio_features: (AudioFeaturesDto | null)[];
}

export class ArtistTopTracksDto {
  tracks: TrackDto[];
}

export class SearchResultsDto {
  tracks?: PagingTrackDto;
  artists?: PagingArtistDto;
  albums?: PagingSimplifiedAlbumDto;
  // Lazy: playlist objects hold tracks, so the two files import each other.
  @ApiProperty({ type: () => PagingSimplifiedPlaylistDto, required: false })
  playlists?: PagingSimplifiedPlaylistDto;
}

export class NewReleasesDto {
  albums: PagingSimplifiedAlbumDto;
}

export class CategoriesDto {
  categories: PagingCategoryDto;
}

export class MarketsDto {
  /** ISO 3166-1 alpha-2 codes. */
  markets: string[];
}

export class GenreSeedsDto {
  genres: string[];
}
