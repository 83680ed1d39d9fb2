import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Scope } from '../common/auth/scopes';

const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'ugc-image-upload': 'Upload playlist cover images.',
  'user-read-playback-state': "Read the listener's devices and what is playing on them.",
  'user-modify-playback-state': "Control playback on the listener's devices.",
  'user-read-currently-playing': 'Read what the listener is playing now.',
  'app-remote-control': 'Control a Backbeat player from a companion app.',
  streaming: 'Play music on this device (devices and players).',
  'playlist-read-private': "Read the listener's private playlists.",
  'playlist-read-collaborative': 'Read collaborative playlists the listener takes part in.',
  'playlist-modify-private': "Create and change the listener's private playlists.",
  'playlist-modify-public': "Create and change the listener's public playlists.",
  'user-follow-modify': 'Follow and unfollow artists and users.',
  'user-follow-read': 'Read whom the listener follows.',
  'user-read-playback-position': 'Read playback positions.',
  'user-top-read': "Read the listener's top artists and tracks.",
  'user-read-recently-played': 'Read what the listener played recently.',
  'user-library-modify': "Save and remove items in the listener's library.",
  'user-library-read': "Read the listener's saved tracks and albums.",
  'user-read-email': "Read the listener's email address.",
  'user-read-private': "Read the listener's country, product and birthdate.",
};

/** Arrays whose order means nothing, and which differ between builds (inherited DTO fields). */
const UNORDERED = new Set(['enum', 'required']);

/**
 * Sorts object keys (and `enum` and `required` values, whose order TypeScript's union types and
 * class inheritance do not fix) recursively, so the written document is byte-for-byte stable across builds.
 */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => {
          const child = (value as Record<string, unknown>)[key];
          const sorted = UNORDERED.has(key) && Array.isArray(child) ? [...(child as unknown[])].sort() : child;
          return [key, sortKeys(sorted)];
        }),
    ) as T;
  }
  return value;
}

/** The one function that builds the OpenAPI document, for the server and for `npm run openapi`. */
export function buildOpenApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Backbeat Web API')
    .setDescription(
      'Open, self-hostable music platform API: catalog, search, playback control and playlists. ' +
        'Wire-compatible with the Spotify Web API: point an existing client at this server. ' +
        'Every `/v1` operation needs an OAuth 2.0 bearer token.',
    )
    .setVersion('1.0.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer(publicUrl)
    .addOAuth2(
      {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: `${publicUrl}/authorize`,
            tokenUrl: `${publicUrl}/api/token`,
            scopes: SCOPE_DESCRIPTIONS,
          },
          clientCredentials: { tokenUrl: `${publicUrl}/api/token`, scopes: {} },
        },
      },
      'oauth2',
    )
    .build();
  return sortKeys(SwaggerModule.createDocument(app, config, { autoTagControllers: false }));
}

/** Serves the document at /v1/openapi.json and an interactive reference at /docs. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'v1/openapi.json',
    yamlDocumentUrl: 'v1/openapi.yaml',
    customSiteTitle: 'Backbeat Web API reference',
  });
}
