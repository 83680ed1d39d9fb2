import type { Principal } from '../common/auth/principal';
import { InvalidInputError } from '../common/errors/domain-errors';
import { MARKET_CODES } from './markets';

/** Resolves the `market` parameter: a known country code, the listener's country for `from_token`, or null. */
export function resolveMarket(market: string | undefined, principal: Principal): string | null {
  if (market === undefined) return null;
  if (market === 'from_token') {
    if (!principal.country) {
      throw new InvalidInputError('market=from_token needs a token issued for a user', 'INVALID_MARKET');
    }
    return principal.country;
  }
  if (!MARKET_CODES.has(market)) throw new InvalidInputError(`Invalid market code: ${market}`, 'INVALID_MARKET');
  return market;
}
