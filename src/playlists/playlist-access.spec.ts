import type { Principal } from '../common/auth/principal';
import type { Scope } from '../common/auth/scopes';
import { DomainError } from '../common/errors/domain-errors';
import { AccessFacts, assertCanChange, assertCanFollow, assertCanPlay, assertCanRead } from './playlist-access';

const principal = (userId: string | null, scopes: Scope[] = []): Principal => ({
  clientId: 'app', userId, country: 'US', product: 'premium', scopes: new Set(scopes), expiresAt: new Date(Date.now() + 60_000),
});
const facts = (over: Partial<AccessFacts> = {}): AccessFacts => ({ ownerId: 'ada', public: true, collaborative: false, callerFollows: false, ...over });
const outcome = (run: () => void): string => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('playlist access', () => {
  it('lets any token read a public playlist', () => {
    expect(outcome(() => assertCanRead(principal(null), facts()))).toBe('ok');
    expect(outcome(() => assertCanRead(principal('grace'), facts()))).toBe('ok');
  });

  it('hides a private playlist from everyone but its owner, who needs playlist-read-private', () => {
    const secret = facts({ public: false });
    expect(outcome(() => assertCanRead(principal(null, ['playlist-read-private']), secret))).toBe('NOT_FOUND');
    expect(outcome(() => assertCanRead(principal('grace', ['playlist-read-private']), secret))).toBe('NOT_FOUND');
    expect(outcome(() => assertCanRead(principal('ada'), secret))).toBe('INSUFFICIENT_SCOPE');
    expect(outcome(() => assertCanRead(principal('ada', ['playlist-read-private']), secret))).toBe('ok');
  });

  it('shows a collaborative playlist to its collaborators with playlist-read-collaborative', () => {
    const shared = facts({ public: false, collaborative: true });
    expect(outcome(() => assertCanRead(principal('grace', ['playlist-read-collaborative']), shared))).toBe('NOT_FOUND');
    expect(outcome(() => assertCanRead(principal('grace'), { ...shared, callerFollows: true }))).toBe('INSUFFICIENT_SCOPE');
    expect(outcome(() => assertCanRead(principal('grace', ['playlist-read-collaborative']), { ...shared, callerFollows: true }))).toBe('ok');
    expect(outcome(() => assertCanRead(principal('ada', ['playlist-read-private']), shared))).toBe('ok');
  });

  it('lets only the owner change details, and members change items, each with the scope for the visibility', () => {
    expect(outcome(() => assertCanChange(principal('ada', ['playlist-modify-public']), facts(), 'details'))).toBe('ok');
    expect(outcome(() => assertCanChange(principal('ada', ['playlist-modify-private']), facts(), 'details'))).toBe('INSUFFICIENT_SCOPE');
    expect(outcome(() => assertCanChange(principal('grace', ['playlist-modify-public']), facts(), 'items'))).toBe('FORBIDDEN');
    expect(outcome(() => assertCanChange(principal(null, ['playlist-modify-public']), facts(), 'items'))).toBe('FORBIDDEN');
    const shared = facts({ public: false, collaborative: true, callerFollows: true });
    const collaborator = principal('grace', ['playlist-read-collaborative', 'playlist-modify-private']);
    expect(outcome(() => assertCanChange(collaborator, shared, 'items'))).toBe('ok');
    expect(outcome(() => assertCanChange(collaborator, shared, 'details'))).toBe('FORBIDDEN');
    expect(outcome(() => assertCanChange(principal('grace', ['playlist-modify-private']), facts({ public: false }), 'items'))).toBe('NOT_FOUND');
  });

  it('lets anyone follow public and collaborative playlists, and only the owner a private one', () => {
    expect(outcome(() => assertCanFollow(principal('grace'), facts()))).toBe('ok');
    expect(outcome(() => assertCanFollow(principal('grace'), facts({ public: false, collaborative: true })))).toBe('ok');
    expect(outcome(() => assertCanFollow(principal('grace'), facts({ public: false })))).toBe('NOT_FOUND');
    expect(outcome(() => assertCanFollow(principal('ada'), facts({ public: false })))).toBe('ok');
  });

  it('plays a private playlist for its members without the read scope', () => {
    expect(outcome(() => assertCanPlay(principal('ada'), facts({ public: false })))).toBe('ok');
    expect(outcome(() => assertCanPlay(principal('grace'), facts({ public: false, collaborative: true, callerFollows: true })))).toBe('ok');
    expect(outcome(() => assertCanPlay(principal('grace'), facts({ public: false })))).toBe('NOT_FOUND');
    expect(outcome(() => assertCanPlay(principal('grace'), facts()))).toBe('ok');
  });
});
