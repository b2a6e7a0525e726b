import type { DataSource } from 'typeorm';
import { timingSafeEqual } from 'node:crypto';
import { auditHash, auditHeadMac } from './audit.service';
import { DEV_AUDIT_KEY } from '../config/app-config';
import * as AuditLog from './audit-log.store';

export interface ChainBreak {
  chain: string;
  seq: number;
  /**
   * truncated: the sealed head points past the chain's last row (rows removed from its end, or the whole chain);
   * head_mismatch: the last row is not the one the head sealed; head_forged: the seal does not verify (head moved by
   * hand); unanchored: rows without a head.
   */
  reason: 'hash_mismatch' | 'broken_link' | 'gap' | 'truncated' | 'head_mismatch' | 'head_forged' | 'unanchored';
}

export interface AuditVerification {
  chains: number;
  rows: number;
  breaks: ChainBreak[];
}

/** Recomputes every chain; a row changed or removed behind the application's back shows up as a break. */
export async function verifyAuditChains(ds: DataSource, batchSize = 5000, key: Buffer = Buffer.from(DEV_AUDIT_KEY, 'base64')): Promise<AuditVerification> {
  const heads = new Map<string, { seq: number; hash: string; mac: string | null }>();
  for (const h of await AuditLog.allHeads(ds)) heads.set(h.chain, { seq: Number(h.seq), hash: h.hash, mac: h.mac });
  const lastOf = new Map<string, { seq: number; hash: string }>();
  const breaks: ChainBreak[] = [];
  let rows = 0;
  const chains = new Set<string>();
  let prev: { chain: string; seq: number; hash: string } | null = null;
  let cursor: [string, number] = ['', 0];
  for (;;) {
    const batch = await AuditLog.auditRowsAfter(ds, cursor[0], cursor[1], batchSize);
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
        action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, summary: r.summary as Record<string, unknown>,
        requestId: r.request_id, clientRequestId: r.client_request_id, prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) breaks.push({ chain: r.chain, seq, reason: 'hash_mismatch' });
      prev = { chain: r.chain, seq, hash: r.hash };
      lastOf.set(r.chain, prev);
    }
    const last = batch[batch.length - 1]!;
    cursor = [last.chain, Number(last.seq)];
  }
  for (const [chain, last] of lastOf) {
    const head = heads.get(chain);
    if (!head) breaks.push({ chain, seq: last.seq, reason: 'unanchored' });
    else if (head.seq > last.seq) breaks.push({ chain, seq: head.seq, reason: 'truncated' });
    else if (head.seq !== last.seq || head.hash !== last.hash) breaks.push({ chain, seq: last.seq, reason: 'head_mismatch' });
  }
  for (const [chain, head] of heads) {
    if (!lastOf.has(chain)) breaks.push({ chain, seq: head.seq, reason: 'truncated' }); // every row of the chain is gone
    if (head.mac !== null && !sameHex(head.mac, auditHeadMac(key, chain, head.seq, head.hash))) breaks.push({ chain, seq: head.seq, reason: 'head_forged' });
  }
  return { chains: chains.size, rows, breaks };
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
