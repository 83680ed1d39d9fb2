import { assertScopes, insufficientScope } from '../common/auth/auth.guard';
import type { Principal } from '../common/auth/principal';
import type { Scope } from '../common/auth/scopes';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';

/** What the access rules need to know about a playlist and the caller. */
export interface AccessFacts {
  ownerId: string;
  public: boolean;
  collaborative: boolean;
  /** Whether the caller follows the playlist (followers of a collaborative playlist are its collaborators). */
  callerFollows: boolean;
}

/** What a caller gets for a playlist that does not exist, or that they may not know exists. */
export const playlistNotFound = () => new NotFoundError('Playlist not found', 'PLAYLIST_NOT_FOUND');

function isMember(p: Principal, facts: AccessFacts): boolean {
  return p.userId === facts.ownerId || (facts.collaborative && facts.callerFollows);
}

/**
 * Public playlists are readable with any token. A private one exists only for its owner and, when
 * collaborative, its collaborators (everyone else gets 404), and they need the read scope for it.
 */
export function assertCanRead(p: Principal, facts: AccessFacts): void {
  if (facts.public) return;
  if (!isMember(p, facts)) throw playlistNotFound();
  if (facts.collaborative && p.scopes.has('playlist-read-collaborative')) return;
  if (p.userId === facts.ownerId && p.scopes.has('playlist-read-private')) return;
  throw insufficientScope([facts.collaborative ? 'playlist-read-collaborative' : 'playlist-read-private']);
}

/**
 * Playing a playlist needs only the player's scopes, as on Spotify: a private one plays for its
 * owner and collaborators, and does not exist for anyone else.
 */
export function assertCanPlay(p: Principal, facts: AccessFacts): void {
  if (!facts.public && !isMember(p, facts)) throw playlistNotFound();
}

/** The scope that changing a playlist with this visibility needs. */
export function modifyScope(isPublic: boolean): Scope {
  return isPublic ? 'playlist-modify-public' : 'playlist-modify-private';
}

/**
 * Items may be changed by the owner and, on collaborative playlists, collaborators; details
 * (name, visibility, cover) by the owner only. Either needs the modify scope for its visibility.
 */
export function assertCanChange(p: Principal, facts: AccessFacts, what: 'items' | 'details'): void {
  assertCanRead(p, facts);
  const allowed = what === 'details' ? p.userId === facts.ownerId : isMember(p, facts);
  if (!allowed) throw new ForbiddenError(what === 'details' ? 'Only the owner may change this playlist' : 'Only the owner and collaborators may change this playlist', 'NOT_PLAYLIST_MEMBER');
  const scope = modifyScope(facts.public);
  assertScopes(p, [scope]);
}

/**
 * Anyone may follow a public playlist; a collaborative one can be followed by whoever knows its
 * id, which is how its owner invites collaborators. Other private playlists only by their owner.
 */
export function assertCanFollow(p: Principal, facts: AccessFacts): void {
  if (!facts.public && !facts.collaborative && p.userId !== facts.ownerId) throw playlistNotFound();
}
