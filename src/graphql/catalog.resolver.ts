import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AlbumsService } from '../catalog/albums.service';
import { ArtistsService } from '../catalog/artists.service';
import { BrowseService } from '../catalog/browse.service';
import type { AlbumDto, ArtistDto, SimplifiedAlbumDto, TrackDto } from '../catalog/dto/catalog-objects.dto';
import { SearchService } from '../catalog/search.service';
import { TracksService } from '../catalog/tracks.service';
import { Scopes } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { IdsArgs, MarketArg, marketOf } from './args';
import { ConnectionArgs, ConnectionSlice, connect, pageWindow, toConnection } from './connection';
import { GqlPrincipal } from './graphql-context';
import { Album, AlbumConnection, Artist, ArtistConnection, Category, CategoryConnection, SearchKind, Track, TrackConnection } from './types/catalog.types';
import { PlaylistConnection } from './types/playlist.types';

/** Several by id: what is asked of each is counted once per id. */
const PER_ID = { complexity: ({ args, childComplexity }: { args: { ids?: unknown[] }; childComplexity: number }) => 1 + (args.ids?.length ?? 1) * childComplexity };

@ObjectType({ description: 'Search results, one connection per type asked for.' })
class SearchResults {
  @Field(() => TrackConnection, { nullable: true }) tracks?: ConnectionSlice<Track>;
  @Field(() => AlbumConnection, { nullable: true }) albums?: ConnectionSlice<Album>;
  @Field(() => ArtistConnection, { nullable: true }) artists?: ConnectionSlice<Artist>;
  @Field(() => PlaylistConnection, { nullable: true }) playlists?: ConnectionSlice<unknown>;
}

/** The catalog: tracks, albums, artists, search and browse, for any valid token. */
@Resolver()
@Scopes()
export class CatalogResolver {
  constructor(
    private readonly tracks: TracksService,
    private readonly albums: AlbumsService,
    private readonly artists: ArtistsService,
    private readonly searchService: SearchService,
    private readonly browse: BrowseService,
  ) {}

  @Query(() => Track, { description: 'A track by id.' })
  track(@Args('id', { type: () => ID }, ParseIdPipe) id: string, @MarketArg() market: string | undefined, @GqlPrincipal() p: Principal): Promise<TrackDto> {
    return this.tracks.getTrack(id, marketOf(market, p));
  }

  @Query(() => [Track], { ...PER_ID, nullable: 'items', description: 'Several tracks by id, in order; null where an id is unknown.' })
  severalTracks(@Args() { ids }: IdsArgs, @MarketArg() market: string | undefined, @GqlPrincipal() p: Principal): Promise<(TrackDto | null)[]> {
    return this.tracks.getTracks(ids, marketOf(market, p));
  }

  @Query(() => Album, { description: 'An album by id.' })
  album(@Args('id', { type: () => ID }, ParseIdPipe) id: string, @MarketArg() market: string | undefined, @GqlPrincipal() p: Principal): Promise<AlbumDto> {
    return this.albums.getAlbum(id, marketOf(market, p));
  }

  @Query(() => [Album], { ...PER_ID, nullable: 'items', description: 'Several albums by id, in order; null where an id is unknown.' })
  severalAlbums(@Args() { ids }: IdsArgs, @MarketArg() market: string | undefined, @GqlPrincipal() p: Principal): Promise<(AlbumDto | null)[]> {
    return this.albums.getAlbums(ids, marketOf(market, p));
  }

  @Query(() => Artist, { description: 'An artist by id.' })
  artist(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<ArtistDto> {
    return this.artists.getArtist(id);
  }

  @Query(() => [Artist], { ...PER_ID, nullable: 'items', description: 'Several artists by id, in order; null where an id is unknown.' })
  severalArtists(@Args() args: IdsArgs): Promise<(ArtistDto | null)[]> {
    return this.artists.getArtists(args.ids);
  }

  @Query(() => SearchResults, { description: 'Full-text search over the catalog and public playlists, with the same query syntax as REST `/v1/search`.' })
  async search(
    @Args('query') query: string,
    @Args('types', { type: () => [SearchKind] }) types: SearchKind[],
    @Args() page: ConnectionArgs,
    @MarketArg() marketArg: string | undefined,
    @GqlPrincipal() p: Principal,
  ): Promise<SearchResults> {
    const market = marketOf(marketArg, p);
    const run = async (window: { offset: number; limit: number }) =>
      (await this.searchService.search({ q: query, types, market, ...window })) as Record<string, { items: unknown[]; offset: number; total: number }>;
    // Backward from the end: the end of the longest of the lists.
    const window = await pageWindow(page, async () => Math.max(0, ...Object.values(await run({ offset: 0, limit: 1 })).map((found) => found.total)));
    const results: Record<string, ConnectionSlice<unknown>> = {};
    for (const [key, found] of Object.entries(await run(window))) results[key] = toConnection(found);
    return results;
  }

  @Query(() => AlbumConnection, { description: 'Newly released albums.' })
  async newReleases(@Args() page: ConnectionArgs): Promise<ConnectionSlice<SimplifiedAlbumDto>> {
    return connect(page, (window) => this.browse.newReleases(window));
  }

  @Query(() => CategoryConnection, { description: 'Browse categories.' })
  async categories(@Args() page: ConnectionArgs, @Args('locale', { type: () => String, nullable: true }) locale?: string): Promise<ConnectionSlice<Category>> {
    return connect(page, (window) => this.browse.categories(window, locale));
  }

  @Query(() => Category, { description: 'A browse category by id.' })
  category(@Args('id') id: string, @Args('locale', { type: () => String, nullable: true }) locale?: string): Promise<Category> {
    return this.browse.getCategory(id, locale);
  }
}
