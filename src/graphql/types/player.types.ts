import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Track } from './catalog.types';

export enum RepeatMode {
  OFF = 'off',
  TRACK = 'track',
  CONTEXT = 'context',
}
registerEnumType(RepeatMode, { name: 'RepeatMode' });

@ObjectType({ description: 'A speaker, car, phone or other player the listener has connected.' })
export class Device {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() type: string;
  @Field({ name: 'isActive' }) is_active: boolean;
  @Field({ name: 'isRestricted' }) is_restricted: boolean;
  @Field(() => Int, { name: 'volumePercent', nullable: true }) volume_percent: number | null;
  @Field({ name: 'supportsVolume' }) supports_volume: boolean;
}

@ObjectType({ description: 'What is playing from: an album, artist or playlist.' })
export class PlaybackContext {
  @Field() type: string;
  @Field() uri: string;
}

@ObjectType({ description: 'The listener’s playback on the active device.' })
export class PlaybackState {
  @Field(() => Device) device: Device;
  @Field({ name: 'isPlaying' }) is_playing: boolean;
  @Field(() => Int, { name: 'progressMs', nullable: true }) progress_ms: number | null;
  @Field({ name: 'shuffleState' }) shuffle_state: boolean;
  @Field(() => RepeatMode, { name: 'repeatState' }) repeat_state: string;
  @Field(() => Track, { nullable: true }) item: Track | null;
  @Field(() => PlaybackContext, { nullable: true }) context: PlaybackContext | null;
  @Field(() => Float, { description: 'Unix milliseconds of the state.' }) timestamp: number;
}

@ObjectType({ description: 'A change to the listener’s playback, from any gateway instance.' })
export class PlayerStateChange {
  @Field({ description: 'What changed: `subscribed` first, then e.g. `play`, `pause`, `device`.' }) reason: string;
  @Field(() => PlaybackState, { nullable: true, description: 'Null while no device is active.' }) state: PlaybackState | null;
}
