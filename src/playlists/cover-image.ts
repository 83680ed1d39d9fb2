import type { FastifyInstance } from 'fastify';
import { decode } from 'jpeg-js';
import { createHash } from 'node:crypto';
import { InvalidInputError } from '../common/errors/domain-errors';
import { MAX_COVER_BYTES } from './playlist-limits';

export interface CoverImage {
  jpeg: Buffer;
  digest: string;
  width: number;
  height: number;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Covers are shown small: a larger image is refused rather than decoded at length. */
const MAX_MEGAPIXELS = 4;

/** Uploads arrive as base64 text with type image/jpeg; this reads them, up to Spotify's 256 KB. */
export function installCoverUploads(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('image/jpeg', { parseAs: 'string', bodyLimit: MAX_COVER_BYTES }, (_request, body, done) => done(null, body));
}

/** Decodes an uploaded cover and checks it is a whole, decodable JPEG. */
export function readCover(body: unknown): CoverImage {
  const text = typeof body === 'string' ? body.replace(/\s+/g, '') : '';
  if (!text || text.length % 4 !== 0 || !BASE64.test(text)) throw new InvalidInputError('The body must be a base64-encoded JPEG with Content-Type image/jpeg', 'INVALID_IMAGE');
  const jpeg = Buffer.from(text, 'base64');
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new InvalidInputError('The image is not a JPEG', 'INVALID_IMAGE');
  try {
    const { width, height } = decode(jpeg, { useTArray: true, tolerantDecoding: false, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 64 });
    return { jpeg, digest: createHash('sha256').update(jpeg).digest('hex'), width, height };
  } catch (error) {
    throw new InvalidInputError(`The image is not a valid JPEG: ${(error as Error).message}`, 'INVALID_IMAGE');
  }
}
