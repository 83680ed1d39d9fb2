import { encode } from 'jpeg-js';
import { DomainError } from '../common/errors/domain-errors';
import { readCover } from './cover-image';

function jpeg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 0x80);
  return encode({ data, width, height }, 80).data;
}

describe('cover images', () => {
  it('reads a base64 JPEG with its size and digest', () => {
    const image = jpeg(64, 32);
    const cover = readCover(image.toString('base64'));
    expect(cover).toMatchObject({ width: 64, height: 32, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(cover.jpeg.equals(image)).toBe(true);
    // Line breaks, as some encoders insert, are fine.
    expect(readCover(image.toString('base64').replace(/(.{76})/g, '$1\n')).width).toBe(64);
  });

  it.each([
    ['not base64', '***'],
    ['empty', ''],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64')],
    ['a truncated JPEG', jpeg(64, 64).subarray(0, 200).toString('base64')],
    ['JSON', { image: 'x' }],
  ])('refuses %s with a 400 error', (_name, body) => {
    let error: unknown;
    try {
      readCover(body);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_IMAGE' });
  });
});
