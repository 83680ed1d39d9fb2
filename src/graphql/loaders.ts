import DataLoader from 'dataloader';
import type { AlbumDto, ArtistDto, AudioFeaturesDto, TrackDto } from '../catalog/dto/catalog-objects.dto';
import { AlbumsService } from '../catalog/albums.service';
import { ArtistsService } from '../catalog/artists.service';
import { TracksService } from '../catalog/tracks.service';

export interface CatalogServices {
  tracks: TracksService;
  albums: AlbumsService;
  artists: ArtistsService;
}

/**
 * One set per operation: every relation a query reaches (a track's album and artists, an album's
 * artists, audio features) is fetched in one batch per kind, however many parents ask for it.
 */
export class Loaders {
  readonly artist: DataLoader<string, ArtistDto | null>;
  /** Whole albums, for the fields a track's embedded album lacks (genres, label, popularity). */
  readonly album: DataLoader<string, Omit<AlbumDto, 'tracks'> | null>;
  readonly audioFeatures: DataLoader<string, AudioFeaturesDto | null>;
  /** Whole tracks, for the fields an album's (simplified) tracks lack: album, popularity. */
  readonly track: DataLoader<string, TrackDto | null>;

  constructor(services: CatalogServices) {
    this.artist = new DataLoader((ids) => services.artists.getArtists([...ids]));
    this.album = new DataLoader((ids) => services.albums.getAlbumsWithoutTracks([...ids], null));
    this.audioFeatures = new DataLoader((ids) => services.tracks.getSeveralAudioFeatures([...ids]));
    this.track = new DataLoader((ids) => services.tracks.getTracks([...ids], null));
  }

  /** The artists of a list of references, in order; any that vanished are left out. */
  async artists(refs: readonly { id: string }[]): Promise<ArtistDto[]> {
    const found = await this.artist.loadMany(refs.map((r) => r.id));
    return found.filter((a): a is ArtistDto => a !== null && !(a instanceof Error));
  }
}
