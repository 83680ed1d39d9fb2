import { InvalidEnvironmentError, loadEnv, redactEnv } from './env';

describe('loadEnv', () => {
  it('applies defaults on an empty environment', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.URI_SCHEME).toBe('backbeat');
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEV_TOKENS).toBe(true);
  });

  it('derives PUBLIC_URL from PORT and strips a trailing slash', () => {
    expect(loadEnv({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadEnv({ PUBLIC_URL: 'https://api.example.com/' }).PUBLIC_URL).toBe('https://api.example.com');
  });

  it('reads which proxies to trust', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadEnv({ TRUST_PROXY: 'everyone' })).toThrow(InvalidEnvironmentError);
  });

  it('disables development tokens in production unless asked', () => {
    expect(loadEnv({ NODE_ENV: 'production' }).DEV_TOKENS).toBe(false);
    expect(loadEnv({ NODE_ENV: 'production', DEV_TOKENS: 'true' }).DEV_TOKENS).toBe(true);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'not a url'],
    ['URI_SCHEME', 'Spotify!'],
    ['SEED_DEMO', 'maybe'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(InvalidEnvironmentError);
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(`${name}: .*got "${value.replace(/[!.]/g, '\\$&')}"`));
  });

  it('redacts credentials in connection strings', () => {
    const env = loadEnv({ DATABASE_URL: 'postgres://user:secret@db:5432/app' });
    expect(redactEnv(env).DATABASE_URL).toBe('postgres://***@db:5432/app');
  });
});
