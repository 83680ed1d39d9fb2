import { DomainError } from '../errors/domain-errors';
import type { Scope } from './scopes';

/** Who is calling: the app (client) and, for user tokens, the listener. */
export interface Principal {
  clientId: string;
  /** Null for client-credentials tokens. */
  userId: string | null;
  /** The listener's country (ISO 3166-1 alpha-2), used for `market=from_token`. */
  country: string | null;
  product: 'free' | 'premium' | null;
  scopes: ReadonlySet<Scope>;
  expiresAt: Date;
}

/** A principal acting for a listener (a user token), as `@CurrentListener()` provides. */
export type Listener = Principal & { userId: string };

/** The principal as a listener; an app-only (client-credentials) token is refused with 403. */
export function asListener(principal: Principal): Listener {
  if (!principal.userId) throw new DomainError('FORBIDDEN', 'This acts for a listener: use a token from the authorization code or device flow', 'USER_TOKEN_REQUIRED');
  return principal as Listener;
}

/** Looks up the principal behind a bearer token; implemented by the OAuth module. */
export abstract class AccessTokenVerifier {
  /** Resolves null when the token is unknown or revoked. */
  abstract verify(token: string): Promise<Principal | null>;
}
