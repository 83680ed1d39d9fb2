import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../connection';

/** A track's or album's artists: what is asked of each artist is counted for 3 of them, a generous estimate (src/graphql/cost.ts). */
const ARTIST_LIST = { complexity: ({ childComplexity }: { childComplexity: number }) => 3 * childComplexity };

// Plain fields resolve without a resolver call (the hot path of a large page); only fields that
// need a fetch have resolvers (catalog-fields.resolver.ts).
// Properties carry the REST objects' (snake_case) keys, so the services' objects resolve as they are;
// `name` gives the schema's camelCase field.

export enum SearchKind {
  TRACK = 'track',
  ALBUM = 'album',
  ARTIST = 'artist',
  PLAYLIST = 'playlist',
}
registerEnumType(SearchKind, { name: 'SearchType', description: 'What to search for.' });

@ObjectType()
export class Image {
  @Field() url: string;
  @Field(() => Int, { nullable: true }) height: number | null;
  @Field(() => Int, { nullable: true }) width: number | null;
}

@ObjectType({ description: 'A performer, with what is known of them: genres, popularity and followers.' })
export class Artist {
  @Field(() => ID) id: string;
  @Field({ description: 'The `backbeat:artist:…` URI, which the player and library take.' }) uri: string;
  @Field() name: string;
  /** Genres, popularity, images and followers come from the artist resolver. */
}

@ObjectType({ description: 'An album, single or compilation.' })
export class Album {
  @Field(() => ID) id: string;
  @Field() uri: string;
  @Field() name: string;
  @Field({ name: 'albumType' }) album_type: string;
  @Field({ name: 'releaseDate' }) release_date: string;
  @Field({ name: 'releaseDatePrecision' }) release_date_precision: string;
  @Field(() => Int, { name: 'totalTracks' }) total_tracks: number;
  @Field(() => [Image]) images: Image[];
  @Field({ name: 'isPlayable', nullable: true, description: 'Whether it plays in the market asked for (null without a market).' })
  is_playable?: boolean;
  @Field(() => [Artist], ARTIST_LIST) artists: Artist[];
  /** Genres, label, popularity and tracks come from the album resolver. */
}

@ObjectType({ description: 'A recording.' })
export class Track {
  @Field(() => ID) id: string;
  @Field() uri: string;
  @Field() name: string;
  @Field(() => Int, { name: 'durationMs' }) duration_ms: number;
  @Field() explicit: boolean;
  @Field(() => Int, { name: 'trackNumber' }) track_number: number;
  @Field(() => Int, { name: 'discNumber' }) disc_number: number;
  @Field(() => String, { name: 'previewUrl', nullable: true }) preview_url: string | null;
  @Field({ name: 'isPlayable', nullable: true, description: 'Whether it plays in the market asked for (null without a market).' })
  is_playable?: boolean;
  @Field(() => [Artist], ARTIST_LIST) artists: Artist[];
  @Field(() => Album, { description: 'The album it appears on.' }) album: Album;
  @Field(() => Int, { description: '0–100, from recent listening.' }) popularity: number;
  /** Audio features come from the track resolver. */
}

@ObjectType({ description: 'What a track sounds like, for picking music by tempo and mood.' })
export class AudioFeatures {
  @Field(() => Float, { description: 'Beats per minute.' }) tempo: number;
  @Field(() => Float, { description: '0–1: intensity and activity.' }) energy: number;
  @Field(() => Float, { description: '0–1: how suitable for dancing.' }) danceability: number;
  @Field(() => Float, { description: '0–1: how positive it sounds.' }) valence: number;
  @Field(() => Float) acousticness: number;
  @Field(() => Float) instrumentalness: number;
  @Field(() => Float) liveness: number;
  @Field(() => Float) speechiness: number;
  @Field(() => Float, { description: 'Decibels.' }) loudness: number;
  @Field(() => Int, { description: 'Pitch class, 0 = C; -1 when unknown.' }) key: number;
  @Field(() => Int, { description: '1 major, 0 minor.' }) mode: number;
  @Field(() => Int, { name: 'timeSignature' }) time_signature: number;
}

@ObjectType({ description: 'A browse category.' })
export class Category {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => [Image]) icons: Image[];
}

export const TrackConnection = Connection(Track);
export const AlbumConnection = Connection(Album);
export const ArtistConnection = Connection(Artist);
export const CategoryConnection = Connection(Category);
