import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentListener, Scopes } from '../common/auth/auth.decorators';
import type { Listener } from '../common/auth/principal';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { resolveMarket } from '../catalog/market';
import { PagingArtistDto, PagingTrackDto } from '../catalog/dto/catalog-objects.dto';
import { TopArtistsQueryDto, TopTracksQueryDto } from './dto/top-items.dto';
import { TopItemsService } from './top-items.service';

/** The listener's most played artists and tracks (Spotify-compatible). */
@ApiTags('Users')
@Controller('v1')
export class TopItemsController {
  constructor(private readonly top: TopItemsService) {}

  @ApiOperation({
    operationId: 'getUsersTopArtists',
    summary: "Get the listener's top artists",
    description:
      "Ranks artists by how many of the listener's plays in the time range were of tracks crediting them (a track " +
      'with several artists counts for each); equal counts go to the most recently played, then by id. ' +
      'Fallback: with no plays in the range, the list comes from the library instead, one vote for each saved ' +
      'track crediting an artist and one for following it, ties going to the latest save or follow; with an ' +
      "empty library too, it is the catalog's 50 most popular artists.",
  })
  @ApiBadRequestResponse({ description: 'A malformed time_range, limit or offset.', type: ErrorResponseDto })
  @Scopes('user-top-read')
  @Get('me/top/artists')
  topArtists(@Query() query: TopArtistsQueryDto, @CurrentListener() p: Listener): Promise<PagingArtistDto> {
    return this.top.topArtists(p.userId, { timeRange: query.time_range, limit: query.limit, offset: query.offset });
  }

  @ApiOperation({
    operationId: 'getUsersTopTracks',
    summary: "Get the listener's top tracks",
    description:
      'Ranks tracks by how often the listener played them in the time range; equal counts go to the most ' +
      'recently played, then by id. Fallback: with no plays in the range, the list comes from the library ' +
      'instead, the saved tracks (newest first) and then the ten most popular tracks of each followed artist; ' +
      "with an empty library too, it is the catalog's 50 most popular tracks (those that play in `market`, when one is given).",
  })
  @ApiBadRequestResponse({ description: 'A malformed time_range, limit, offset or market.', type: ErrorResponseDto })
  @Scopes('user-top-read')
  @Get('me/top/tracks')
  topTracks(@Query() query: TopTracksQueryDto, @CurrentListener() p: Listener): Promise<PagingTrackDto> {
    return this.top.topTracks(p.userId, { timeRange: query.time_range, limit: query.limit, offset: query.offset }, resolveMarket(query.market, p));
  }
}
