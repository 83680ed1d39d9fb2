import { Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { RateLimitByIp } from '../../rate-limit/rate-limit.decorators';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/auth.decorators';
import { isScope, parseScopes } from '../../common/auth/scopes';
import { DomainError } from '../../common/errors/domain-errors';
import { MARKETS } from '../../catalog/markets';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { AccountsService, SESSION_TTL_MS } from '../accounts.service';
import { ClientsService, redirectUriMatches } from '../clients.service';
import type { ClientEntity } from '../entities/client.entity';
import type { UserEntity } from '../entities/user.entity';
import { GrantsService } from '../grants.service';
import { libraryRequest, LibraryResponse, OAuth2Server, ProtocolError, singleParams } from '../oauth-protocol';
import { CsrfReply, formFields, safeReturnTo, sendHtml, SESSION_COOKIE, signInRedirect } from './page-reply';
import { OAUTH_SERVER } from '../oauth.providers';
import { CsrfGuard } from './csrf.guard';
import { errorPage } from '../../common/http/html';
import { authorizedAppsPage, consentPage, signInPage, signUpPage } from './templates';

const AUTHORIZE_PARAMS = ['client_id', 'response_type', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'show_dialog'];

/** The authorization request cannot be sent back to the app: the page itself shows the problem. */
class UnsafeRedirectError extends Error {}

/**
 * The browser side of the authorization server: sign-in, sign-up, the consent
 * page at /authorize and the listener's authorized apps. Server-rendered, no scripts.
 */
@ApiExcludeController()
@Public()
@Controller()
export class PagesController {
  constructor(
    @Inject(OAUTH_SERVER) private readonly server: OAuth2Server,
    @Inject(ENV) private readonly env: Env,
    private readonly accounts: AccountsService,
    private readonly clients: ClientsService,
    private readonly grants: GrantsService,
  ) {}

  @Get('authorize')
  async authorize(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    await this.handleAuthorize(request, reply, () => singleParams(request.query), false);
  }

  @UseGuards(CsrfGuard)
  @Post('authorize')
  async decide(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    await this.handleAuthorize(request, reply, () => singleParams(request.body), true);
  }

  @Get('signin')
  signInForm(@Req() request: FastifyRequest, @Res() reply: CsrfReply): void {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).return_to);
    sendHtml(reply, 200, signInPage({ csrf: reply.generateCsrf(), returnTo }));
  }

  @RateLimitByIp()
  @UseGuards(CsrfGuard)
  @Post('signin')
  async signIn(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const form = formFields(request);
    const returnTo = safeReturnTo(form.return_to);
    const user = await this.accounts.signIn(form.email ?? '', form.password ?? '');
    if (!user) {
      return sendHtml(reply, 401, signInPage({ csrf: reply.generateCsrf(), returnTo, email: form.email, error: 'Wrong email or password.' }));
    }
    await this.startSession(reply, user);
    void reply.redirect(returnTo, 303);
  }

  @Get('signup')
  signUpForm(@Req() request: FastifyRequest, @Res() reply: CsrfReply): void {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).return_to);
    sendHtml(reply, 200, signUpPage({ csrf: reply.generateCsrf(), returnTo, countries: MARKETS }));
  }

  @RateLimitByIp()
  @UseGuards(CsrfGuard)
  @Post('signup')
  async signUp(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const form = formFields(request);
    const returnTo = safeReturnTo(form.return_to);
    try {
      const user = await this.accounts.signUp({
        email: form.email ?? '',
        password: form.password ?? '',
        displayName: form.display_name ?? '',
        country: form.country ?? '',
        birthdate: form.birthdate || null,
      });
      await this.startSession(reply, user);
      void reply.redirect(returnTo, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { password: _, ...values } = form;
      sendHtml(reply, 400, signUpPage({ csrf: reply.generateCsrf(), returnTo, countries: MARKETS, values, error: error.message }));
    }
  }

  @UseGuards(CsrfGuard)
  @Post('signout')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.accounts.endSession(request.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' }).redirect('/signin', 303);
  }

  @Get('account/apps')
  async authorizedApps(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const user = await this.accounts.sessionUser(request.cookies[SESSION_COOKIE]);
    if (!user) return void reply.redirect(signInRedirect('/account/apps'), 303);
    const apps = await this.grants.authorizedApps(user.id);
    sendHtml(reply, 200, authorizedAppsPage({ csrf: reply.generateCsrf(), userName: user.displayName, apps }));
  }

  @UseGuards(CsrfGuard)
  @Post('account/apps/:clientId/remove')
  async removeApp(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('clientId') clientId: string): Promise<void> {
    const user = await this.accounts.sessionUser(request.cookies[SESSION_COOKIE]);
    if (!user) return void reply.redirect('/signin', 303);
    await this.grants.removeApp(user.id, clientId);
    void reply.redirect('/account/apps', 303);
  }

  private async handleAuthorize(request: FastifyRequest, reply: CsrfReply, read: () => Record<string, string>, decided: boolean): Promise<void> {
    let params: Record<string, string>;
    let client: ClientEntity;
    try {
      params = read();
      client = await this.verifiedClient(params);
    } catch (error) {
      if (!(error instanceof UnsafeRedirectError || error instanceof ProtocolError)) throw error;
      return sendHtml(reply, 400, errorPage('This link cannot be used', error.message));
    }
    // From here on, problems go back to the app's verified redirect URI (RFC 6749 §4.1.2.1).
    const fail = (error: string, description: string) => {
      const url = new URL(params.redirect_uri);
      url.searchParams.set('error', error);
      url.searchParams.set('error_description', description);
      if (params.state) url.searchParams.set('state', params.state);
      void reply.redirect(url.href, 302);
    };
    if (params.response_type !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported');
    const scopes = parseScopes(params.scope);
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length) return fail('invalid_scope', `Unknown scope: ${unknown.join(', ')}`);
    if (params.code_challenge_method && params.code_challenge_method !== 'S256') {
      return fail('invalid_request', 'code_challenge_method must be S256');
    }
    if (params.code_challenge && !params.code_challenge_method) return fail('invalid_request', 'code_challenge_method=S256 is required with code_challenge');
    if (params.code_challenge && !/^[A-Za-z0-9_-]{43}$/.test(params.code_challenge)) return fail('invalid_request', 'code_challenge must be a base64url SHA-256');
    if (client.type === 'public' && !params.code_challenge) return fail('invalid_request', 'Public apps must use PKCE (code_challenge with S256)');

    const user = await this.accounts.sessionUser(request.cookies[SESSION_COOKIE]);
    const query = new URLSearchParams(Object.entries(params).filter(([k]) => AUTHORIZE_PARAMS.includes(k))).toString();
    if (!user) return void reply.redirect(signInRedirect(`/authorize?${query}`), 303);
    if (!(await this.clients.admits(client, user.id))) {
      return fail('access_denied', 'This app is in development mode and has reached its limit of users');
    }
    const { scope: _, ...rest } = params;
    // The library rejects an empty `scope`; none at all means no scopes.
    const normalized = scopes.length ? { ...rest, scope: scopes.join(' ') } : rest;
    if (decided) {
      if (params.decision !== 'approve') return fail('access_denied', 'The listener declined');
      await this.grants.recordConsent(user.id, client.id, scopes);
      return this.issueCode(request, reply, normalized, user);
    }
    const consented = await this.grants.consentedScopes(user.id, client.id);
    if (consented && params.show_dialog !== 'true' && scopes.every((s) => consented.includes(s))) {
      return this.issueCode(request, reply, normalized, user);
    }
    const carried = Object.fromEntries(Object.entries(normalized).filter(([k]) => AUTHORIZE_PARAMS.includes(k)));
    sendHtml(reply, 200, consentPage({ csrf: reply.generateCsrf(), appName: client.name, userName: user.displayName, scopes, params: carried }));
  }

  /** The app, when client_id names one and redirect_uri is registered for it; else the page shows the error. */
  private async verifiedClient(params: Record<string, string>): Promise<ClientEntity> {
    const client = params.client_id ? await this.clients.get(params.client_id) : null;
    if (!client) throw new UnsafeRedirectError('The app that sent you here is not registered with Backbeat (unknown client_id).');
    if (!params.redirect_uri) throw new UnsafeRedirectError('The app did not say where to return (redirect_uri is missing).');
    if (!redirectUriMatches(client.redirectUris, params.redirect_uri)) {
      throw new UnsafeRedirectError('The app asked to return to an address it has not registered (redirect_uri mismatch).');
    }
    return client;
  }

  /** The library issues the code (it checks the request again) and builds the redirect. */
  private async issueCode(request: FastifyRequest, reply: FastifyReply, params: Record<string, string>, user: UserEntity): Promise<void> {
    const response = new LibraryResponse();
    try {
      await this.server.authorize(libraryRequest(request, {}, params), response, {
        authenticateHandler: { handle: () => ({ id: user.id, grantId: null }) },
      });
    } catch {
      // The library has put the error on the redirect already.
    }
    const location = response.get('location') as string | undefined;
    if (!location) return sendHtml(reply, 400, errorPage('Authorization failed', 'The request could not be completed.'));
    void reply.header('cache-control', 'no-store').redirect(location, 302);
  }


  private async startSession(reply: FastifyReply, user: UserEntity): Promise<void> {
    const token = await this.accounts.startSession(user.id);
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.env.PUBLIC_URL.startsWith('https:'),
      maxAge: SESSION_TTL_MS / 1000,
    });
  }

}
