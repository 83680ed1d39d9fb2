import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/auth/auth.decorators';
import { SCOPES } from '../common/auth/scopes';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { AccessTokensService } from './access-tokens.service';
import { ClientsService } from './clients.service';
import { GrantsService } from './grants.service';
import { GRANT_TYPES, libraryRequest, LibraryResponse, OAuth2Server, ProtocolError, clientCredentials, sendProtocolError, singleParams } from './oauth-protocol';
import { OAUTH_SERVER } from './oauth.providers';

/**
 * The token endpoint (Spotify-compatible `POST /api/token`), revocation
 * (RFC 7009), introspection (RFC 7662) and server metadata (RFC 8414).
 */
@ApiExcludeController()
@Controller()
export class TokenController {
  constructor(
    @Inject(OAUTH_SERVER) private readonly server: OAuth2Server,
    @Inject(ENV) private readonly env: Env,
    private readonly clients: ClientsService,
    private readonly grants: GrantsService,
    private readonly accessTokens: AccessTokensService,
  ) {}

  @Public()
  @Post('api/token')
  @HttpCode(200)
  async token(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const body = singleParams(request.body);
      if (body.grant_type && !(GRANT_TYPES as readonly string[]).includes(body.grant_type)) {
        throw new ProtocolError('unsupported_grant_type', `grant_type ${body.grant_type} is not supported`);
      }
      const token = await this.server.token(libraryRequest(request, body), new LibraryResponse());
      const scope = Array.isArray(token.scope) ? token.scope.join(' ') : (token.scope ?? '');
      void reply
        .status(200)
        .header('cache-control', 'no-store')
        .header('pragma', 'no-cache')
        .send({
          access_token: token.accessToken,
          token_type: 'Bearer',
          expires_in: Math.round(((token.accessTokenExpiresAt?.getTime() ?? Date.now()) - Date.now()) / 1000),
          ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
          scope,
        });
    } catch (error) {
      sendProtocolError(reply, error);
    }
  }

  /** RFC 7009: the app that holds a token may revoke it; the answer is 200 whether or not it existed. */
  @Public()
  @Post('api/revoke')
  @HttpCode(200)
  async revoke(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const body = singleParams(request.body);
      const client = await this.authenticate(request, body);
      if (!body.token) throw new ProtocolError('invalid_request', 'Missing parameter: token');
      const principal = await this.accessTokens.verify(body.token);
      if (principal?.clientId === client) await this.accessTokens.revoke(body.token);
      else {
        const refresh = await this.grants.refreshTokenGrant(body.token);
        if (refresh?.clientId === client) await this.grants.revoke([refresh.grantId]);
      }
      void reply.status(200).header('cache-control', 'no-store').send({});
    } catch (error) {
      sendProtocolError(reply, error);
    }
  }

  /** RFC 7662, for resource servers: registered confidential apps may ask whether a token is live. */
  @Public()
  @Post('api/introspect')
  @HttpCode(200)
  async introspect(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const body = singleParams(request.body);
      await this.authenticate(request, body, true);
      if (!body.token) throw new ProtocolError('invalid_request', 'Missing parameter: token');
      const principal = await this.accessTokens.verify(body.token);
      const live = principal && principal.expiresAt.getTime() > Date.now();
      void reply.status(200).header('cache-control', 'no-store').send(
        live
          ? {
              active: true,
              scope: [...principal.scopes].join(' '),
              client_id: principal.clientId,
              token_type: 'Bearer',
              exp: Math.floor(principal.expiresAt.getTime() / 1000),
              ...(principal.userId ? { sub: principal.userId, username: principal.userId } : {}),
            }
          : { active: false },
      );
    } catch (error) {
      sendProtocolError(reply, error);
    }
  }

  @Public()
  @Get('.well-known/oauth-authorization-server')
  metadata() {
    const base = this.env.PUBLIC_URL;
    return {
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/api/token`,
      revocation_endpoint: `${base}/api/revoke`,
      introspection_endpoint: `${base}/api/introspect`,
      scopes_supported: SCOPES,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: GRANT_TYPES,
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      service_documentation: `${base}/docs`,
    };
  }

  /** The calling app's id; public apps identify themselves without a secret except where `confidentialOnly`. */
  private async authenticate(request: FastifyRequest, body: Record<string, string>, confidentialOnly = false): Promise<string> {
    const { clientId, secret } = clientCredentials(request, body);
    const client = clientId ? await this.clients.authenticate(clientId, secret) : null;
    if (!client || (confidentialOnly && client.type !== 'confidential')) {
      throw new ProtocolError('invalid_client', 'Client authentication failed', 401);
    }
    return client.id;
  }
}
