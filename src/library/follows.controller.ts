import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentListener, Scopes } from '../common/auth/auth.decorators';
import type { Listener } from '../common/auth/principal';
import { ID_PATTERN } from '../common/ids';
import { InvalidInputError } from '../common/errors/domain-errors';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { FollowBodyDto, FollowContainsQueryDto, FollowedArtistsDto, FollowedArtistsQueryDto, FollowQueryDto } from './dto/library.dto';
import { FollowsService } from './follows.service';
import { requestIds } from './request-ids';

/** The ids of a follow change, from the query or the body; artist ids must be base62 ids. */
function idsOf(query: FollowQueryDto, body: FollowBodyDto | undefined): string[] {
  const ids = requestIds(query.ids, body?.ids);
  if (query.type === 'artist' && !ids.every((id) => ID_PATTERN.test(id))) throw new InvalidInputError('Artist ids are 22-character base62 ids');
  return ids;
}

/** Following artists and listeners (Spotify-compatible `/me/following`). */
@ApiTags('Users')
@ApiBadRequestResponse({ description: 'A malformed type, id, limit or body.', type: ErrorResponseDto })
@Controller('v1/me/following')
export class FollowsController {
  constructor(private readonly follows: FollowsService) {}

  @ApiOperation({ operationId: 'getFollowed', summary: 'Get the artists the listener follows' })
  @Scopes('user-follow-read')
  @Get()
  async followed(@Query() query: FollowedArtistsQueryDto, @CurrentListener() p: Listener): Promise<FollowedArtistsDto> {
    return { artists: await this.follows.followedArtists(p.userId, query) };
  }

  @ApiOperation({ operationId: 'followArtistsUsers', summary: 'Follow artists or listeners' })
  @ApiNotFoundResponse({ description: 'An id names no artist or listener.', type: ErrorResponseDto })
  @Scopes('user-follow-modify')
  @HttpCode(204)
  @Put()
  follow(@Query() query: FollowQueryDto, @Body() body: FollowBodyDto, @CurrentListener() p: Listener): Promise<void> {
    return this.follows.follow(p.userId, query.type, idsOf(query, body));
  }

  @ApiOperation({ operationId: 'unfollowArtistsUsers', summary: 'Unfollow artists or listeners' })
  @Scopes('user-follow-modify')
  @HttpCode(204)
  @Delete()
  unfollow(@Query() query: FollowQueryDto, @Body() body: FollowBodyDto, @CurrentListener() p: Listener): Promise<void> {
    return this.follows.unfollow(p.userId, query.type, idsOf(query, body));
  }

  @ApiOperation({ operationId: 'checkCurrentUserFollows', summary: 'Check whether the listener follows artists or listeners' })
  @Scopes('user-follow-read')
  @Get('contains')
  contains(@Query() query: FollowContainsQueryDto, @CurrentListener() p: Listener): Promise<boolean[]> {
    return this.follows.contains(p.userId, query.type, query.ids);
  }
}
