import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@fuyi/kernel';
import { FieldCipher } from '../crypto/field-cipher';
import { canonicalJson } from '../crypto/canonical-json';
import { execSql } from '../database/sql';

/** A claim older than this is taken to belong to a crashed request and may be taken over. */
const STALE_CLAIM_SECONDS = 120;

export interface IdempotentOutcome<T> {
  result: T;
  replayed: boolean;
}

export const IdempotencyErrors = {
  badKey: () =>
    new DomainError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key 格式不正确（1-128 位字母、数字、-、_、.、:）', 'invalid', {
      fields: [{ field: 'Idempotency-Key', message: '格式不正确' }],
    }),
  reused: () =>
    new DomainError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于内容不同的另一次提交，请更换后重试', 'unprocessable'),
  inFlight: () => new DomainError('IDEMPOTENCY_IN_FLIGHT', '相同的提交正在处理中，请稍后查看结果，不要重复提交', 'conflict'),
};

/**
 * Idempotency-Key semantics: the same key and body return the first answer; the same key with
 * another body is 422; a key whose first request is still running is 409. The stored answer is
 * written in the same transaction as the work, so a crash can never leave a case without its key.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly ds: DataSource, @Inject(FieldCipher) private readonly cipher: FieldCipher) {}

  async execute<T>(userId: string, scope: string, key: string, body: unknown, work: (m: EntityManager) => Promise<T>): Promise<IdempotentOutcome<T>> {
    if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(key)) throw IdempotencyErrors.badKey();
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const claimed = await this.claim(userId, scope, key, requestHash);
    if (!claimed.fresh) return { result: claimed.replay as T, replayed: true };
    try {
      const result = await this.ds.transaction(async (m) => {
        const value = await work(m);
        await m.query(
          `UPDATE idempotency_keys SET status = 'done', response_enc = $4, completed_at = now()
            WHERE user_id = $1 AND scope = $2 AND key = $3`,
          [userId, scope, key, this.cipher.encrypt(JSON.stringify(value ?? null))],
        );
        return value;
      });
      return { result, replayed: false };
    } catch (e) {
      await this.ds.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND scope = $2 AND key = $3 AND status = 'in_flight'`, [userId, scope, key]);
      throw e;
    }
  }

  private async claim(userId: string, scope: string, key: string, requestHash: string): Promise<{ fresh: boolean; replay?: unknown }> {
    const inserted = await execSql(
      this.ds,
      `INSERT INTO idempotency_keys (user_id, scope, key, request_hash, status) VALUES ($1, $2, $3, $4, 'in_flight')
       ON CONFLICT DO NOTHING RETURNING key`,
      [userId, scope, key, requestHash],
    );
    if (inserted.rows.length) return { fresh: true };
    const [row] = await this.ds.query(
      `SELECT request_hash, status, response_enc, created_at < now() - make_interval(secs => $4) AS stale
         FROM idempotency_keys WHERE user_id = $1 AND scope = $2 AND key = $3`,
      [userId, scope, key, STALE_CLAIM_SECONDS],
    );
    if (!row) return this.claim(userId, scope, key, requestHash); // the holder failed and released it meanwhile
    if (row.request_hash !== requestHash) throw IdempotencyErrors.reused();
    if (row.status === 'done') return { fresh: false, replay: JSON.parse(this.cipher.decrypt(row.response_enc)) };
    if (!row.stale) throw IdempotencyErrors.inFlight();
    const retaken = await execSql(
      this.ds,
      `UPDATE idempotency_keys SET created_at = now() WHERE user_id = $1 AND scope = $2 AND key = $3 AND status = 'in_flight'
          AND created_at < now() - make_interval(secs => $4) RETURNING key`,
      [userId, scope, key, STALE_CLAIM_SECONDS],
    );
    if (!retaken.affected) throw IdempotencyErrors.inFlight();
    return { fresh: true };
  }
}
