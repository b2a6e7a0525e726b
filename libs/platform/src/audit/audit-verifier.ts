import type { DataSource } from 'typeorm';
import { auditHash } from './audit.service';

export interface ChainBreak {
  chain: string;
  seq: number;
  reason: 'hash_mismatch' | 'broken_link' | 'gap';
}

export interface AuditVerification {
  chains: number;
  rows: number;
  breaks: ChainBreak[];
}

/** Recomputes every chain; a row changed or removed behind the application's back shows up as a break. */
export async function verifyAuditChains(ds: DataSource, batchSize = 5000): Promise<AuditVerification> {
  const breaks: ChainBreak[] = [];
  let rows = 0;
  const chains = new Set<string>();
  let prev: { chain: string; seq: number; hash: string } | null = null;
  let cursor: [string, number] = ['', 0];
  for (;;) {
    const batch: Array<Record<string, any>> = await ds.query(
      `SELECT chain, seq, occurred_at, actor_id, actor_role, action, subject_type, subject_id, summary, request_id, prev_hash, hash
         FROM audit_log WHERE (chain, seq) > ($1, $2) ORDER BY chain, seq LIMIT $3`,
      [cursor[0], cursor[1], batchSize],
    );
    if (!batch.length) break;
    for (const r of batch) {
      rows++;
      chains.add(r.chain);
      const seq = Number(r.seq);
      const first = !prev || prev.chain !== r.chain;
      if (first ? seq !== 1 : seq !== prev!.seq + 1) breaks.push({ chain: r.chain, seq, reason: 'gap' });
      const expectedPrev = first ? null : prev!.hash;
      if ((r.prev_hash ?? null) !== expectedPrev) breaks.push({ chain: r.chain, seq, reason: 'broken_link' });
      const recomputed = auditHash({
        chain: r.chain, seq, occurredAt: new Date(r.occurred_at), actorId: r.actor_id, actorRole: r.actor_role,
        action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, summary: r.summary,
        requestId: r.request_id, prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) breaks.push({ chain: r.chain, seq, reason: 'hash_mismatch' });
      prev = { chain: r.chain, seq, hash: r.hash };
    }
    const last = batch[batch.length - 1];
    cursor = [last.chain, Number(last.seq)];
  }
  return { chains: chains.size, rows, breaks };
}
