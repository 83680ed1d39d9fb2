import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentListener, Scopes } from '../common/auth/auth.decorators';
import type { Listener } from '../common/auth/principal';
import { Ids50QueryDto, PagingQueryDto } from '../common/dto/query-params.dto';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { resolveMarket } from '../catalog/market';
import { CurrentUserDto, IdsBodyDto, OptionalIdsQueryDto, PagingSavedAlbumDto, PagingSavedTrackDto, PublicUserDto } from './dto/library.dto';
import { UserIdPipe } from './user-id.pipe';
import { LibraryService } from './library.service';
import { requestIds } from './request-ids';

const idsOf = (query: OptionalIdsQueryDto, body: IdsBodyDto | undefined) => requestIds(query.ids, body?.ids);

/** Profiles and the listener's saved tracks and albums (Spotify-compatible). */
@ApiBadRequestResponse({ description: 'A malformed id, limit, offset or body.', type: ErrorResponseDto })
@Controller('v1')
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @ApiTags('Users')
  @ApiOperation({ operationId: 'getCurrentUsersProfile', summary: "Get the current listener's profile" })
  @Scopes()
  @Get('me')
  me(@CurrentListener() p: Listener): Promise<CurrentUserDto> {
    return this.library.currentProfile(p);
  }

  @ApiTags('Users')
  @ApiOperation({ operationId: 'getUsersProfile', summary: "Get a listener's public profile" })
  @ApiNotFoundResponse({ description: 'No listener has this id.', type: ErrorResponseDto })
  @Scopes()
  @Get('users/:user_id')
  user(@Param('user_id', UserIdPipe) userId: string): Promise<PublicUserDto> {
    return this.library.publicProfile(userId);
  }

  @ApiTags('Library')
  @ApiOperation({ operationId: 'getUsersSavedTracks', summary: "Get the listener's saved tracks" })
  @Scopes('user-library-read')
  @Get('me/tracks')
  savedTracks(@Query() query: PagingQueryDto, @CurrentListener() p: Listener): Promise<PagingSavedTrackDto> {
    return this.library.saved('track', p.userId, query, resolveMarket(query.market, p)) as Promise<PagingSavedTrackDto>;
  }

  @ApiTags('Library')
  @ApiOperation({ operationId: 'saveTracksUser', summary: 'Save tracks to the listener’s library' })
  @ApiNotFoundResponse({ description: 'An id names no track.', type: ErrorResponseDto })
  @Scopes('user-library-modify')
  @HttpCode(200)
  @Put('me/tracks')
  saveTracks(@Query() query: OptionalIdsQueryDto, @Body() body: IdsBodyDto, @CurrentListener() p: Listener): Promise<void> {
    return this.library.save('track', p.userId, idsOf(query, body));
  }

  @ApiTags('Library')
  @ApiOperation({ operationId: 'removeTracksUser', summary: 'Remove tracks from the listener’s library' })
  @Scopes('user-library-modify')
  @HttpCode(200)
  @Delete('me/tracks')
  removeTracks(@Query() query: OptionalIdsQueryDto, @Body() body: IdsBodyDto, @CurrentListener() p: Listener): Promise<void> {
    return this.library.remove('track', p.userId, idsOf(query, body));
  }

  @ApiTags('Library')
  @ApiOperation({ operationId: 'checkUsersSavedTracks', summary: 'Check whether tracks are saved' })
  @Scopes('user-library-read')
  @Get('me/tracks/contains')
  containsTracks(@Query() query: Ids50QueryDto, @CurrentListener() p: Listener): Promise<boolean[]> {
    return this.library.contains('track', p.userId, query.ids);
  }

  @ApiTags('Library')
  @ApiOperation({ operationId: 'getUsersSavedAlbums', summary: "Get the listener's saved albums" })
  @Scopes('user-library-read')
  @Get('me/albums')
  savedAlbums(@Query() query: PagingQueryDto, @CurrentListener() p: Listener): Promise<PagingSavedAlbumDto> {
    return this.library.saved('album', p.userId, query, resolveMarket(query.market, p)) as Promise<PagingSavedAlbumDto>;
  }

  @ApiTags('Library')
  @ApiOperation({ operationId: 'saveAlbumsUser', summary: 'Save albums to the listener’s library' })
  @ApiNotFoundResponse({ description: 'An id names no album.', type: ErrorResponseDto })
  @Scopes('user-library-modify')
  @HttpCode(200)
  @Put('me/albums')
  saveAlbums(@Query() query: OptionalIdsQueryDto, @Body() body: IdsBodyDto, @CurrentListener() p: Listener): Promise<void> {
    return this.library.save('album', p.userId, idsOf(query, body));
  }

  @ApiTags('Library')
  @ApiOperation({ operationId: 'removeAlbumsUser', summary: 'Remove albums from the listener’s library' })
  @Scopes('user-library-modify')
  @HttpCode(200)
  @Delete('me/albums')
  removeAlbums(@Query() query: OptionalIdsQueryDto, @Body() body: IdsBodyDto, @CurrentListener() p: Listener): Promise<void> {
    return this.library.remove('album', p.userId, idsOf(query, body));
  }

  @ApiTags('Library')
  @ApiOperation({ operationId: 'checkUsersSavedAlbums', summary: 'Check whether albums are saved' })
  @Scopes('user-library-read')
  @Get('me/albums/contains')
  containsAlbums(@Query() query: Ids50QueryDto, @CurrentListener() p: Listener): Promise<boolean[]> {
    return this.library.contains('album', p.userId, query.ids);
  }
}
