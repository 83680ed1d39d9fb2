import { AlbumArtistEntity, AlbumEntity } from '../catalog/entities/album.entity';
import { ArtistEntity } from '../catalog/entities/artist.entity';
import { CategoryEntity, GenreEntity, MarketEntity } from '../catalog/entities/reference.entity';
import { AudioFeaturesEntity, TrackArtistEntity, TrackEntity } from '../catalog/entities/track.entity';
import { AccessTokenEntity } from '../oauth/access-token.entity';
import { UserEntity } from '../oauth/user.entity';

/** Every entity of the application, for the one data source. */
export const ENTITIES = [
  ArtistEntity,
  AlbumEntity,
  AlbumArtistEntity,
  TrackEntity,
  TrackArtistEntity,
  AudioFeaturesEntity,
  MarketEntity,
  GenreEntity,
  CategoryEntity,
  UserEntity,
  AccessTokenEntity,
];
