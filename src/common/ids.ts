import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const ID_LENGTH = 22;
export const ID_PATTERN = /^[0-9A-Za-z]{22}$/;

export type ObjectType = 'track' | 'album' | 'artist' | 'playlist' | 'user';

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** A random 22-character base62 id (about 131 bits). */
export function newId(): string {
  const bytes = randomBytes(ID_LENGTH);
  let id = '';
  for (const byte of bytes) id += BASE62[byte % 62];
  return id;
}

/** A 22-character base62 id derived from a 128-bit number: stable ids for the seeded catalog. */
export function idFromBigInt(value: bigint): string {
  let id = '';
  let rest = value;
  for (let i = 0; i < ID_LENGTH; i++) {
    id = BASE62[Number(rest % 62n)] + id;
    rest /= 62n;
  }
  return id;
}

/** Parses `<scheme>:<type>:<id>` into its parts, or null when it is not such a URI. */
export function parseUri(uri: string, scheme: string): { type: string; id: string } | null {
  const parts = uri.split(':');
  if (parts.length !== 3 || parts[0] !== scheme || !isValidId(parts[2])) return null;
  return { type: parts[1], id: parts[2] };
}
