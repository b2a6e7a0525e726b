import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseRiskHooks, type CaseRisk, type CaseRiskHook } from '@fuyi/cases';
import { replyEvidenceRisk } from './domain/evidence-risk';

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
    const [reply] = await m.query(
      `SELECT e.data->>'receivedOn' AS received_on, COALESCE(jsonb_array_length(e.data->'documents'), 0) AS listed,
              (SELECT k.due_date FROM case_clocks k WHERE k.case_id = e.case_id AND k.rule IN ('respondent-reply', 'simplified-reply')
                ORDER BY k.start_date DESC LIMIT 1) AS due
         FROM case_events e WHERE e.case_id = $1 AND e.type = 'reply_received' ORDER BY e.id DESC LIMIT 1`,
      [caseId],
    );
    if (!reply) return [];
    const files = await m.query(`SELECT received_on FROM stored_files WHERE owner_type = 'case' AND owner_id = $1 AND kind = 'respondent-evidence'`, [caseId]);
    const evidenceReceivedOn: string[] = files.map((f: { received_on: string }) => f.received_on);
    if (Number(reply.listed) > 0) evidenceReceivedOn.push(reply.received_on);
    const risk = replyEvidenceRisk({ replyReceivedOn: reply.received_on, replyDue: reply.due, evidenceReceivedOn });
    return risk ? [{ ...risk, article: '《行政复议法》第七十条' }] : [];
  }
}
