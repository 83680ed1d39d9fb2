import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { MARKET_CODES } from '../catalog/markets';
import { SessionEntity } from './entities/session.entity';
import { Product, UserEntity } from './entities/user.entity';
import { hashPassword, hashSecret, randomToken, verifyPassword } from './secrets';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export interface SignUp {
  email: string;
  password: string;
  displayName: string;
  country: string;
  product?: Product;
  birthdate?: string | null;
}

// Verifying against this when the email is unknown keeps sign-in time the same either way.
// Made on the first sign-in, not at start-up: scrypt takes tens of milliseconds.
let unknownUserHash: Promise<string> | undefined;

/** Listener accounts: password sign-up and sign-in, and browser sessions. */
@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get users() {
    return this.db.getRepository(UserEntity);
  }

  async signUp(input: SignUp): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/.test(email)) throw new InvalidInputError('Enter a valid email address', 'INVALID_EMAIL');
    if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
      throw new InvalidInputError(`The password needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`, 'INVALID_PASSWORD');
    }
    const displayName = input.displayName.trim();
    if (!displayName || displayName.length > 100) throw new InvalidInputError('The display name needs 1 to 100 characters', 'INVALID_NAME');
    const country = input.country.toUpperCase();
    if (!MARKET_CODES.has(country)) throw new InvalidInputError('Choose a country where Backbeat is available', 'INVALID_COUNTRY');
    if (input.birthdate && !/^\d{4}-\d{2}-\d{2}$/.test(input.birthdate)) throw new InvalidInputError('The birthdate is YYYY-MM-DD', 'INVALID_BIRTHDATE');
    if (await this.users.existsBy({ email })) throw new InvalidInputError('An account with this email exists; sign in instead', 'EMAIL_TAKEN');
    const user = this.users.create({
      // Like Spotify's generated user ids: lowercase and unguessable.
      id: randomBytes(16).toString('hex').slice(0, 25),
      email,
      displayName,
      country,
      product: input.product ?? 'free',
      birthdate: input.birthdate || null,
      passwordHash: await hashPassword(input.password),
    });
    await this.users.insert(user);
    return user;
  }

  /** The listener when the password is right, else null. */
  async signIn(email: string, password: string): Promise<UserEntity | null> {
    if (password.length > MAX_PASSWORD_LENGTH) return null;
    const user = await this.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await (unknownUserHash ??= hashPassword(randomToken()))));
    return ok && user?.passwordHash ? user : null;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase().slice(0, 320) });
  }

  /** Makes the account an administrator, who may switch any app's quota mode. */
  async promoteToAdmin(email: string): Promise<UserEntity> {
    const user = await this.findByEmail(email);
    if (!user) throw new NotFoundError(`No account has the email ${email}`, 'USER_NOT_FOUND');
    if (!user.isAdmin) await this.users.update({ id: user.id }, { isAdmin: true });
    user.isAdmin = true;
    return user;
  }

  /** Starts a session; the returned token goes into the cookie, only its hash into the table. */
  async startSession(userId: string): Promise<string> {
    const token = randomToken();
    const sessions = this.db.getRepository(SessionEntity);
    await sessions.insert({ tokenHash: hashSecret(token), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
    // Housekeeping: expired sessions of this listener go when a new one starts.
    await sessions.delete({ userId, expiresAt: LessThan(new Date()) });
    return token;
  }

  async sessionUser(token: string | undefined): Promise<UserEntity | null> {
    if (!token || token.length > 100) return null;
    const session = await this.db
      .getRepository(SessionEntity)
      .findOne({ where: { tokenHash: hashSecret(token) }, relations: { user: true } });
    return session && session.expiresAt > new Date() ? (session.user ?? null) : null;
  }

  async endSession(token: string | undefined): Promise<void> {
    if (token) await this.db.getRepository(SessionEntity).delete({ tokenHash: hashSecret(token) });
  }
}
