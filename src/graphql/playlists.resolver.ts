import { Args, ArgsType, Field, ID, InputType, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { Scopes } from '../common/auth/auth.decorators';
import type { Listener, Principal } from '../common/auth/principal';
import { ID_PATTERN } from '../common/ids';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import type { PlaylistItemDto, SimplifiedPlaylistDto } from '../playlists/dto/playlist-objects.dto';
import { AddItemsBodyDto, ChangePlaylistDto, CreatePlaylistDto, ItemToRemoveDto, UpdateItemsBodyDto } from '../playlists/dto/playlist-requests.dto';
import { PlaylistsService } from '../playlists/playlists.service';
import { MarketArg, marketOf } from './args';
import { ConnectionArgs, ConnectionSlice, connect } from './connection';
import { GqlListener, GqlLoaders, GqlPrincipal } from './graphql-context';
import { Loaders } from './loaders';
import { Playlist, PlaylistChange, PlaylistItemConnection } from './types/playlist.types';

// Inputs extend the REST request classes, so both transports validate alike (class-validator).

@InputType({ description: 'A new playlist.' })
class CreatePlaylistInput extends CreatePlaylistDto {
  @Field() override name: string;
  @Field({ nullable: true, description: 'Defaults to true.' }) override public?: boolean;
  @Field({ nullable: true, description: 'Defaults to false; never with public.' }) override collaborative?: boolean;
  @Field({ nullable: true }) override description?: string;
}

@InputType({ description: 'What to change of a playlist’s details; absent fields stay as they are.' })
class ChangePlaylistInput extends ChangePlaylistDto {
  @Field({ nullable: true }) override name?: string;
  @Field({ nullable: true }) override public?: boolean;
  @Field({ nullable: true }) override collaborative?: boolean;
  @Field({ nullable: true }) override description?: string;
}

@ArgsType()
class PlaylistIdArgs {
  @Field(() => ID, { name: 'playlistId' })
  @Matches(ID_PATTERN, { message: 'playlistId must be a base62 id' })
  playlistId: string;
}

@ArgsType()
class AddItemsArgs extends AddItemsBodyDto {
  @Field(() => ID) @Matches(ID_PATTERN, { message: 'playlistId must be a base62 id' }) playlistId: string;
  @Field(() => [String], { description: 'Track URIs, at most 100, added in this order.' }) override uris: string[];
  @Field(() => Int, { nullable: true, description: 'Zero-based index to insert at; appended without it.' }) override position?: number;
}

@ArgsType()
class ReplaceItemsArgs extends UpdateItemsBodyDto {
  @Field(() => ID) @Matches(ID_PATTERN, { message: 'playlistId must be a base62 id' }) playlistId: string;
  @Field(() => [String], { description: 'Track URIs, at most 100, that become the whole playlist.' }) override uris: string[];
}

@ArgsType()
class ReorderItemsArgs extends UpdateItemsBodyDto {
  @Field(() => ID) @Matches(ID_PATTERN, { message: 'playlistId must be a base62 id' }) playlistId: string;
  @Field(() => Int, { name: 'rangeStart', description: 'Position of the first item to move.' }) override range_start: number;
  @Field(() => Int, { name: 'insertBefore', description: 'Position to move them before, as the items stand before the move.' }) override insert_before: number;
  @Field(() => Int, { name: 'rangeLength', nullable: true, description: 'How many items to move; 1 without it.' }) override range_length?: number;
  @Field({ name: 'snapshotId', nullable: true, description: 'Refuse the move (CONFLICT) unless the items are still this version.' }) override snapshot_id?: string;
}

@InputType({ description: 'A track to remove: every occurrence, or only those at `positions`.' })
class ItemToRemoveInput extends ItemToRemoveDto {
  @Field() override uri: string;
  @Field(() => [Int], { nullable: true }) override positions?: number[];
}

@ArgsType()
class RemoveItemsArgs {
  @Field(() => ID) @Matches(ID_PATTERN, { message: 'playlistId must be a base62 id' }) playlistId: string;
  @Field(() => [ItemToRemoveInput]) items: ItemToRemoveInput[];
  @Field({ nullable: true, description: 'The version that `positions` refer to.' }) @IsOptional() snapshotId?: string;
}

/** Playlists: reading them (any token, as the access rules allow) and changing them (a listener's token). */
@Resolver(() => Playlist)
@Scopes()
export class PlaylistsResolver {
  constructor(private readonly playlists: PlaylistsService) {}

  @Query(() => Playlist, { description: 'A playlist by id: public ones for any token, private ones for their owner and collaborators.' })
  async playlist(@Args('id', { type: () => ID }, ParseIdPipe) id: string, @GqlLoaders() loaders: Loaders): Promise<SimplifiedPlaylistDto> {
    return this.playlists.present(await loaders.playlist.load(id));
  }

  @ResolveField(() => PlaylistItemConnection, { description: 'Its items, in order.' })
  async items(
    @Parent() playlist: SimplifiedPlaylistDto,
    @Args() page: ConnectionArgs,
    @MarketArg() market: string | undefined,
    @GqlPrincipal() p: Principal,
    @GqlLoaders() loaders: Loaders,
  ): Promise<ConnectionSlice<PlaylistItemDto>> {
    const row = await loaders.playlist.load(playlist.id);
    return connect(page, (window) => this.playlists.itemsOf(row, window, marketOf(market, p)));
  }

  @Mutation(() => Playlist, { description: 'Creates a playlist owned by the listener.' })
  async createPlaylist(@Args('input') input: CreatePlaylistInput, @GqlListener() p: Listener): Promise<SimplifiedPlaylistDto> {
    return this.playlists.create(p, input);
  }

  @Mutation(() => Playlist, { description: 'Changes a playlist’s name, description, visibility or collaboration (owner only).' })
  async changePlaylistDetails(@Args() { playlistId }: PlaylistIdArgs, @Args('input') input: ChangePlaylistInput, @GqlListener() p: Listener): Promise<SimplifiedPlaylistDto> {
    await this.playlists.changeDetails(p, playlistId, input);
    return this.playlists.summary(p, playlistId);
  }

  @Mutation(() => PlaylistChange, { description: 'Adds tracks, appended or at `position`.' })
  async addItemsToPlaylist(@Args() args: AddItemsArgs, @GqlListener() p: Listener): Promise<PlaylistChange> {
    return { playlistId: args.playlistId, snapshot_id: await this.playlists.add(p, args.playlistId, args.uris, args.position) };
  }

  @Mutation(() => PlaylistChange, { description: 'Moves a range of items.' })
  async reorderPlaylistItems(@Args() args: ReorderItemsArgs, @GqlListener() p: Listener): Promise<PlaylistChange> {
    const move = { rangeStart: args.range_start, insertBefore: args.insert_before, rangeLength: args.range_length ?? 1, snapshotId: args.snapshot_id };
    return { playlistId: args.playlistId, snapshot_id: await this.playlists.move(p, args.playlistId, move) };
  }

  @Mutation(() => PlaylistChange, { description: 'Replaces every item.' })
  async replacePlaylistItems(@Args() args: ReplaceItemsArgs, @GqlListener() p: Listener): Promise<PlaylistChange> {
    return { playlistId: args.playlistId, snapshot_id: await this.playlists.replace(p, args.playlistId, args.uris) };
  }

  @Mutation(() => PlaylistChange, { description: 'Removes tracks: every occurrence, or those at the given positions.' })
  async removeItemsFromPlaylist(@Args() args: RemoveItemsArgs, @GqlListener() p: Listener): Promise<PlaylistChange> {
    return { playlistId: args.playlistId, snapshot_id: await this.playlists.remove(p, args.playlistId, args.items, args.snapshotId) };
  }

  @Mutation(() => Boolean, { description: 'Follows a playlist (for a collaborative one, joins it).' })
  async followPlaylist(@Args() { playlistId }: PlaylistIdArgs, @Args('public', { type: () => Boolean, nullable: true, description: 'Show it on the listener’s profile; true without it.' }) isPublic: boolean | undefined, @GqlListener() p: Listener): Promise<boolean> {
    await this.playlists.follow(p, playlistId, isPublic ?? true);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Stops following a playlist.' })
  async unfollowPlaylist(@Args() { playlistId }: PlaylistIdArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.playlists.unfollow(p, playlistId);
    return true;
  }
}

@Resolver(() => PlaylistChange)
export class PlaylistChangeResolver {
  constructor(private readonly playlists: PlaylistsService) {}

  @ResolveField(() => Playlist, { description: 'The playlist as it is now.' })
  playlist(@Parent() change: PlaylistChange, @GqlPrincipal() p: Principal): Promise<SimplifiedPlaylistDto> {
    return this.playlists.summary(p, change.playlistId);
  }
}
