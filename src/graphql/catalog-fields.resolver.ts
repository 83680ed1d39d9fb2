import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AlbumsService } from '../catalog/albums.service';
import { ArtistsService } from '../catalog/artists.service';
import type { AlbumDto, ArtistDto, AudioFeaturesDto, SimplifiedAlbumDto, SimplifiedTrackDto, TrackDto } from '../catalog/dto/catalog-objects.dto';
import type { Principal } from '../common/auth/principal';
import { NotFoundError } from '../common/errors/domain-errors';
import { MarketArgs, marketOf } from './args';
import { ConnectionArgs, ConnectionSlice, connect } from './connection';
import { GqlLoaders, GqlPrincipal } from './graphql-context';
import { Loaders } from './loaders';
import { Album, AlbumConnection, Artist, AudioFeatures, Track, TrackConnection } from './types/catalog.types';

/** A field that fetches once for every parent: it costs a point per parent (src/graphql/cost.ts). */
const PER_PARENT = { complexity: ({ childComplexity }: { childComplexity: number }) => 1 + childComplexity };
/** A track's or album's artists: what is asked of each artist is counted for 3 of them, a generous estimate. */
const ARTIST_LIST = { complexity: ({ childComplexity }: { childComplexity: number }) => 3 * childComplexity };

@Resolver(() => Track)
export class TrackFieldsResolver {
  @ResolveField(() => Album, { description: 'The album it appears on.' })
  async album(@Parent() track: SimplifiedTrackDto & Partial<TrackDto>, @GqlLoaders() loaders: Loaders): Promise<SimplifiedAlbumDto> {
    return (await this.whole(track, loaders)).album;
  }

  @ResolveField(() => [Artist], ARTIST_LIST)
  artists(@Parent() track: SimplifiedTrackDto, @GqlLoaders() loaders: Loaders): Promise<ArtistDto[]> {
    return loaders.artists(track.artists);
  }

  @ResolveField(() => Int, { description: '0–100, from recent listening.' })
  async popularity(@Parent() track: SimplifiedTrackDto & Partial<TrackDto>, @GqlLoaders() loaders: Loaders): Promise<number> {
    return (await this.whole(track, loaders)).popularity;
  }

  @ResolveField(() => AudioFeatures, { nullable: true, name: 'audioFeatures', description: 'Tempo, energy, mood and the rest.' })
  audioFeatures(@Parent() track: SimplifiedTrackDto, @GqlLoaders() loaders: Loaders): Promise<AudioFeaturesDto | null> {
    return loaders.audioFeatures.load(track.id);
  }

  /** An album's tracks come simplified: the whole track is loaded (in one batch) only when a field needs it. */
  private async whole(track: SimplifiedTrackDto & Partial<TrackDto>, loaders: Loaders): Promise<TrackDto> {
    if (track.album && track.popularity !== undefined) return track as TrackDto;
    const found = await loaders.track.load(track.id);
    if (!found) throw new NotFoundError(`Track ${track.id} is gone`);
    return found;
  }
}

@Resolver(() => Album)
export class AlbumFieldsResolver {
  constructor(private readonly albums: AlbumsService) {}

  @ResolveField(() => [Artist], ARTIST_LIST)
  artists(@Parent() album: SimplifiedAlbumDto, @GqlLoaders() loaders: Loaders): Promise<ArtistDto[]> {
    return loaders.artists(album.artists);
  }

  @ResolveField(() => [String])
  async genres(@Parent() album: SimplifiedAlbumDto, @GqlLoaders() loaders: Loaders): Promise<string[]> {
    return (await this.whole(album, loaders))?.genres ?? [];
  }

  @ResolveField(() => String, { nullable: true, description: 'The record label.' })
  async label(@Parent() album: SimplifiedAlbumDto, @GqlLoaders() loaders: Loaders): Promise<string | null> {
    return (await this.whole(album, loaders))?.label ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: '0–100, from recent listening.' })
  async popularity(@Parent() album: SimplifiedAlbumDto, @GqlLoaders() loaders: Loaders): Promise<number | null> {
    return (await this.whole(album, loaders))?.popularity ?? null;
  }

  @ResolveField(() => TrackConnection, { description: 'Its tracks, in order.' })
  tracks(@Parent() album: SimplifiedAlbumDto, @Args() page: ConnectionArgs, @Args() args: MarketArgs, @GqlPrincipal() p: Principal): Promise<ConnectionSlice<SimplifiedTrackDto>> {
    return connect(page, (window) => this.albums.getAlbumTracks(album.id, window, marketOf(args, p)));
  }

  /** A track's album comes simplified: the whole album is loaded (in one batch) only when a field needs it. */
  private whole(album: SimplifiedAlbumDto, loaders: Loaders): Promise<Omit<AlbumDto, 'tracks'> | null> | AlbumDto {
    return 'genres' in album ? (album as AlbumDto) : loaders.album.load(album.id);
  }
}

@Resolver(() => Artist)
export class ArtistFieldsResolver {
  constructor(private readonly artists: ArtistsService) {}

  @ResolveField(() => Int, { description: 'How many listeners follow the artist.' })
  followers(@Parent() artist: ArtistDto): number {
    return artist.followers.total;
  }

  @ResolveField(() => AlbumConnection, { description: 'Albums, singles, compilations and appearances, newest first.' })
  albums(@Parent() artist: ArtistDto, @Args() page: ConnectionArgs, @Args() args: MarketArgs, @GqlPrincipal() p: Principal): Promise<ConnectionSlice<SimplifiedAlbumDto>> {
    return connect(page, (window) => this.artists.getArtistAlbums(artist.id, { groups: [], market: marketOf(args, p), ...window }));
  }

  @ResolveField(() => [Track], { ...PER_PARENT, name: 'topTracks', description: 'The artist’s most played tracks (up to 10).' })
  topTracks(@Parent() artist: ArtistDto, @Args() args: MarketArgs, @GqlPrincipal() p: Principal): Promise<TrackDto[]> {
    return this.artists.getTopTracks(artist.id, marketOf(args, p));
  }
}
