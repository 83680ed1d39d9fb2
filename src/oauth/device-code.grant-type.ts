import { AbstractGrantType, Client, InvalidRequestError, OAuthError, Request, Token, TokenOptions } from '@node-oauth/oauth2-server';
import type { OAuthModel } from './oauth.model';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

const POLL_ERRORS = {
  authorization_pending: 'The listener has not yet approved this device',
  slow_down: 'Polling too fast: wait the interval, now 5 seconds longer, between requests',
  expired_token: 'The device code expired: start again',
  access_denied: 'The listener declined',
  invalid_grant: 'Unknown or already used device code',
};

/**
 * The device authorization grant's token request (RFC 8628 §3.4), as an extension grant of
 * @node-oauth/oauth2-server, which has none built in. Polling errors are the RFC's own codes.
 */
export class DeviceCodeGrantType extends AbstractGrantType {
  // The library hands every grant type its model; its typings leave the field out.
  private readonly model: OAuthModel;

  constructor(options: TokenOptions & { model: OAuthModel }) {
    super(options);
    this.model = options.model;
  }

  async handle(request: Request, client: Client): Promise<Token> {
    const deviceCode = (request.body as Record<string, unknown>).device_code;
    if (typeof deviceCode !== 'string' || !deviceCode) throw new InvalidRequestError('Missing parameter: `device_code`');
    const outcome = await this.model.redeemDeviceCode(deviceCode, client);
    if (outcome.kind !== 'approved') throw new OAuthError(POLL_ERRORS[outcome.kind], { code: 400, name: outcome.kind });
    const { user, scope } = outcome;
    return this.model.saveToken(
      {
        accessToken: await this.generateAccessToken(client, user, scope),
        accessTokenExpiresAt: this.getAccessTokenExpiresAt(),
        refreshToken: await this.generateRefreshToken(client, user, scope),
        refreshTokenExpiresAt: this.getRefreshTokenExpiresAt(),
        scope,
        client,
        user,
      },
      client,
      user,
    );
  }
}
