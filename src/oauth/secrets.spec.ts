import { hashPassword, hashSecret, randomToken, secretMatches, verifyPassword } from './secrets';

describe('secrets', () => {
  it('hashes passwords with scrypt, salted, in PHC form', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('correct horse battery staple', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', a)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'not a hash')).resolves.toBe(false);
  });

  it('stores random secrets as SHA-256 and compares them in constant time', () => {
    const secret = randomToken();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
    expect(secretMatches(`${secret}x`, hashSecret(secret))).toBe(false);
    expect(secretMatches(secret, 'short')).toBe(false);
  });
});
