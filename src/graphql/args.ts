import { Args, ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, Matches } from 'class-validator';
import { ID_PATTERN } from '../common/ids';
import type { Principal } from '../common/auth/principal';
import { resolveMarket } from '../catalog/market';

/**
 * `market` as REST takes it: an ISO 3166-1 alpha-2 code, or `from_token`. A plain string argument
 * (checked by resolveMarket, as in REST), so no argument class is built and validated per call.
 */
export const MarketArg = (): ParameterDecorator =>
  Args('market', {
    type: () => String,
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country code, or `from_token` for the listener’s country: only what plays there, with `isPlayable` filled in.',
  });

@ArgsType()
export class IdsArgs {
  @Field(() => [ID], { description: 'Up to 50 base62 ids.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(ID_PATTERN, { each: true, message: 'ids must be base62 ids' })
  ids: string[];
}

export const marketOf = (market: string | null | undefined, principal: Principal | null): string | null => (principal ? resolveMarket(market ?? undefined, principal) : null);
