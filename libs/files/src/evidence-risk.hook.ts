import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseRiskHooks, type CaseRisk, type CaseRiskHook } from '@fuyi/cases';
import { replyEvidenceRisk } from './domain/evidence-risk';
import * as StoredFiles from './stores/stored-files.store';

/**
 * ARL 70 on the case resource: a reply recorded (RespondentService.replyReceived: the reply clock's one path) without
 * respondent evidence received by the reply's due date. Evidence is a stored file of kind respondent-evidence, or the
 * evidence the reply itself listed (`documents` of the reply_received event: paper handed in with the reply, recorded
 * before files could be uploaded).
 */
@Injectable()
export class EvidenceRiskHook implements CaseRiskHook, OnModuleInit {
  constructor(private readonly hooks: CaseRiskHooks) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async risksOf(m: Pick<EntityManager, 'query'>, caseId: string): Promise<CaseRisk[]> {
    const reply = await StoredFiles.latestReply(m, caseId);
    if (!reply) return [];
    const evidenceReceivedOn = (await StoredFiles.caseEvidence(m, caseId)).map((f) => f.received_on);
    if (Number(reply.listed) > 0 && reply.received_on !== null) evidenceReceivedOn.push(reply.received_on);
    const risk = replyEvidenceRisk({ replyReceivedOn: reply.received_on, replyDue: reply.due, evidenceReceivedOn });
    return risk ? [{ ...risk, article: '《行政复议法》第七十条' }] : [];
  }
}
