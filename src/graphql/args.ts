import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Matches } from 'class-validator';
import { ID_PATTERN } from '../common/ids';
import type { Principal } from '../common/auth/principal';
import { resolveMarket } from '../catalog/market';

/** `market` as REST takes it: an ISO 3166-1 alpha-2 code, or `from_token`. */
@ArgsType()
export class MarketArgs {
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 country code, or `from_token` for the listener’s country: only what plays there, with `isPlayable` filled in.' })
  @IsOptional()
  @IsString()
  market?: string;
}

@ArgsType()
export class IdsArgs {
  @Field(() => [ID], { description: 'Up to 50 base62 ids.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(ID_PATTERN, { each: true, message: 'ids must be base62 ids' })
  ids: string[];
}

export const marketOf = (args: MarketArgs, principal: Principal | null): string | null => (principal ? resolveMarket(args.market, principal) : null);
