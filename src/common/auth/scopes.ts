/** OAuth scopes, named as in the Spotify Web API so existing clients ask for the same ones. */
export const SCOPES = [
  'ugc-image-upload',
  'user-read-playback-state',
  'user-modify-playback-state',
  'user-read-currently-playing',
  'app-remote-control',
  'streaming',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-private',
  'playlist-modify-public',
  'user-follow-modify',
  'user-follow-read',
  'user-read-playback-position',
  'user-top-read',
  'user-read-recently-played',
  'user-library-modify',
  'user-library-read',
  'user-read-email',
  'user-read-private',
] as const;

export type Scope = (typeof SCOPES)[number];

/** A scope parameter's names: space-separated per RFC 6749, commas accepted as Spotify's docs once showed. */
export function parseScopes(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** What each scope lets an app do, in plain words, for the consent page. */
export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'ugc-image-upload': 'Upload images as playlist covers',
  'user-read-playback-state': 'See what you are playing and on which device',
  'user-modify-playback-state': 'Control playback on your devices',
  'user-read-currently-playing': 'See the track you are playing now',
  'app-remote-control': 'Control playback from a remote-control app',
  streaming: 'Play music as one of your devices',
  'playlist-read-private': 'See your private playlists',
  'playlist-read-collaborative': 'See your collaborative playlists',
  'playlist-modify-private': 'Create and change your private playlists',
  'playlist-modify-public': 'Create and change your public playlists',
  'user-follow-modify': 'Follow and unfollow artists and listeners for you',
  'user-follow-read': 'See whom you follow',
  'user-read-playback-position': 'See how far you have listened',
  'user-top-read': 'See your top artists and tracks',
  'user-read-recently-played': 'See what you played recently',
  'user-library-modify': 'Save and remove tracks and albums in your library',
  'user-library-read': 'See your saved tracks and albums',
  'user-read-email': 'See your email address',
  'user-read-private': 'See your country, subscription and birthdate',
};
