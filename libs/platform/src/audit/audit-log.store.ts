import { qb, rawExec, rawRows, run, runFirst, type RowOf, type SqlRunner } from '../database/typed-sql';
import type { AuditHashFields } from './audit.service';

/**
 * audit_log (one hash chain per subject) and audit_heads (each chain's sealed head), typed through the generated schema
 * (issue 19 item 2). Writes run in the caller's transaction, serialised per chain by `lockChain`.
 */

/** Serialises the writers of one chain until the caller's transaction ends. */
export async function lockChain(m: SqlRunner, chain: string): Promise<void> {
  await rawExec(m, 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [chain]);
}

/** The chain's last row (its seq and hash), if any. */
export function chainTail(m: SqlRunner, chain: string): Promise<RowOf<'audit_log', 'seq' | 'hash'> | undefined> {
  return runFirst(m, qb.selectFrom('audit_log').select(['seq', 'hash']).where('chain', '=', chain).orderBy('seq', 'desc').limit(1));
}

/** A row as the chain records it: the hashed fields (audit.service.ts) with the hash they give. */
export type AuditRowInsert = Omit<AuditHashFields, 'clientRequestId'> & { clientRequestId: string | null; hash: string };

export async function insertAuditRow(m: SqlRunner, r: AuditRowInsert): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO audit_log (chain, seq, occurred_at, actor_id, actor_role, action, subject_type, subject_id, summary, request_id, client_request_id, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      r.chain,
      r.seq,
      r.occurredAt,
      r.actorId,
      r.actorRole,
      r.action,
      r.subjectType,
      r.subjectId,
      r.summary,
      r.requestId,
      r.clientRequestId,
      r.prevHash,
      r.hash,
    ],
  );
}

/** Moves the chain's sealed head to its new last row. */
export async function moveHead(m: SqlRunner, chain: string, seq: number, hash: string, mac: string): Promise<void> {
  await rawExec(
    m,
    `INSERT INTO audit_heads (chain, seq, hash, mac) VALUES ($1, $2, $3, $4)
       ON CONFLICT (chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, mac = EXCLUDED.mac, updated_at = now()`,
    [chain, seq, hash, mac],
  );
}

export function allHeads(m: SqlRunner): Promise<Array<RowOf<'audit_heads', 'chain' | 'seq' | 'hash' | 'mac'>>> {
  return run(m, qb.selectFrom('audit_heads').select(['chain', 'seq', 'hash', 'mac']));
}

export type AuditRow = RowOf<
  'audit_log',
  | 'chain'
  | 'seq'
  | 'occurred_at'
  | 'actor_id'
  | 'actor_role'
  | 'action'
  | 'subject_type'
  | 'subject_id'
  | 'summary'
  | 'request_id'
  | 'client_request_id'
  | 'prev_hash'
  | 'hash'
>;

/** The rows after (chain, seq) in chain order: one batch of a full verification. */
export function auditRowsAfter(m: SqlRunner, chain: string, seq: number, batchSize: number): Promise<AuditRow[]> {
  return rawRows<AuditRow>(
    m,
    `SELECT chain, seq, occurred_at, actor_id, actor_role, action, subject_type, subject_id, summary, request_id, client_request_id, prev_hash, hash
         FROM audit_log WHERE (chain, seq) > ($1, $2) ORDER BY chain, seq LIMIT $3`,
    [chain, seq, batchSize],
  );
}
