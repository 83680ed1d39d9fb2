import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsString, Matches } from 'class-validator';
import { assertScopes } from '../common/auth/auth.guard';
import { Scopes } from '../common/auth/auth.decorators';
import type { Listener } from '../common/auth/principal';
import type { CurrentUserDto } from '../library/dto/library.dto';
import { FollowsService } from '../library/follows.service';
import { LibraryItemsService } from '../library/library-items.service';
import { LibraryService } from '../library/library.service';
import type { DeviceDto, PlaybackStateDto } from '../player/dto/player.dto';
import { PlayerService } from '../player/player.service';
import type { SimplifiedPlaylistDto } from '../playlists/dto/playlist-objects.dto';
import { PlaylistsService } from '../playlists/playlists.service';
import { MarketArg, marketOf } from './args';
import { ConnectionArgs, ConnectionSlice, connect } from './connection';
import { GqlListener } from './graphql-context';
import { Me, SavedAlbumConnection, SavedTrackConnection } from './types/library.types';
import { PlaylistConnection } from './types/playlist.types';
import { Device, PlaybackState } from './types/player.types';



export enum FollowKind {
  ARTIST = 'artist',
  USER = 'user',
}
registerEnumType(FollowKind, { name: 'FollowType' });

@ArgsType()
class UrisArgs {
  @Field(() => [String], { description: 'Up to 40 URIs: tracks and albums are saved, artists, users and playlists followed.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @IsString({ each: true })
  uris: string[];
}

@ArgsType()
class FollowArgs {
  @Field(() => FollowKind) @IsIn(Object.values(FollowKind)) type: FollowKind;
  @Field(() => [ID], { description: 'Up to 50 artist or user ids.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { each: true, message: 'ids must be ids' })
  ids: string[];
}

/** `me`: the listener behind the token, and changes to their library. */
@Resolver(() => Me)
@Scopes()
export class MeResolver {
  constructor(
    private readonly library: LibraryService,
    private readonly items: LibraryItemsService,
    private readonly follows: FollowsService,
    private readonly playlistsService: PlaylistsService,
    private readonly playerService: PlayerService,
  ) {}

  @Query(() => Me, { description: 'The listener behind the token (a user token is required).' })
  me(@GqlListener() p: Listener): Promise<CurrentUserDto> {
    return this.library.currentProfile(p);
  }

  @ResolveField(() => SavedTrackConnection, { name: 'savedTracks', description: 'Saved tracks, newest first (user-library-read).' })
  savedTracks(@Parent() _me: Me, @Args() page: ConnectionArgs, @MarketArg() market: string | undefined, @GqlListener() p: Listener): Promise<ConnectionSlice<object>> {
    assertScopes(p, ['user-library-read']);
    return connect(page, (window) => this.library.saved('track', p.userId, window, marketOf(market, p)));
  }

  @ResolveField(() => SavedAlbumConnection, { name: 'savedAlbums', description: 'Saved albums, newest first (user-library-read).' })
  savedAlbums(@Parent() _me: Me, @Args() page: ConnectionArgs, @MarketArg() market: string | undefined, @GqlListener() p: Listener): Promise<ConnectionSlice<object>> {
    assertScopes(p, ['user-library-read']);
    return connect(page, (window) => this.library.saved('album', p.userId, window, marketOf(market, p)));
  }

  @ResolveField(() => PlaylistConnection, { description: 'Playlists the listener owns or follows; private ones with the scopes for them.' })
  playlists(@Parent() _me: Me, @Args() page: ConnectionArgs, @GqlListener() p: Listener): Promise<ConnectionSlice<SimplifiedPlaylistDto>> {
    return connect(page, (window) => this.playlistsService.mine(p, window));
  }

  @ResolveField(() => PlaybackState, { nullable: true, description: 'Playback on the active device; null when none is active (user-read-playback-state).' })
  player(@Parent() _me: Me, @MarketArg() market: string | undefined, @GqlListener() p: Listener): Promise<PlaybackStateDto | null> {
    assertScopes(p, ['user-read-playback-state']);
    return this.playerService.playbackState(p, marketOf(market, p));
  }

  @ResolveField(() => [Device], { description: 'The listener’s connected devices (user-read-playback-state).' })
  devices(@Parent() _me: Me, @GqlListener() p: Listener): Promise<DeviceDto[]> {
    assertScopes(p, ['user-read-playback-state']);
    return this.playerService.deviceList(p.userId);
  }

  @Mutation(() => Boolean, { description: 'Saves tracks and albums, follows artists, users and playlists: each kind needs its scope, checked before anything changes.' })
  async saveToLibrary(@Args() { uris }: UrisArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.items.save(p, uris);
    return true;
  }

  @Mutation(() => Boolean, { description: 'The reverse of saveToLibrary.' })
  async removeFromLibrary(@Args() { uris }: UrisArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.items.remove(p, uris);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Follows artists or users (user-follow-modify).' })
  @Scopes('user-follow-modify')
  async follow(@Args() args: FollowArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.follows.follow(p.userId, args.type, args.ids);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Stops following artists or users (user-follow-modify).' })
  @Scopes('user-follow-modify')
  async unfollow(@Args() args: FollowArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.follows.unfollow(p.userId, args.type, args.ids);
    return true;
  }
}
