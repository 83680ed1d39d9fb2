import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { AccessTokensService } from '../../src/oauth/access-tokens.service';
import { hashSecret } from '../../src/oauth/secrets';
import { DevTokensService } from '../../src/oauth/dev-tokens.service';
import { InvalidInputError } from '../../src/common/errors/domain-errors';
import { createTestDatabase, TestDatabase } from '../helpers/test-env';

describe(`access tokens on a real database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let tokens: AccessTokensService;
  let devTokens: DevTokensService;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource(db.env);
    await dataSource.initialize();
    tokens = new AccessTokensService(dataSource);
    devTokens = new DevTokensService(dataSource, tokens);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('stores only a hash of the token', async () => {
    const issued = await tokens.issue({ clientId: 'c1', userId: null, scopes: ['user-read-private'] });
    const rows = await dataSource.query('SELECT token_hash FROM oauth_access_tokens');
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).toContain(hashSecret(issued.access_token));
    expect(JSON.stringify(rows)).not.toContain(issued.access_token);
  });

  it('verifies a user token with its scopes and the listener country', async () => {
    const issued = await devTokens.mint({ user: 'ana', scopes: 'user-read-private user-library-read' });
    const principal = await tokens.verify(issued.access_token);
    expect(principal).toMatchObject({ userId: 'ana', country: 'US', product: 'premium', clientId: 'backbeat-dev' });
    expect([...principal!.scopes].sort()).toEqual(['user-library-read', 'user-read-private']);
    expect(principal!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('does not know an unknown token and forgets a revoked one', async () => {
    expect(await tokens.verify('nope'.repeat(10))).toBeNull();
    const issued = await tokens.issue({ clientId: 'c1', userId: null, scopes: [] });
    expect(await tokens.verify(issued.access_token)).not.toBeNull();
    await tokens.revoke(issued.access_token);
    expect(await tokens.verify(issued.access_token)).toBeNull();
  });

  it('rejects unknown scopes and malformed user ids', async () => {
    await expect(devTokens.mint({ scopes: 'user-read-private admin' })).rejects.toThrow(InvalidInputError);
    await expect(devTokens.mint({ user: "Robert'); DROP TABLE users;--" })).rejects.toThrow(InvalidInputError);
  });

  it('reuses an existing listener', async () => {
    await devTokens.mint({ user: 'ben' });
    await devTokens.mint({ user: 'ben' });
    const rows = await dataSource.query(`SELECT count(*)::int AS n FROM users WHERE id = 'ben'`);
    expect(rows[0].n).toBe(1);
  });
});
