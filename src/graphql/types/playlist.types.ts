import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../connection';
import { Image, Track } from './catalog.types';

@ObjectType({ description: 'A listener as others see them.' })
export class User {
  @Field(() => ID) id: string;
  @Field() uri: string;
  @Field(() => String, { name: 'displayName', nullable: true }) display_name?: string | null;
}

@ObjectType({ description: 'A listener’s playlist.' })
export class Playlist {
  @Field(() => ID) id: string;
  @Field() uri: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field({ description: 'Listed on the owner’s profile and found by search.' }) public: boolean;
  @Field({ description: 'Its followers may change its items.' }) collaborative: boolean;
  @Field({ name: 'snapshotId', description: 'The version of its items: pass it to reorder or remove against what you saw.' })
  snapshot_id: string;
  @Field(() => User) owner: User;
  @Field(() => [Image]) images: Image[];
}

@ObjectType({ description: 'A track on a playlist, with who added it and when.' })
export class PlaylistItem {
  @Field({ name: 'addedAt', description: 'ISO 8601.' }) added_at: string;
  @Field(() => User, { name: 'addedBy', nullable: true }) added_by: User | null;
  @Field({ name: 'isLocal' }) is_local: boolean;
  @Field(() => Track) track: Track;
}

@ObjectType({ description: 'A playlist after a change to its items.' })
export class PlaylistChange {
  @Field({ name: 'snapshotId' }) snapshot_id: string;
  /** The playlist's id, for the playlist field. */
  playlistId: string;
}

export const PlaylistConnection = Connection(Playlist);
export const PlaylistItemConnection = Connection(PlaylistItem);
