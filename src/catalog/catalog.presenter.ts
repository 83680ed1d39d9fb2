import { Injectable } from '@nestjs/common';
import { UrlBuilder } from '../common/http/url-builder';
import type { ArtistCredit } from './entities/artist.entity';
import type {
  AlbumDto,
  ArtistAlbumDto,
  ArtistDto,
  AudioFeaturesDto,
  SimplifiedAlbumDto,
  SimplifiedArtistDto,
  SimplifiedTrackDto,
  TrackDto,
} from './dto/catalog-objects.dto';
import type { AlbumRow, ArtistRow, AudioFeaturesRow, FullAlbumRow, TrackRow, TrackWithAlbumRow } from './catalog.reader';

/**
 * Turns catalog rows into Spotify-shaped wire objects. With a market, items
 * say whether they play there instead of listing every market.
 */
@Injectable()
export class CatalogPresenter {
  constructor(private readonly urls: UrlBuilder) {}

  private availability(markets: readonly string[], market: string | null) {
    if (!market) return { available_markets: markets as string[] };
    const playable = markets.includes(market);
    return playable ? { is_playable: true } : { is_playable: false, restrictions: { reason: 'market' } };
  }

  artistRef(artist: ArtistCredit): SimplifiedArtistDto {
    return {
      external_urls: this.urls.externalUrls('artist', artist.id),
      href: this.urls.href('artist', artist.id),
      id: artist.id,
      name: artist.name,
      type: 'artist',
      uri: this.urls.uri('artist', artist.id),
    };
  }

  artist(row: ArtistRow): ArtistDto {
    return {
      ...this.artistRef(row),
      followers: { href: null, total: row.followers },
      genres: row.genres,
      images: row.images,
      popularity: row.popularity,
    };
  }

  simplifiedAlbum(row: AlbumRow, market: string | null): SimplifiedAlbumDto {
    return {
      album_type: row.album_type,
      artists: row.artists.map((a) => this.artistRef(a)),
      ...this.availability(row.available_markets, market),
      external_urls: this.urls.externalUrls('album', row.id),
      href: this.urls.href('album', row.id),
      id: row.id,
      images: row.images,
      name: row.name,
      release_date: row.release_date,
      release_date_precision: row.release_date_precision,
      total_tracks: row.total_tracks,
      type: 'album',
      uri: this.urls.uri('album', row.id),
    };
  }

  artistAlbum(row: AlbumRow & { album_group: string }, market: string | null): ArtistAlbumDto {
    return { ...this.simplifiedAlbum(row, market), album_group: row.album_group as ArtistAlbumDto['album_group'] };
  }

  album(row: FullAlbumRow, tracks: AlbumDto['tracks'], market: string | null): AlbumDto {
    return { ...this.albumDetails(row, market), tracks };
  }

  /** An album without its tracks. */
  albumDetails(row: FullAlbumRow, market: string | null): Omit<AlbumDto, 'tracks'> {
    return {
      ...this.simplifiedAlbum(row, market),
      copyrights: row.copyrights,
      external_ids: row.upc ? { upc: row.upc } : {},
      genres: [],
      label: row.label,
      popularity: row.popularity,
    };
  }

  simplifiedTrack(row: TrackRow, market: string | null): SimplifiedTrackDto {
    return {
      artists: row.artists.map((a) => this.artistRef(a)),
      ...this.availability(row.available_markets, market),
      disc_number: row.disc_number,
      duration_ms: row.duration_ms,
      explicit: row.explicit,
      external_urls: this.urls.externalUrls('track', row.id),
      href: this.urls.href('track', row.id),
      id: row.id,
      is_local: false,
      name: row.name,
      preview_url: row.preview_url,
      track_number: row.track_number,
      type: 'track',
      uri: this.urls.uri('track', row.id),
    };
  }

  track(row: TrackWithAlbumRow, market: string | null): TrackDto {
    return {
      album: this.simplifiedAlbum(row.album, market),
      ...this.simplifiedTrack(row, market),
      external_ids: row.isrc ? { isrc: row.isrc } : {},
      popularity: row.popularity,
    };
  }

  audioFeatures(row: AudioFeaturesRow): AudioFeaturesDto {
    return {
      acousticness: row.acousticness,
      danceability: row.danceability,
      duration_ms: row.duration_ms,
      energy: row.energy,
      id: row.track_id,
      instrumentalness: row.instrumentalness,
      key: row.key,
      liveness: row.liveness,
      loudness: row.loudness,
      mode: row.mode,
      speechiness: row.speechiness,
      tempo: row.tempo,
      time_signature: row.time_signature,
      track_href: this.urls.href('track', row.track_id),
      type: 'audio_features',
      uri: this.urls.uri('track', row.track_id),
      valence: row.valence,
    };
  }
}
