import DataLoader from 'dataloader';
import type { AlbumDto, ArtistDto, AudioFeaturesDto } from '../catalog/dto/catalog-objects.dto';
import { AlbumsService } from '../catalog/albums.service';
import { ArtistsService } from '../catalog/artists.service';
import { TracksService } from '../catalog/tracks.service';
import type { Principal } from '../common/auth/principal';
import type { PlaylistRow } from '../playlists/playlist.presenter';
import { PlaylistsService } from '../playlists/playlists.service';

export interface CatalogServices {
  tracks: TracksService;
  albums: AlbumsService;
  artists: ArtistsService;
  playlists: PlaylistsService;
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

  /** Playlists the caller may read, checked once per operation however many fields need them. */
  readonly playlist: DataLoader<string, PlaylistRow>;

  constructor(services: CatalogServices, principal: Principal | null) {
    this.artist = new DataLoader((ids) => services.artists.getArtists([...ids]));
    this.album = new DataLoader((ids) => services.albums.getAlbumsWithoutTracks([...ids], null));
    this.audioFeatures = new DataLoader((ids) => services.tracks.getSeveralAudioFeatures([...ids]));
    this.playlist = new DataLoader((ids) => Promise.all(ids.map((id) => (principal ? services.playlists.readable(principal, id) : Promise.reject(new Error('no caller'))).catch((e: Error) => e))));
  }
}
