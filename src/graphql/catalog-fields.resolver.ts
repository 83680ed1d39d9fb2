import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AlbumsService } from '../catalog/albums.service';
import { ArtistsService } from '../catalog/artists.service';
import { TracksService } from '../catalog/tracks.service';
import type { AlbumDto, ArtistDto, AudioFeaturesDto, SimplifiedAlbumDto, SimplifiedArtistDto, TrackDto } from '../catalog/dto/catalog-objects.dto';
import type { ImageDto } from '../common/dto/common-objects.dto';
import type { Principal } from '../common/auth/principal';
import { NotFoundError } from '../common/errors/domain-errors';
import { MarketArg, marketOf } from './args';
import { ConnectionArgs, ConnectionSlice, connect } from './connection';
import { GqlLoaders, GqlPrincipal } from './graphql-context';
import { Loaders } from './loaders';
import { Album, AlbumConnection, Artist, AudioFeatures, Image, Track, TrackConnection } from './types/catalog.types';

/** A field that fetches once for every parent: it costs a point per parent (src/graphql/cost.ts). */
const PER_PARENT = { complexity: ({ childComplexity }: { childComplexity: number }) => 1 + childComplexity };

@Resolver(() => Track)
export class TrackFieldsResolver {
  @ResolveField(() => AudioFeatures, { nullable: true, name: 'audioFeatures', description: 'Tempo, energy, mood and the rest.' })
  audioFeatures(@Parent() track: TrackDto, @GqlLoaders() loaders: Loaders): Promise<AudioFeaturesDto | null> {
    return loaders.audioFeatures.load(track.id);
  }
}

@Resolver(() => Album)
export class AlbumFieldsResolver {
  constructor(
    private readonly albums: AlbumsService,
    private readonly trackService: TracksService,
  ) {}

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
  tracks(@Parent() album: SimplifiedAlbumDto, @Args() page: ConnectionArgs, @MarketArg() marketArg: string | undefined, @GqlPrincipal() p: Principal): Promise<ConnectionSlice<TrackDto>> {
    const market = marketOf(marketArg, p);
    return connect(page, async (window) => {
      const listed = await this.albums.getAlbumTracks(album.id, window, market);
      // Whole tracks (album, popularity), in one query, so that every Track resolves the same way.
      const tracks = await this.trackService.getTracks(listed.items.map((t) => t.id), market);
      return { ...listed, items: tracks.filter((t): t is TrackDto => t !== null) };
    });
  }

  /** A track's album comes simplified: the whole album is loaded (in one batch) only when a field needs it. */
  private whole(album: SimplifiedAlbumDto, loaders: Loaders): Promise<Omit<AlbumDto, 'tracks'> | null> | AlbumDto {
    return 'genres' in album ? (album as AlbumDto) : loaders.album.load(album.id);
  }
}

@Resolver(() => Artist)
export class ArtistFieldsResolver {
  constructor(private readonly artists: ArtistsService) {}

  @ResolveField(() => [String])
  async genres(@Parent() artist: SimplifiedArtistDto, @GqlLoaders() loaders: Loaders): Promise<string[]> {
    return (await this.whole(artist, loaders)).genres;
  }

  @ResolveField(() => Int, { description: '0–100, from recent listening.' })
  async popularity(@Parent() artist: SimplifiedArtistDto, @GqlLoaders() loaders: Loaders): Promise<number> {
    return (await this.whole(artist, loaders)).popularity;
  }

  @ResolveField(() => [Image])
  async images(@Parent() artist: SimplifiedArtistDto, @GqlLoaders() loaders: Loaders): Promise<ImageDto[]> {
    return (await this.whole(artist, loaders)).images;
  }

  @ResolveField(() => Int, { description: 'How many listeners follow the artist.' })
  async followers(@Parent() artist: SimplifiedArtistDto, @GqlLoaders() loaders: Loaders): Promise<number> {
    return (await this.whole(artist, loaders)).followers.total;
  }

  /** Tracks and albums name their artists simplified: the whole artist is loaded (in one batch) only when a field needs it. */
  private async whole(artist: SimplifiedArtistDto, loaders: Loaders): Promise<ArtistDto> {
    if ('genres' in artist) return artist as ArtistDto;
    const found = await loaders.artist.load(artist.id);
    if (!found) throw new NotFoundError(`Artist ${artist.id} is gone`);
    return found;
  }

  @ResolveField(() => AlbumConnection, { description: 'Albums, singles, compilations and appearances, newest first.' })
  albums(@Parent() artist: ArtistDto, @Args() page: ConnectionArgs, @MarketArg() market: string | undefined, @GqlPrincipal() p: Principal): Promise<ConnectionSlice<SimplifiedAlbumDto>> {
    return connect(page, (window) => this.artists.getArtistAlbums(artist.id, { groups: [], market: marketOf(market, p), ...window }));
  }

  @ResolveField(() => [Track], { ...PER_PARENT, name: 'topTracks', description: 'The artist’s most played tracks (up to 10).' })
  topTracks(@Parent() artist: ArtistDto, @MarketArg() market: string | undefined, @GqlPrincipal() p: Principal): Promise<TrackDto[]> {
    return this.artists.getTopTracks(artist.id, marketOf(market, p));
  }
}
