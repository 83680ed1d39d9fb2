import { Inject, Injectable } from '@nestjs/common';
import type { Listener } from '../common/auth/principal';
import type { Scope } from '../common/auth/scopes';
import { DomainError, InvalidInputError } from '../common/errors/domain-errors';
import { isValidId } from '../common/ids';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { PlaylistsService } from '../playlists/playlists.service';
import { FollowsService } from './follows.service';
import { LibraryService } from './library.service';

const KINDS = ['track', 'album', 'artist', 'user', 'playlist'] as const;
type Kind = (typeof KINDS)[number];
/** Spotify's other kinds of item, which Backbeat's catalog does not hold. */
const ELSEWHERE = ['episode', 'show', 'audiobook'];
const USER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The scopes to change and to check each kind of item, as for its own endpoints. */
const SCOPES: Record<Kind, { modify: Scope; read: Scope }> = {
  track: { modify: 'user-library-modify', read: 'user-library-read' },
  album: { modify: 'user-library-modify', read: 'user-library-read' },
  artist: { modify: 'user-follow-modify', read: 'user-follow-read' },
  user: { modify: 'user-follow-modify', read: 'user-follow-read' },
  playlist: { modify: 'playlist-modify-public', read: 'playlist-read-private' },
};

interface Item {
  kind: Kind;
  id: string;
}

/**
 * `/me/library`: one list of URIs of any kind, saved, followed or checked by the service that
 * owns that kind (saved tracks and albums, follows, playlist follows).
 */
@Injectable()
export class LibraryItemsService {
  private readonly schemes: string[];

  constructor(
    private readonly library: LibraryService,
    private readonly follows: FollowsService,
    private readonly playlists: PlaylistsService,
    @Inject(ENV) env: Pick<Env, 'URI_SCHEME'>,
  ) {
    this.schemes = [env.URI_SCHEME, 'spotify'];
  }

  async save(listener: Listener, uris: string[]): Promise<void> {
    for (const [kind, ids] of this.grouped(listener, uris, 'modify')) {
      if (kind === 'track' || kind === 'album') await this.library.save(kind, listener.userId, ids);
      else if (kind === 'playlist') for (const id of ids) await this.playlists.follow(listener, id, true);
      else await this.follows.follow(listener.userId, kind, ids);
    }
  }

  async remove(listener: Listener, uris: string[]): Promise<void> {
    for (const [kind, ids] of this.grouped(listener, uris, 'modify')) {
      if (kind === 'track' || kind === 'album') await this.library.remove(kind, listener.userId, ids);
      else if (kind === 'playlist') for (const id of ids) await this.playlists.unfollow(listener, id);
      else await this.follows.unfollow(listener.userId, kind, ids);
    }
  }

  /** One boolean per URI, in the order given. */
  async contains(listener: Listener, uris: string[]): Promise<boolean[]> {
    const items = uris.map((uri) => this.parse(uri));
    const answers = new Map<string, boolean>();
    for (const [kind, ids] of this.grouped(listener, uris, 'read')) {
      const found =
        kind === 'track' || kind === 'album'
          ? await this.library.contains(kind, listener.userId, ids)
          : kind === 'playlist'
            ? await this.playlists.followed(listener.userId, ids)
            : await this.follows.contains(listener.userId, kind, ids);
      ids.forEach((id, i) => answers.set(`${kind}:${id}`, found[i]));
    }
    return items.map((item) => answers.get(`${item.kind}:${item.id}`) ?? false);
  }

  /** The ids per kind, after checking the token has every scope the change needs. */
  private grouped(listener: Listener, uris: string[], access: 'modify' | 'read'): Map<Kind, string[]> {
    const groups = new Map<Kind, string[]>();
    for (const { kind, id } of uris.map((uri) => this.parse(uri))) groups.set(kind, [...(groups.get(kind) ?? []), id]);
    for (const kind of groups.keys()) {
      const scope = SCOPES[kind][access];
      if (!listener.scopes.has(scope)) throw new DomainError('INSUFFICIENT_SCOPE', `${kind} URIs need the ${scope} scope`, 'INSUFFICIENT_SCOPE');
    }
    return groups;
  }

  private parse(uri: string): Item {
    const [scheme, kind, id, ...rest] = uri.split(':');
    if (rest.length || !this.schemes.includes(scheme) || id === undefined) throw new InvalidInputError(`Not a URI: ${uri}`, 'INVALID_URI');
    if (ELSEWHERE.includes(kind)) throw new InvalidInputError(`Backbeat has no ${kind}s: ${uri}`, 'UNSUPPORTED_URI_TYPE');
    if (!KINDS.includes(kind as Kind)) throw new InvalidInputError(`Unsupported URI type: ${uri}`, 'UNSUPPORTED_URI_TYPE');
    if (kind === 'user' ? !USER_ID.test(id) : !isValidId(id)) throw new InvalidInputError(`Invalid id in ${uri}`, 'INVALID_URI');
    return { kind: kind as Kind, id };
  }
}
