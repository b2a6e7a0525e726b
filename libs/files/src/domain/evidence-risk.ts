/**
 * ARL 48: the respondent replies and submits its evidence within 10 days of receiving the copy (5, ARL 54 simplified).
 * ARL 70: a respondent that submits no evidence in time is treated as having none for the act under review. The risk is
 * shown once a reply is recorded and no respondent evidence was received by the reply's due date (the reply's own
 * date when no clock is known); the reviewer decides what follows, the system only flags it.
 */
export interface ReplyEvidenceFacts {
  replyReceivedOn: string | null;
  replyDue: string | null;
  evidenceReceivedOn: string[];
}

export type EvidenceRisk = { code: 'ARL70_NO_EVIDENCE' | 'ARL70_EVIDENCE_LATE'; message: string } | null;

export function replyEvidenceRisk(f: ReplyEvidenceFacts): EvidenceRisk {
  if (!f.replyReceivedOn) return null;
  const by = f.replyDue ?? f.replyReceivedOn;
  if (f.evidenceReceivedOn.some((d) => d <= by)) return null;
  if (f.evidenceReceivedOn.length) {
    return { code: 'ARL70_EVIDENCE_LATE', message: `被申请人的证据晚于答复期限（${by}）提交：依《行政复议法》第七十条，可能视为该行政行为没有证据、依据` };
  }
  return { code: 'ARL70_NO_EVIDENCE', message: '被申请人已答复但未提交证据：依《行政复议法》第七十条，可能视为该行政行为没有证据、依据' };
}
