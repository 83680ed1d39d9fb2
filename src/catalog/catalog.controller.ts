import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Scopes } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { Ids100QueryDto, Ids20QueryDto, Ids50QueryDto, MarketQueryDto, PagingQueryDto } from '../common/dto/query-params.dto';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ApiIdParam, ParseIdPipe } from '../common/http/parse-id.pipe';
import { AlbumsService } from './albums.service';
import { ALBUM_GROUPS, ArtistsService } from './artists.service';
import { TracksService } from './tracks.service';
import {
  AlbumDto,
  ArtistDto,
  ArtistTopTracksDto,
  AudioFeaturesDto,
  PagingArtistAlbumDto,
  PagingSimplifiedTrackDto,
  SeveralAlbumsDto,
  SeveralArtistsDto,
  SeveralAudioFeaturesDto,
  SeveralTracksDto,
  TrackDto,
} from './dto/catalog-objects.dto';
import { ArtistAlbumsQueryDto } from './dto/catalog-queries.dto';
import { resolveMarket } from './market';

/** Tracks, albums, artists and audio features by id. Any valid token will do. */
@ApiBadRequestResponse({ description: 'A malformed id, market, limit or offset.', type: ErrorResponseDto })
@Scopes()
@Controller('v1')
export class CatalogController {
  constructor(
    private readonly tracks: TracksService,
    private readonly albums: AlbumsService,
    private readonly artists: ArtistsService,
  ) {}

  @ApiTags('Tracks')
  @ApiOperation({ operationId: 'getTrack', summary: 'Get a track' })
  @ApiNotFoundResponse({ description: 'No track has this id.', type: ErrorResponseDto })
  @ApiIdParam('track')
  @Get('tracks/:id')
  getTrack(@Param('id', ParseIdPipe) id: string, @Query() query: MarketQueryDto, @CurrentPrincipal() p: Principal): Promise<TrackDto> {
    return this.tracks.getTrack(id, resolveMarket(query.market, p));
  }

  @ApiTags('Tracks')
  @ApiOperation({ operationId: 'getSeveralTracks', summary: 'Get several tracks' })
  @Get('tracks')
  async getSeveralTracks(@Query() query: Ids50QueryDto, @CurrentPrincipal() p: Principal): Promise<SeveralTracksDto> {
    return { tracks: await this.tracks.getTracks(query.ids, resolveMarket(query.market, p)) };
  }

  @ApiTags('Tracks')
  @ApiOperation({ operationId: 'getAudioFeatures', summary: "Get a track's audio features" })
  @ApiNotFoundResponse({ description: 'No track has this id.', type: ErrorResponseDto })
  @ApiIdParam('track')
  @Get('audio-features/:id')
  getAudioFeatures(@Param('id', ParseIdPipe) id: string): Promise<AudioFeaturesDto> {
    return this.tracks.getAudioFeatures(id);
  }

  @ApiTags('Tracks')
  @ApiOperation({ operationId: 'getSeveralAudioFeatures', summary: 'Get audio features of several tracks' })
  @Get('audio-features')
  async getSeveralAudioFeatures(@Query() query: Ids100QueryDto): Promise<SeveralAudioFeaturesDto> {
    return { audio_features: await this.tracks.getSeveralAudioFeatures(query.ids) };
  }

  @ApiTags('Albums')
  @ApiOperation({ operationId: 'getAlbum', summary: 'Get an album' })
  @ApiNotFoundResponse({ description: 'No album has this id.', type: ErrorResponseDto })
  @ApiIdParam('album')
  @Get('albums/:id')
  getAlbum(@Param('id', ParseIdPipe) id: string, @Query() query: MarketQueryDto, @CurrentPrincipal() p: Principal): Promise<AlbumDto> {
    return this.albums.getAlbum(id, resolveMarket(query.market, p));
  }

  @ApiTags('Albums')
  @ApiOperation({ operationId: 'getSeveralAlbums', summary: 'Get several albums' })
  @Get('albums')
  async getSeveralAlbums(@Query() query: Ids20QueryDto, @CurrentPrincipal() p: Principal): Promise<SeveralAlbumsDto> {
    return { albums: await this.albums.getAlbums(query.ids, resolveMarket(query.market, p)) };
  }

  @ApiTags('Albums')
  @ApiOperation({ operationId: 'getAlbumTracks', summary: "Get an album's tracks" })
  @ApiNotFoundResponse({ description: 'No album has this id.', type: ErrorResponseDto })
  @ApiIdParam('album')
  @Get('albums/:id/tracks')
  getAlbumTracks(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PagingQueryDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<PagingSimplifiedTrackDto> {
    return this.albums.getAlbumTracks(id, query, resolveMarket(query.market, p));
  }

  @ApiTags('Artists')
  @ApiOperation({ operationId: 'getArtist', summary: 'Get an artist' })
  @ApiNotFoundResponse({ description: 'No artist has this id.', type: ErrorResponseDto })
  @ApiIdParam('artist')
  @Get('artists/:id')
  getArtist(@Param('id', ParseIdPipe) id: string): Promise<ArtistDto> {
    return this.artists.getArtist(id);
  }

  @ApiTags('Artists')
  @ApiOperation({ operationId: 'getSeveralArtists', summary: 'Get several artists' })
  @Get('artists')
  async getSeveralArtists(@Query() query: Ids50QueryDto): Promise<SeveralArtistsDto> {
    return { artists: await this.artists.getArtists(query.ids) };
  }

  @ApiTags('Artists')
  @ApiOperation({ operationId: 'getArtistAlbums', summary: "Get an artist's albums" })
  @ApiQuery({
    name: 'include_groups',
    required: false,
    description: `Comma-separated groups to include: ${ALBUM_GROUPS.join(', ')}. All when left out.`,
    schema: { type: 'string', example: 'album,single' },
  })
  @ApiNotFoundResponse({ description: 'No artist has this id.', type: ErrorResponseDto })
  @ApiIdParam('artist')
  @Get('artists/:id/albums')
  getArtistAlbums(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ArtistAlbumsQueryDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<PagingArtistAlbumDto> {
    return this.artists.getArtistAlbums(id, {
      groups: query.include_groups ?? [],
      market: resolveMarket(query.market, p),
      limit: query.limit,
      offset: query.offset,
    });
  }

  @ApiTags('Artists')
  @ApiOperation({ operationId: 'getArtistTopTracks', summary: "Get an artist's top tracks" })
  @ApiNotFoundResponse({ description: 'No artist has this id.', type: ErrorResponseDto })
  @ApiIdParam('artist')
  @Get('artists/:id/top-tracks')
  async getArtistTopTracks(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: MarketQueryDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<ArtistTopTracksDto> {
    return { tracks: await this.artists.getTopTracks(id, resolveMarket(query.market, p)) };
  }
}
