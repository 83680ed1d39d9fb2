// Every migration, in order. `npm run migration:generate -- Name` appends new ones.
import type { MigrationInterface } from 'typeorm';
import { ApiUsage1796096826393 } from './1796096826393-ApiUsage';
import { RateLimitOverride1796096669339 } from './1796096669339-RateLimitOverride';
import { Playlists1796092665880 } from './1796092665880-Playlists';
import { PlaylistSearch1796092700000 } from './1796092700000-PlaylistSearch';
import { Follows1796089222332 } from './1796089222332-Follows';
import { SavedAlbums1796088567646 } from './1796088567646-SavedAlbums';
import { SavedTracks1796088245872 } from './1796088245872-SavedTracks';
import { Player1796085506665 } from './1796085506665-Player';
import { AppGrantsCascade1796082659353 } from './1796082659353-AppGrantsCascade';
import { DeviceAuthorization1796081812882 } from './1796081812882-DeviceAuthorization';
import { OAuthServer1796078098233 } from './1796078098233-OAuthServer';
import { DenormalizedArtistCredits1795547331223 } from './1795547331223-DenormalizedArtistCredits';
import { ExactNameIndexes1795548281085 } from './1795548281085-ExactNameIndexes';
import { Initial1795544072179 } from './1795544072179-Initial';
import { SearchByPopularity1795547973902 } from './1795547973902-SearchByPopularity';
import { SearchIndexes1795544073179 } from './1795544073179-SearchIndexes';

export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795544072179,
  SearchIndexes1795544073179,
  DenormalizedArtistCredits1795547331223,
  SearchByPopularity1795547973902,
  ExactNameIndexes1795548281085,
  OAuthServer1796078098233,
  DeviceAuthorization1796081812882,
  AppGrantsCascade1796082659353,
  Player1796085506665,
  SavedTracks1796088245872,
  SavedAlbums1796088567646,
  Follows1796089222332,
  Playlists1796092665880,
  PlaylistSearch1796092700000,
  RateLimitOverride1796096669339,
  ApiUsage1796096826393,
];
