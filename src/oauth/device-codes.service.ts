import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ClientEntity } from './entities/client.entity';
import { DeviceCodeEntity } from './entities/device-code.entity';
import { hashSecret, randomToken } from './secrets';

export const DEVICE_CODE_TTL_SECONDS = 600;
export const DEVICE_POLL_INTERVAL_SECONDS = 5;
/** Consonants only, so no word can be spelt and nothing reads alike (RFC 8628 §6.1): 20^8 ≈ 2^34.6 codes. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const USER_CODE_LENGTH = 8;
/** A device that polls up to this much early is not told to slow down: clocks and networks jitter. */
const POLL_TOLERANCE_SECONDS = 1;

export interface DeviceAuthorization {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

/** What a poll finds: the RFC 8628 §3.5 error to answer, or the listener who approved and the scopes. */
export type PollOutcome =
  | { kind: 'authorization_pending' | 'slow_down' | 'expired_token' | 'access_denied' | 'invalid_grant' }
  | { kind: 'approved'; userId: string; scopes: string[] };

/** A pending request as the activation page shows it. */
export interface PendingDevice {
  userCode: string;
  client: ClientEntity;
  scopes: string[];
}

/** Upper case without separators, so that "wdjb-mjht" and "WDJB MJHT" are the same code. */
export function normalizeUserCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z]/g, '');
}

/** As shown to the listener: WDJB-MJHT. */
export function formatUserCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The device authorization grant's state: codes issued to devices, approved on /activate, redeemed by polling. */
@Injectable()
export class DeviceCodesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get codes() {
    return this.db.getRepository(DeviceCodeEntity);
  }

  async start(client: ClientEntity, scopes: readonly string[], publicUrl: string): Promise<DeviceAuthorization> {
    const deviceCode = randomToken();
    const userCode = Array.from({ length: USER_CODE_LENGTH }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join('');
    // Expired requests are cleared as new ones arrive, so the table stays the size of what is live.
    await this.codes.createQueryBuilder().delete().where('expires_at < now()').execute();
    await this.codes.insert({
      deviceCodeHash: hashSecret(deviceCode),
      userCodeHash: hashSecret(userCode),
      clientId: client.id,
      scopes: [...scopes],
      status: 'pending',
      userId: null,
      pollInterval: DEVICE_POLL_INTERVAL_SECONDS,
      lastPolledAt: null,
      expiresAt: new Date(Date.now() + DEVICE_CODE_TTL_SECONDS * 1000),
    });
    const shown = formatUserCode(userCode);
    return {
      device_code: deviceCode,
      user_code: shown,
      verification_uri: `${publicUrl}/activate`,
      verification_uri_complete: `${publicUrl}/activate?user_code=${shown}`,
      expires_in: DEVICE_CODE_TTL_SECONDS,
      interval: DEVICE_POLL_INTERVAL_SECONDS,
    };
  }

  /** The pending, unexpired request with this user code, or null. */
  async pending(userCodeInput: string): Promise<PendingDevice | null> {
    const userCode = normalizeUserCode(userCodeInput);
    if (userCode.length !== USER_CODE_LENGTH) return null;
    const row = await this.codes.findOne({ where: { userCodeHash: hashSecret(userCode), status: 'pending' }, relations: { client: true } });
    if (!row?.client || row.expiresAt.getTime() <= Date.now()) return null;
    return { userCode: formatUserCode(userCode), client: row.client, scopes: row.scopes };
  }

  /** The listener's answer; false when the request is no longer pending (expired, or decided meanwhile). */
  async decide(userCodeInput: string, userId: string, approved: boolean): Promise<boolean> {
    const result = await this.codes
      .createQueryBuilder()
      .update()
      .set({ status: approved ? 'approved' : 'denied', userId })
      .where("user_code_hash = :hash AND status = 'pending' AND expires_at > now()", { hash: hashSecret(normalizeUserCode(userCodeInput)) })
      .execute();
    return result.affected === 1;
  }

  /**
   * One poll by the device (RFC 8628 §3.4): it records the poll time, slows down a device
   * that polls too fast, and hands out an approval exactly once.
   */
  async poll(deviceCode: string, clientId: string): Promise<PollOutcome> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ status: string; user_id: string | null; scopes: string[]; expired: boolean; too_fast: boolean }[], number] = await this.db.query(
      `WITH previous AS (
         SELECT device_code_hash, status,
                coalesce(last_polled_at > now() - make_interval(secs => poll_interval - ${POLL_TOLERANCE_SECONDS}), false) AS too_fast
           FROM oauth_device_codes WHERE device_code_hash = $1 AND client_id = $2 FOR UPDATE)
       UPDATE oauth_device_codes d
          SET last_polled_at = now(),
              poll_interval = d.poll_interval + CASE WHEN previous.too_fast AND d.status = 'pending' THEN 5 ELSE 0 END,
              status = CASE WHEN d.status = 'approved' AND d.expires_at > now() THEN 'used' ELSE d.status END
         FROM previous
        WHERE d.device_code_hash = previous.device_code_hash
       RETURNING previous.status, d.user_id, d.scopes, d.expires_at <= now() AS expired, previous.too_fast`,
      [hashSecret(deviceCode), clientId],
    );
    const row = rows[0];
    if (!row) return { kind: 'invalid_grant' };
    if (row.expired) return { kind: 'expired_token' };
    switch (row.status) {
      case 'approved':
        return { kind: 'approved', userId: row.user_id!, scopes: row.scopes };
      case 'denied':
        return { kind: 'access_denied' };
      case 'used':
        return { kind: 'invalid_grant' };
      default:
        return { kind: row.too_fast ? 'slow_down' : 'authorization_pending' };
    }
  }
}
