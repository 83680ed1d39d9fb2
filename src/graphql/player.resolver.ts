import { Args, ArgsType, Field, ID, InputType, Int, Mutation, Resolver, Subscription } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Scopes } from '../common/auth/auth.decorators';
import type { Listener } from '../common/auth/principal';
import { MessageBus } from '../common/bus/message-bus';
import { OffsetDto, PlayBodyDto } from '../player/dto/player.dto';
import { playerChanges, type PlayerStateChange as StateChange } from '../player/player-changes';
import { PlayerService } from '../player/player.service';
import { REPEAT_STATES, type RepeatState } from '../player/protocol';
import { MarketArg, marketOf } from './args';
import { GqlListener } from './graphql-context';
import { PlayerStateChange, RepeatMode } from './types/player.types';

@ArgsType()
class DeviceArgs {
  @Field(() => ID, { nullable: true, description: 'The device to act on; the active one without it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  deviceId?: string;
}

@InputType()
class PlayOffsetInput extends OffsetDto {
  @Field(() => Int, { nullable: true, description: 'Zero-based position in the context.' }) override position?: number;
  @Field({ nullable: true, description: 'The track URI to start at.' }) override uri?: string;
}

@InputType({ description: 'What to play: a context (album, artist, playlist) or a list of tracks; neither resumes.' })
class PlayInput extends PlayBodyDto {
  @Field({ name: 'contextUri', nullable: true }) override context_uri?: string;
  @Field(() => [String], { nullable: true }) override uris?: string[];
  @Field(() => PlayOffsetInput, { nullable: true }) override offset?: PlayOffsetInput;
  @Field(() => Int, { name: 'positionMs', nullable: true }) override position_ms?: number;
}

@ArgsType()
class SeekArgs extends DeviceArgs {
  @Field(() => Int) @IsInt() @Min(0) @Max(24 * 3600 * 1000) positionMs: number;
}

@ArgsType()
class VolumeArgs extends DeviceArgs {
  @Field(() => Int) @IsInt() @Min(0) @Max(100) volumePercent: number;
}

@ArgsType()
class RepeatArgs extends DeviceArgs {
  @Field(() => RepeatMode) @IsIn(REPEAT_STATES) state: RepeatState;
}

@ArgsType()
class ShuffleArgs extends DeviceArgs {
  @Field() @IsBoolean() state: boolean;
}

@ArgsType()
class QueueArgs extends DeviceArgs {
  @Field({ description: 'A track URI.' }) @IsString() @MaxLength(200) uri: string;
}

@ArgsType()
class TransferArgs {
  @Field(() => ID, { description: 'The device to move playback to.' }) @IsString() @MaxLength(200) deviceId: string;
  @Field({ nullable: true, description: 'Start playing there (true), or keep the current state.' }) @IsOptional() @IsBoolean() play?: boolean;
}

/**
 * Player commands (user-modify-playback-state): each resolves once the device has carried it out,
 * as in REST; and `playerStateChanged`, the same stream as REST's Server-Sent Events.
 */
@Resolver()
@Scopes('user-modify-playback-state')
export class PlayerResolver {
  constructor(
    private readonly player: PlayerService,
    private readonly bus: MessageBus,
  ) {}

  @Mutation(() => Boolean, { description: 'Starts or resumes playback.' })
  async play(@Args() { deviceId }: DeviceArgs, @Args('input', { type: () => PlayInput, nullable: true }) input: PlayInput | undefined, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.play(p, deviceId, input ?? {});
    return true;
  }

  @Mutation(() => Boolean)
  async pause(@Args() { deviceId }: DeviceArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.pause(p, deviceId);
    return true;
  }

  @Mutation(() => Boolean)
  async skipToNext(@Args() { deviceId }: DeviceArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.next(p, deviceId);
    return true;
  }

  @Mutation(() => Boolean)
  async skipToPrevious(@Args() { deviceId }: DeviceArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.previous(p, deviceId);
    return true;
  }

  @Mutation(() => Boolean)
  async seek(@Args() args: SeekArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.seek(p, args.positionMs, args.deviceId);
    return true;
  }

  @Mutation(() => Boolean)
  async setRepeatMode(@Args() args: RepeatArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.repeat(p, args.state, args.deviceId);
    return true;
  }

  @Mutation(() => Boolean)
  async setShuffle(@Args() args: ShuffleArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.shuffle(p, args.state, args.deviceId);
    return true;
  }

  @Mutation(() => Boolean)
  async setVolume(@Args() args: VolumeArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.volume(p, args.volumePercent, args.deviceId);
    return true;
  }

  @Mutation(() => Boolean)
  async addToQueue(@Args() args: QueueArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.enqueue(p, args.uri, args.deviceId);
    return true;
  }

  @Mutation(() => Boolean)
  async transferPlayback(@Args() args: TransferArgs, @GqlListener() p: Listener): Promise<boolean> {
    await this.player.transfer(p, args.deviceId, args.play);
    return true;
  }

  @Subscription(() => PlayerStateChange, { description: 'The playback state at once, then after every change (user-read-playback-state).', resolve: (change: StateChange) => change })
  @Scopes('user-read-playback-state')
  playerStateChanged(@MarketArg() market: string | undefined, @GqlListener() p: Listener): AsyncIterableIterator<StateChange> {
    return playerChanges(this.bus, this.player, p, marketOf(market, p));
  }
}
