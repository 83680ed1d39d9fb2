import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentListener, CurrentPrincipal, Scopes } from '../common/auth/auth.decorators';
import type { Listener, Principal } from '../common/auth/principal';
import { ForbiddenError, InvalidInputError } from '../common/errors/domain-errors';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { sendJsonOnce } from '../common/http/cached-json';
import { ApiIdParam, ParseIdPipe } from '../common/http/parse-id.pipe';
import { resolveMarket } from '../catalog/market';
import { UserIdPipe } from '../library/user-id.pipe';
import { PagingPlaylistItemDto, PagingSimplifiedPlaylistDto, PlaylistDto, SnapshotIdDto } from './dto/playlist-objects.dto';
import {
  AddItemsBodyDto,
  AddItemsQueryDto,
  ChangePlaylistDto,
  CreatePlaylistDto,
  FollowersContainsQueryDto,
  FollowPlaylistDto,
  PlaylistItemsQueryDto,
  PlaylistQueryDto,
  PlaylistsPageQueryDto,
  RemoveItemsBodyDto,
  ReplaceItemsQueryDto,
  UpdateItemsBodyDto,
} from './dto/playlist-requests.dto';
import { applyFields, FieldFilter, parseFields } from './fields-filter';
import { itemsPageJson } from './playlist.presenter';
import { PlaylistsService } from './playlists.service';

/** Parsed before any database work, so a malformed `fields` costs nothing. */
const fieldFilter = (fields: string | undefined) => (fields === undefined ? undefined : parseFields(fields));
const filtered = <T>(value: T, filter: FieldFilter | undefined): T => (filter ? (applyFields(value, filter) as T) : value);
const PlaylistId = () => Param('playlist_id', ParseIdPipe);
const ApiPlaylistId = () => ApiIdParam('playlist', 'playlist_id');
const ACCESS =
  'Public playlists can be read with any token; private ones only by their owner (with `playlist-read-private`) ' +
  'and collaborators (with `playlist-read-collaborative`). Changes need `playlist-modify-public` or `-private` for the playlist’s visibility.';

/** Playlists and their items (Spotify-compatible), including the older `/tracks` paths. */
@ApiTags('Playlists')
@ApiBadRequestResponse({ description: 'A malformed id, URI, index, limit or body.', type: ErrorResponseDto })
@ApiNotFoundResponse({ description: 'No playlist (or track) has this id, or the caller may not see it.', type: ErrorResponseDto })
@Controller('v1')
export class PlaylistsController {
  constructor(private readonly playlists: PlaylistsService) {}

  @ApiOperation({ operationId: 'getPlaylist', summary: 'Get a playlist with its first 100 items', description: ACCESS })
  @ApiPlaylistId()
  @Scopes()
  @Get('playlists/:playlist_id')
  async get(@PlaylistId() id: string, @Query() query: PlaylistQueryDto, @CurrentPrincipal() p: Principal): Promise<PlaylistDto> {
    const filter = fieldFilter(query.fields);
    return filtered(await this.playlists.get(p, id, resolveMarket(query.market, p)), filter);
  }

  @ApiOperation({ operationId: 'changePlaylistDetails', summary: 'Change a playlist’s name, description or visibility', description: 'Only the owner may.' })
  @ApiPlaylistId()
  @Scopes()
  @HttpCode(200)
  @Put('playlists/:playlist_id')
  async changeDetails(@PlaylistId() id: string, @Body() body: ChangePlaylistDto, @CurrentListener() p: Listener): Promise<void> {
    await this.playlists.changeDetails(p, id, body);
  }

  @ApiOperation({ operationId: 'getPlaylistsItems', summary: 'Get a page of a playlist’s items', description: ACCESS })
  @ApiOkResponse({ type: PagingPlaylistItemDto })
  @ApiPlaylistId()
  @Scopes()
  @Get('playlists/:playlist_id/items')
  async items(
    @PlaylistId() id: string,
    @Query() query: PlaylistItemsQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PagingPlaylistItemDto | Buffer> {
    const filter = fieldFilter(query.fields);
    const page = await this.playlists.items(p, id, query, resolveMarket(query.market, p));
    // Whole pages come from the service's cache: serialize each one once.
    return filter ? filtered(page, filter) : sendJsonOnce(reply, page, itemsPageJson);
  }

  @ApiOperation({ operationId: 'getPlaylistsTracks', summary: 'Get a page of a playlist’s items (older path)', deprecated: true })
  @ApiOkResponse({ type: PagingPlaylistItemDto })
  @ApiPlaylistId()
  @Scopes()
  @Get('playlists/:playlist_id/tracks')
  tracks(
    @PlaylistId() id: string,
    @Query() query: PlaylistItemsQueryDto,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PagingPlaylistItemDto | Buffer> {
    return this.items(id, query, p, reply);
  }

  @ApiOperation({ operationId: 'addItemsToPlaylist', summary: 'Add tracks to a playlist', description: 'At most 100 per request and 10,000 per playlist. URIs in the query win over the body.' })
  @ApiCreatedResponse({ type: SnapshotIdDto })
  @ApiPlaylistId()
  @Scopes()
  @Post('playlists/:playlist_id/items')
  async addItems(@PlaylistId() id: string, @Query() query: AddItemsQueryDto, @Body() body: AddItemsBodyDto, @CurrentListener() p: Listener): Promise<SnapshotIdDto> {
    const uris = query.uris ?? body?.uris;
    if (!uris) throw new InvalidInputError('uris is required, in the query or in the body');
    return { snapshot_id: await this.playlists.add(p, id, uris, query.position ?? body?.position) };
  }

  @ApiOperation({ operationId: 'addTracksToPlaylist', summary: 'Add tracks to a playlist (older path)', deprecated: true })
  @ApiCreatedResponse({ type: SnapshotIdDto })
  @ApiPlaylistId()
  @Scopes()
  @Post('playlists/:playlist_id/tracks')
  addTracks(@PlaylistId() id: string, @Query() query: AddItemsQueryDto, @Body() body: AddItemsBodyDto, @CurrentListener() p: Listener): Promise<SnapshotIdDto> {
    return this.addItems(id, query, body, p);
  }

  @ApiOperation({
    operationId: 'reorderOrReplacePlaylistsItems',
    summary: 'Move a range of a playlist’s items, or replace them all',
    description: 'Send `uris` to replace every item, or `range_start`, `insert_before` and optionally `range_length` and `snapshot_id` to move a range.',
  })
  @ApiConflictResponse({ description: 'The playlist changed since `snapshot_id`.', type: ErrorResponseDto })
  @ApiPlaylistId()
  @Scopes()
  @HttpCode(200)
  @Put('playlists/:playlist_id/items')
  async updateItems(@PlaylistId() id: string, @Query() query: ReplaceItemsQueryDto, @Body() body: UpdateItemsBodyDto, @CurrentListener() p: Listener): Promise<SnapshotIdDto> {
    const uris = query.uris ?? body?.uris;
    const moves = body?.range_start !== undefined || body?.insert_before !== undefined || body?.range_length !== undefined;
    if (uris && moves) throw new InvalidInputError('Send uris to replace the items, or range_start and insert_before to move some, not both');
    if (uris) return { snapshot_id: await this.playlists.replace(p, id, uris) };
    if (body?.range_start === undefined || body.insert_before === undefined) throw new InvalidInputError('Send uris, or range_start and insert_before');
    const move = { rangeStart: body.range_start, insertBefore: body.insert_before, rangeLength: body.range_length ?? 1, snapshotId: body.snapshot_id };
    return { snapshot_id: await this.playlists.move(p, id, move) };
  }

  @ApiOperation({ operationId: 'reorderOrReplacePlaylistsTracks', summary: 'Move or replace a playlist’s items (older path)', deprecated: true })
  @ApiPlaylistId()
  @Scopes()
  @HttpCode(200)
  @Put('playlists/:playlist_id/tracks')
  updateTracks(@PlaylistId() id: string, @Query() query: ReplaceItemsQueryDto, @Body() body: UpdateItemsBodyDto, @CurrentListener() p: Listener): Promise<SnapshotIdDto> {
    return this.updateItems(id, query, body, p);
  }

  @ApiOperation({ operationId: 'removeItemsPlaylist', summary: 'Remove tracks from a playlist', description: 'Every occurrence of each URI, or only those at `positions`.' })
  @ApiConflictResponse({ description: 'A position no longer holds its track and the playlist changed since `snapshot_id`.', type: ErrorResponseDto })
  @ApiPlaylistId()
  @Scopes()
  @HttpCode(200)
  @Delete('playlists/:playlist_id/items')
  async removeItems(@PlaylistId() id: string, @Body() body: RemoveItemsBodyDto, @CurrentListener() p: Listener): Promise<SnapshotIdDto> {
    const removals = body?.items ?? body?.tracks;
    if (!removals) throw new InvalidInputError('items is required in the body');
    return { snapshot_id: await this.playlists.remove(p, id, removals, body.snapshot_id) };
  }

  @ApiOperation({ operationId: 'removeTracksPlaylist', summary: 'Remove tracks from a playlist (older path)', deprecated: true })
  @ApiPlaylistId()
  @Scopes()
  @HttpCode(200)
  @Delete('playlists/:playlist_id/tracks')
  removeTracks(@PlaylistId() id: string, @Body() body: RemoveItemsBodyDto, @CurrentListener() p: Listener): Promise<SnapshotIdDto> {
    return this.removeItems(id, body, p);
  }

  @ApiOperation({ operationId: 'getAListOfCurrentUsersPlaylists', summary: 'Get the playlists the listener owns or follows', description: 'Private ones appear with `playlist-read-private`, collaborative ones with `playlist-read-collaborative`.' })
  @Scopes()
  @Get('me/playlists')
  mine(@Query() query: PlaylistsPageQueryDto, @CurrentListener() p: Listener): Promise<PagingSimplifiedPlaylistDto> {
    return this.playlists.mine(p, query);
  }

  @ApiOperation({ operationId: 'createPlaylist', summary: 'Create a playlist for the listener', description: 'Public ones need `playlist-modify-public`, private ones `playlist-modify-private`, collaborative ones both.' })
  @ApiCreatedResponse({ type: PlaylistDto })
  @Scopes()
  @Post('me/playlists')
  create(@Body() body: CreatePlaylistDto, @CurrentListener() p: Listener): Promise<PlaylistDto> {
    return this.playlists.create(p, body);
  }

  @ApiTags('Users')
  @ApiOperation({ operationId: 'getListUsersPlaylists', summary: 'Get a listener’s public playlists', deprecated: true })
  @Scopes()
  @Get('users/:user_id/playlists')
  ofUser(@Param('user_id', UserIdPipe) userId: string, @Query() query: PlaylistsPageQueryDto, @CurrentPrincipal() p: Principal): Promise<PagingSimplifiedPlaylistDto> {
    return this.playlists.ofUser(p, userId, query);
  }

  @ApiOperation({ operationId: 'createPlaylistForUser', summary: 'Create a playlist (older path; the user must be the caller)', deprecated: true })
  @ApiCreatedResponse({ type: PlaylistDto })
  @Scopes()
  @Post('users/:user_id/playlists')
  createForUser(@Param('user_id', UserIdPipe) userId: string, @Body() body: CreatePlaylistDto, @CurrentListener() p: Listener): Promise<PlaylistDto> {
    if (userId !== p.userId) throw new ForbiddenError('Playlists can only be created for the current listener', 'NOT_CURRENT_USER');
    return this.playlists.create(p, body);
  }

  @ApiOperation({ operationId: 'followPlaylist', summary: 'Follow a playlist', description: 'Following a collaborative playlist makes the listener a collaborator.' })
  @ApiPlaylistId()
  @Scopes()
  @HttpCode(200)
  @Put('playlists/:playlist_id/followers')
  async follow(@PlaylistId() id: string, @Body() body: FollowPlaylistDto, @CurrentListener() p: Listener): Promise<void> {
    await this.playlists.follow(p, id, body?.public ?? true);
  }

  @ApiOperation({ operationId: 'unfollowPlaylist', summary: 'Unfollow a playlist' })
  @ApiPlaylistId()
  @Scopes()
  @HttpCode(200)
  @Delete('playlists/:playlist_id/followers')
  async unfollow(@PlaylistId() id: string, @CurrentListener() p: Listener): Promise<void> {
    await this.playlists.unfollow(p, id);
  }

  @ApiOperation({ operationId: 'checkIfUserFollowsPlaylist', summary: 'Check whether the listener follows a playlist' })
  @ApiPlaylistId()
  @Scopes()
  @Get('playlists/:playlist_id/followers/contains')
  followsContain(@PlaylistId() id: string, @Query() query: FollowersContainsQueryDto, @CurrentListener() p: Listener): Promise<boolean[]> {
    return this.playlists.followsContain(p, id, query.ids);
  }
}
