import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, DEV_AUDIT_KEY, type AppConfig } from '../config/app-config';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../crypto/canonical-json';
import type { Actor } from '@fuyi/kernel';
import { RequestContext } from '../context/request-context';
import * as AuditLog from './audit-log.store';

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId: string;
  summary?: Record<string, unknown>;
  /** Who did it, passed by the caller (issue 19 item 3); null when no one is signed in (a failed login, the system). */
  actor: Pick<Actor, 'userId' | 'role'> | null;
  /** Chain to append to; defaults to the subject. */
  chain?: string;
}

export interface AuditHashFields {
  chain: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: Record<string, unknown>;
  requestId: string | null;
  /** The caller's own X-Request-Id, kept apart from the server's id (issue 14 item 6); hashed only when present. */
  clientRequestId?: string | null;
  prevHash: string | null;
}

export function auditHash(f: AuditHashFields): string {
  const { clientRequestId, ...rest } = f;
  // Rows written before client ids were kept have no such field: leaving it out when empty keeps their hashes valid.
  const material = canonicalJson({ ...rest, ...(clientRequestId ? { clientRequestId } : {}), occurredAt: f.occurredAt.toISOString() });
  return createHash('sha256').update(material).digest('hex');
}

/**
 * Writes audit rows inside the caller's transaction. Each subject has its own hash chain:
 * a transaction-scoped advisory lock on the chain serialises writers of that subject only.
 */
/** The seal of a chain head: only a holder of AUDIT_KEY (never stored in the database) can make one. */
export function auditHeadMac(key: Buffer, chain: string, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`${chain}\n${seq}\n${hash}`).digest('hex');
}

@Injectable()
export class AuditService {
  private readonly key: Buffer;

  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    this.key = config?.auditKey ?? Buffer.from(DEV_AUDIT_KEY, 'base64');
  }

  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    const actor = input.actor;
    const chain = input.chain ?? `${input.subjectType}:${input.subjectId}`;
    await AuditLog.lockChain(manager, chain);
    const last = await AuditLog.chainTail(manager, chain);
    const fields: AuditHashFields = {
      chain,
      seq: last ? Number(last.seq) + 1 : 1,
      occurredAt: new Date(), // wall clock on purpose: the audit trail records when it really happened; milliseconds kept exactly, so the hash verifies
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      // Normalised as jsonb will store it (undefined keys dropped, Dates as strings) so the hash verifies later.
      summary: JSON.parse(JSON.stringify(input.summary ?? {})),
      requestId: RequestContext.requestId(),
      clientRequestId: RequestContext.current()?.clientRequestId ?? null,
      prevHash: last ? String(last.hash) : null,
    };
    const hash = auditHash(fields);
    await AuditLog.insertAuditRow(manager, { ...fields, clientRequestId: fields.clientRequestId ?? null, hash });
    // The sealed head moves with the chain, in the same transaction (the advisory lock above serialises it).
    await AuditLog.moveHead(manager, chain, fields.seq, hash, auditHeadMac(this.key, chain, fields.seq, hash));
  }
}
