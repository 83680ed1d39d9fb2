import { DataSource } from 'typeorm';
import { DomainError } from '../../src/common/errors/domain-errors';
import { createDataSource } from '../../src/database/data-source';
import { AccessTokensService } from '../../src/oauth/access-tokens.service';
import { AccountsService } from '../../src/oauth/accounts.service';
import { ClientsService } from '../../src/oauth/clients.service';
import { hashSecret } from '../../src/oauth/secrets';
import { createTestDatabase, TestDatabase } from '../helpers/test-env';

describe(`developer apps on a real database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let clients: ClientsService;
  let ownerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource(db.env);
    await dataSource.initialize();
    clients = new ClientsService(dataSource, { DEV_MODE_USER_CAP: 25 }, new AccessTokensService(dataSource));
    ownerId = (await new AccountsService(dataSource).signUp({ email: 'owner@example.com', password: 'owner-password', displayName: 'O', country: 'US' })).id;
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const reason = (promise: Promise<unknown>) => promise.then(() => null, (e: DomainError) => e.reason);

  it('registers, edits, rotates and deletes an app for its owner only', async () => {
    const { client, secret } = await clients.register(ownerId, { name: ' Run Club ', redirectUris: ['https://a.example/cb', 'https://a.example/cb'], type: 'confidential' });
    expect(client).toMatchObject({ name: 'Run Club', redirectUris: ['https://a.example/cb'], quotaMode: 'development' });
    expect(await clients.authenticate(client.id, secret!)).toMatchObject({ id: client.id });

    const edited = await clients.update(ownerId, client.id, { name: 'Run Club 2', redirectUris: ['https://b.example/cb'] });
    expect(edited.redirectUris).toEqual(['https://b.example/cb']);
    expect(await reason(clients.update('someone-else', client.id, { name: 'x', redirectUris: ['https://c.example/cb'] }))).toBe('APP_NOT_FOUND');

    const rotated = await clients.rotateSecret(ownerId, client.id);
    expect(await clients.authenticate(client.id, secret!)).toBeNull();
    expect(await clients.authenticate(client.id, rotated)).toMatchObject({ id: client.id });
    const [row] = await dataSource.query(`SELECT secret_hash FROM oauth_clients WHERE id = $1`, [client.id]);
    expect(row.secret_hash).toBe(hashSecret(rotated));

    expect((await clients.listOwnedBy(ownerId)).map((c) => c.id)).toContain(client.id);
    await clients.delete(ownerId, client.id);
    expect(await clients.get(client.id)).toBeNull();
  });

  it('rejects bad app details', async () => {
    expect(await reason(clients.register(ownerId, { name: '', redirectUris: ['https://a.example/cb'], type: 'public' }))).toBe('INVALID_APP');
    expect(await reason(clients.register(ownerId, { name: 'x', redirectUris: [], type: 'public' }))).toBe('INVALID_REDIRECT_URI');
    expect(await reason(clients.register(ownerId, { name: 'x', redirectUris: ['http://a.example/cb'], type: 'public' }))).toBe('INVALID_REDIRECT_URI');
    const uris = Array.from({ length: 21 }, (_, i) => `https://a.example/${i}`);
    expect(await reason(clients.register(ownerId, { name: 'x', redirectUris: uris, type: 'public' }))).toBe('INVALID_REDIRECT_URI');
  });

  it('gives public apps no secret, and only administrators change quota', async () => {
    const { client, secret } = await clients.register(ownerId, { name: 'Pocket', redirectUris: ['http://127.0.0.1/cb'], type: 'public' });
    expect(secret).toBeNull();
    expect(await clients.authenticate(client.id, undefined)).toMatchObject({ id: client.id });
    expect(await clients.authenticate(client.id, 'anything')).toBeNull();
    expect(await reason(clients.rotateSecret(ownerId, client.id))).toBe('PUBLIC_CLIENT');

    const owner = (await new AccountsService(dataSource).findById(ownerId))!;
    expect(await reason(clients.setQuotaMode(owner, client.id, 'extended'))).toBe('NOT_ADMIN');
    await clients.setQuotaMode({ ...owner, isAdmin: true }, client.id, 'extended');
    expect((await clients.get(client.id))!.quotaMode).toBe('extended');
  });
});
