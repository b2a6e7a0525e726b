import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@fuyi/kernel';
import { FieldCipher } from '../crypto/field-cipher';
import { canonicalJson } from '../crypto/canonical-json';
import * as Keys from './idempotency-keys.store';
import { UnitOfWork } from '../database/unit-of-work';

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
  constructor(private readonly ds: DataSource, private readonly uow: UnitOfWork, @Inject(FieldCipher) private readonly cipher: FieldCipher) {}

  async execute<T>(userId: string, scope: string, key: string, body: unknown, work: (m: EntityManager) => Promise<T>): Promise<IdempotentOutcome<T>> {
    if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(key)) throw IdempotencyErrors.badKey();
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const k: Keys.ClaimKey = { userId, scope, key };
    const claim = await this.claim(k, requestHash);
    if ('replay' in claim) return { result: claim.replay as T, replayed: true };
    try {
      const result = await this.uow.run(async (m) => {
        const value = await work(m);
        // Completes only the claim this request holds: if a stale-claim takeover happened meanwhile, 0 rows,
        // and the whole transaction (the case included) rolls back, so one key never yields two results.
        if (!(await Keys.completeClaim(m, k, claim.token, this.cipher.encrypt(JSON.stringify(value ?? null))))) throw IdempotencyErrors.inFlight();
        return value;
      });
      return { result, replayed: false };
    } catch (e) {
      await Keys.releaseClaim(this.ds, k, claim.token);
      throw e;
    }
  }

  /** A fresh claim (with its token), or the stored answer of a completed request with the same body. */
  private async claim(k: Keys.ClaimKey, requestHash: string): Promise<{ token: string } | { replay: unknown }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const token = randomUUID();
      if (await Keys.insertClaim(this.ds, k, requestHash, token)) return { token };
      const row = await Keys.keyState(this.ds, k, STALE_CLAIM_SECONDS);
      if (!row) continue; // the holder failed and released it meanwhile
      if (row.request_hash !== requestHash) throw IdempotencyErrors.reused();
      if (row.status === 'done') return { replay: JSON.parse(this.cipher.decrypt(row.response_enc!)) };
      if (!row.stale) throw IdempotencyErrors.inFlight();
      if (await Keys.retakeStaleClaim(this.ds, k, STALE_CLAIM_SECONDS, token)) return { token };
    }
    throw IdempotencyErrors.inFlight();
  }
}
