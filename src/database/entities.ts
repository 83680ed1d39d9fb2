import { AlbumArtistEntity, AlbumEntity } from '../catalog/entities/album.entity';
import { ArtistEntity } from '../catalog/entities/artist.entity';
import { CategoryEntity, GenreEntity, MarketEntity } from '../catalog/entities/reference.entity';
import { AudioFeaturesEntity, TrackArtistEntity, TrackEntity } from '../catalog/entities/track.entity';
import { FollowEntity } from '../library/entities/follow.entity';
import { SavedAlbumEntity } from '../library/entities/saved-album.entity';
import { SavedTrackEntity } from '../library/entities/saved-track.entity';
import { AccessTokenEntity } from '../oauth/entities/access-token.entity';
import { AuthorizationCodeEntity } from '../oauth/entities/authorization-code.entity';
import { ClientEntity } from '../oauth/entities/client.entity';
import { ConsentEntity } from '../oauth/entities/consent.entity';
import { DeviceCodeEntity } from '../oauth/entities/device-code.entity';
import { GrantEntity } from '../oauth/entities/grant.entity';
import { RefreshTokenEntity } from '../oauth/entities/refresh-token.entity';
import { SessionEntity } from '../oauth/entities/session.entity';
import { UserEntity } from '../oauth/entities/user.entity';
import { DeviceEntity } from '../player/entities/device.entity';
import { PlayHistoryEntity } from '../player/entities/play-history.entity';
import { PlayerStateEntity } from '../player/entities/player-state.entity';
import { PlaylistFollowEntity } from '../playlists/entities/playlist-follow.entity';
import { PlaylistImageEntity } from '../playlists/entities/playlist-image.entity';
import { PlaylistItemEntity } from '../playlists/entities/playlist-item.entity';
import { PlaylistEntity } from '../playlists/entities/playlist.entity';
import { ApiUsageEntity } from '../usage/api-usage.entity';

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
  SessionEntity,
  ClientEntity,
  ConsentEntity,
  GrantEntity,
  AuthorizationCodeEntity,
  RefreshTokenEntity,
  AccessTokenEntity,
  DeviceCodeEntity,
  DeviceEntity,
  PlayerStateEntity,
  PlayHistoryEntity,
  SavedTrackEntity,
  SavedAlbumEntity,
  FollowEntity,
  PlaylistEntity,
  PlaylistItemEntity,
  PlaylistFollowEntity,
  PlaylistImageEntity,
  ApiUsageEntity,
];
