import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '../connection';
import { Album, Track } from './catalog.types';

@ObjectType({ description: 'A track in the listener’s library.' })
export class SavedTrack {
  @Field({ name: 'addedAt' }) added_at: string;
  @Field(() => Track) track: Track;
}

@ObjectType({ description: 'An album in the listener’s library.' })
export class SavedAlbum {
  @Field({ name: 'addedAt' }) added_at: string;
  @Field(() => Album) album: Album;
}

@ObjectType({ description: 'The listener behind the token: the profile, library, playlists and player.' })
export class Me {
  @Field() id: string;
  @Field() uri: string;
  @Field(() => String, { name: 'displayName', nullable: true }) display_name: string | null;
  @Field(() => String, { nullable: true, description: 'With user-read-email.' }) email?: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; with user-read-private.' }) country?: string;
  @Field(() => String, { nullable: true, description: '`premium` or `free`; with user-read-private.' }) product?: string;
}

export const SavedTrackConnection = Connection(SavedTrack);
export const SavedAlbumConnection = Connection(SavedAlbum);
