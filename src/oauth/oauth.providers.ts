import type { Provider } from '@nestjs/common';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-tokens.service';
import { DEVICE_CODE_GRANT, DeviceCodeGrantType } from './device-code.grant-type';
import { OAuth2Server } from './oauth-protocol';
import { AUTHORIZATION_CODE_TTL_SECONDS, OAuthModel, REFRESH_TOKEN_TTL_SECONDS } from './oauth.model';

export const OAUTH_SERVER = Symbol('OAUTH_SERVER');

export const oauthServerProvider: Provider = {
  provide: OAUTH_SERVER,
  inject: [OAuthModel],
  useFactory: (model: OAuthModel) =>
    new OAuth2Server({
      model,
      accessTokenLifetime: ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenLifetime: REFRESH_TOKEN_TTL_SECONDS,
      authorizationCodeLifetime: AUTHORIZATION_CODE_TTL_SECONDS,
      alwaysIssueNewRefreshToken: true,
      // `state` is recommended, not required, as at Spotify; PKCE or the client secret protects the code.
      allowEmptyState: true,
      // Public apps refresh with their client_id alone; the model still demands a confidential app's secret.
      // Devices are usually public apps too.
      requireClientAuthentication: { refresh_token: false, [DEVICE_CODE_GRANT]: false },
      extendedGrantTypes: { [DEVICE_CODE_GRANT]: DeviceCodeGrantType },
    }),
};
