import { rawCounted, rawExec, rawRows, type RowOf, type SqlRunner } from '../database/typed-sql';

/**
 * idempotency_keys (one row per user, scope and Idempotency-Key: the claim while the first request runs, then its
 * encrypted answer), typed through the generated schema (issue 19 item 2).
 */

export interface ClaimKey {
  userId: string;
  scope: string;
  key: string;
}

/** The claim this request holds (its token), still in flight: completing or releasing touches nothing else. */
const HELD = `user_id = $1 AND scope = $2 AND key = $3 AND status = 'in_flight' AND claim_token = $4`;

/** A fresh claim; false when the key already has a row. */
export async function insertClaim(m: SqlRunner, k: ClaimKey, requestHash: string, token: string): Promise<boolean> {
  const rows = await rawRows<RowOf<'idempotency_keys', 'key'>>(
    m,
    `INSERT INTO idempotency_keys (user_id, scope, key, request_hash, status, claim_token) VALUES ($1, $2, $3, $4, 'in_flight', $5)
         ON CONFLICT DO NOTHING RETURNING key`,
    [k.userId, k.scope, k.key, requestHash, token],
  );
  return rows.length > 0;
}

export type KeyStateRow = RowOf<'idempotency_keys', 'request_hash' | 'status' | 'response_enc'> & { stale: boolean };

/** The key's row, with whether its claim is older than `staleSeconds` (by the database's clock). */
export async function keyState(m: SqlRunner, k: ClaimKey, staleSeconds: number): Promise<KeyStateRow | undefined> {
  const [row] = await rawRows<KeyStateRow>(
    m,
    `SELECT request_hash, status, response_enc, created_at < now() - make_interval(secs => $4) AS stale
           FROM idempotency_keys WHERE user_id = $1 AND scope = $2 AND key = $3`,
    [k.userId, k.scope, k.key, staleSeconds],
  );
  return row;
}

/** Takes over a claim in flight for longer than `staleSeconds` (its holder is presumed gone); false when it is not. */
export async function retakeStaleClaim(m: SqlRunner, k: ClaimKey, staleSeconds: number, token: string): Promise<boolean> {
  const { affected } = await rawCounted<RowOf<'idempotency_keys', 'key'>>(
    m,
    `UPDATE idempotency_keys SET created_at = now(), claim_token = $5 WHERE user_id = $1 AND scope = $2 AND key = $3
            AND status = 'in_flight' AND created_at < now() - make_interval(secs => $4) RETURNING key`,
    [k.userId, k.scope, k.key, staleSeconds, token],
  );
  return affected > 0;
}

/** Stores the answer on the claim this request holds; false when the claim was taken over meanwhile. */
export async function completeClaim(m: SqlRunner, k: ClaimKey, token: string, responseEnc: string): Promise<boolean> {
  const { affected } = await rawCounted<RowOf<'idempotency_keys', 'key'>>(
    m,
    `UPDATE idempotency_keys SET status = 'done', response_enc = $5, completed_at = now() WHERE ${HELD} RETURNING key`,
    [k.userId, k.scope, k.key, token, responseEnc],
  );
  return affected > 0;
}

/** Releases the claim this request holds (its work failed): the key may be used again. */
export async function releaseClaim(m: SqlRunner, k: ClaimKey, token: string): Promise<void> {
  await rawExec(m, `DELETE FROM idempotency_keys WHERE ${HELD}`, [k.userId, k.scope, k.key, token]);
}
