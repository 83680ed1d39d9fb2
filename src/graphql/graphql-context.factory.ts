import { Injectable, Module } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AlbumsService } from '../catalog/albums.service';
import { ArtistsService } from '../catalog/artists.service';
import { CatalogModule } from '../catalog/catalog.module';
import { TracksService } from '../catalog/tracks.service';
import { authenticate } from '../common/auth/auth.guard';
import { AccessTokenVerifier, Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-errors';
import { OAuthModule } from '../oauth/oauth.module';
import { PlaylistsService } from '../playlists/playlists.service';
import type { GqlContext } from './graphql-context';
import { Loaders } from './loaders';

/** Builds each operation's context: the caller behind the bearer token, and fresh DataLoaders. */
@Injectable()
export class GqlContextFactory {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly tracks: TracksService,
    private readonly albums: AlbumsService,
    private readonly artists: ArtistsService,
    private readonly playlists: PlaylistsService,
  ) {}

  /** Over HTTP: a missing or bad token is kept as `authError`, so that introspection works without one. */
  async forHttp(request: FastifyRequest & { principal?: Principal }): Promise<GqlContext> {
    const { principal, authError } = await this.authenticate(request.headers.authorization);
    // The app's usage analytics and logs attribute the request (src/usage).
    if (principal) request.principal = principal;
    return { req: request, principal, authError, loaders: this.loaders(principal) };
  }

  /** Over WebSocket, for a connection authenticated in `connection_init`. */
  forConnection(principal: Principal): GqlContext {
    return { principal, authError: null, loaders: this.loaders(principal) };
  }

  async authenticate(header: string | undefined): Promise<{ principal: Principal | null; authError: DomainError | null }> {
    try {
      return { principal: await authenticate(this.verifier, header), authError: null };
    } catch (error) {
      if (error instanceof DomainError) return { principal: null, authError: error };
      throw error;
    }
  }

  private loaders(principal: Principal | null): Loaders {
    return new Loaders({ tracks: this.tracks, albums: this.albums, artists: this.artists, playlists: this.playlists }, principal);
  }
}

@Module({ imports: [OAuthModule, CatalogModule], providers: [GqlContextFactory], exports: [GqlContextFactory] })
export class GraphqlContextModule {}
