import { applyDecorators, Controller, Get, Header, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import { RateLimitByIp } from '../rate-limit/rate-limit.decorators';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/auth/auth.decorators';
import { isScope, parseScopes, SCOPES } from '../common/auth/scopes';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { AccessTokensService } from './access-tokens.service';
import { ClientsService } from './clients.service';
import { DeviceAuthorization, DeviceCodesService } from './device-codes.service';
import type { ClientEntity } from './entities/client.entity';
import { GrantsService } from './grants.service';
import {
  clientCredentials,
  formParams,
  GRANT_TYPES,
  libraryRequest,
  LibraryResponse,
  OAuth2Server,
  ProtocolError,
  ProtocolErrorFilter,
} from './oauth-protocol';
import { OAUTH_SERVER } from './oauth.providers';

/** A POST answered 200 whose body must never be cached (RFC 6749 §5.1); errors say so in the filter. */
const NoStorePost = (path: string) => applyDecorators(Post(path), HttpCode(200), Header('cache-control', 'no-store'), Header('pragma', 'no-cache'));

interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
  scope: string;
}

/**
 * The token endpoint (Spotify-compatible `POST /api/token`), device authorization (RFC 8628),
 * revocation (RFC 7009), introspection (RFC 7662) and server metadata (RFC 8414).
 */
@ApiExcludeController()
@Public()
// Failed client authentications and grants count against the caller's IP; successes are given back.
@RateLimitByIp()
@UseFilters(ProtocolErrorFilter)
@Controller()
export class TokenController {
  constructor(
    @Inject(OAUTH_SERVER) private readonly server: OAuth2Server,
    @Inject(ENV) private readonly env: Env,
    private readonly clients: ClientsService,
    private readonly grants: GrantsService,
    private readonly accessTokens: AccessTokensService,
    private readonly deviceCodes: DeviceCodesService,
  ) {}

  @NoStorePost('api/token')
  async token(@Req() request: FastifyRequest): Promise<TokenResponse> {
    const body = formParams(request);
    if (body.grant_type && !(GRANT_TYPES as readonly string[]).includes(body.grant_type)) {
      throw new ProtocolError('unsupported_grant_type', `grant_type ${body.grant_type} is not supported`);
    }
    const token = await this.server.token(libraryRequest(request, body), new LibraryResponse());
    return {
      access_token: token.accessToken,
      token_type: 'Bearer',
      expires_in: Math.round(((token.accessTokenExpiresAt?.getTime() ?? Date.now()) - Date.now()) / 1000),
      ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
      scope: Array.isArray(token.scope) ? token.scope.join(' ') : (token.scope ?? ''),
    };
  }

  /** RFC 8628 §3.1: a device asks to be authorized and shows the listener where to go and what to enter. */
  @NoStorePost('api/device/code')
  async deviceCode(@Req() request: FastifyRequest): Promise<DeviceAuthorization> {
    const body = formParams(request);
    const client = await this.authenticate(request, body);
    const scopes = parseScopes(body.scope);
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length) throw new ProtocolError('invalid_scope', `Unknown scope: ${unknown.join(', ')}`);
    return this.deviceCodes.start(client, scopes, this.env.PUBLIC_URL);
  }

  /** RFC 7009: the app that holds a token may revoke it; the answer is 200 whether or not it existed. */
  @NoStorePost('api/revoke')
  async revoke(@Req() request: FastifyRequest): Promise<Record<string, never>> {
    const body = formParams(request);
    const client = await this.authenticate(request, body);
    if (!body.token) throw new ProtocolError('invalid_request', 'Missing parameter: token');
    const principal = await this.accessTokens.verify(body.token);
    if (principal?.clientId === client.id) await this.accessTokens.revoke(body.token);
    else {
      const refresh = await this.grants.findRefreshToken(body.token);
      if (refresh?.grant?.clientId === client.id) await this.grants.revoke([refresh.grantId]);
    }
    return {};
  }

  /** RFC 7662, for resource servers: registered confidential apps may ask whether a token is live. */
  @NoStorePost('api/introspect')
  async introspect(@Req() request: FastifyRequest): Promise<object> {
    const body = formParams(request);
    await this.authenticate(request, body, true);
    if (!body.token) throw new ProtocolError('invalid_request', 'Missing parameter: token');
    const principal = await this.accessTokens.verify(body.token);
    if (!principal || principal.expiresAt.getTime() <= Date.now()) return { active: false };
    return {
      active: true,
      scope: [...principal.scopes].join(' '),
      client_id: principal.clientId,
      token_type: 'Bearer',
      exp: Math.floor(principal.expiresAt.getTime() / 1000),
      ...(principal.userId ? { sub: principal.userId, username: principal.userId } : {}),
    };
  }

  @Get('.well-known/oauth-authorization-server')
  metadata() {
    const base = this.env.PUBLIC_URL;
    return {
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/api/token`,
      revocation_endpoint: `${base}/api/revoke`,
      introspection_endpoint: `${base}/api/introspect`,
      device_authorization_endpoint: `${base}/api/device/code`,
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

  /** The calling app; public apps identify themselves without a secret except where `confidentialOnly`. */
  private async authenticate(request: FastifyRequest, body: Record<string, string>, confidentialOnly = false): Promise<ClientEntity> {
    const { clientId, secret } = clientCredentials(request, body);
    const client = clientId ? await this.clients.authenticate(clientId, secret) : null;
    if (!client || (confidentialOnly && client.type !== 'confidential')) {
      throw new ProtocolError('invalid_client', 'Client authentication failed', 401);
    }
    return client;
  }
}
