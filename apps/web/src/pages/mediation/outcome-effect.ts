import type { MediationFile } from './api';

/** Outcomes (libs/mediation MEDIATION_OUTCOMES), grouped by the action that records them. */
export const OUTCOME_KINDS = {
  record_agreement: [{ value: 'agreement', label: '达成调解协议' }],
  record_withdrawal: [
    { value: 'self_correction', label: '被申请人自行纠正，申请人撤回' },
    { value: 'reconciliation', label: '双方和解，申请人撤回' },
    { value: 'given_up', label: '申请人放弃' },
  ],
  record_failure: [
    { value: 'failure', label: '调解不成' },
    { value: 'backed_out', label: '协议生效前一方反悔' },
  ],
} as const;
export type OutcomeAction = keyof typeof OUTCOME_KINDS;
export type OutcomeKind = (typeof OUTCOME_KINDS)[OutcomeAction][number]['value'];

const WITHDRAWALS: readonly string[] = ['self_correction', 'reconciliation', 'given_up'];
const FAILURES: readonly string[] = ['failure', 'backed_out'];
/** Case states in which a mediated case waits on the mediation (the closing outcomes need one of them). */
const IN_CASE = new Set(['accepted', 'suspended']);

/**
 * What recording `kind` will do to the linked reconsideration case, in the words the mediator reads before confirming.
 * It explains the API's rules (libs/mediation README "Links to the case track"); the API applies them and answers
 * what it did (caseResumed, decisionDue), which the page then shows.
 */
export function outcomeEffect(file: Pick<MediationFile, 'linkedCase' | 'caseSuspendedFrom' | 'applicationDue' | 'source'>, kind: string): string {
  const c = file.linkedCase;
  if (!c) {
    if (FAILURES.includes(kind)) {
      const still = file.source === 'intake' && file.applicationDue ? `申请人仍可在 ${file.applicationDue} 前申请行政复议（《行政复议法》第二十条）。` : '';
      return `调解终结。本案没有关联的行政复议案件，不影响其他程序。${still}`;
    }
    if (kind === 'agreement') return '本案没有关联的行政复议案件：调解协议经各方签字即生效，调解案件结案。';
    return '本案没有关联的行政复议案件：调解案件结案，无需复议机构准予撤回。';
  }
  const name = `关联的复议案件 ${c.caseNumber}（${c.stateLabel}）`;
  if (FAILURES.includes(kind)) {
    if (c.state === 'suspended' && file.caseSuspendedFrom) {
      return `${name}将自今日恢复审理（《行政复议法》第七十三条第二款、第三十九条第二款），行政复议决定期限按中止的天数顺延，确认后显示新的期限。由本案调解员或机构负责人记录时即恢复；否则案件仍中止，由承办人决定是否恢复审理。`;
    }
    if (c.state === 'suspended') return `${name}并非因本次调解中止：案件仍中止，承办人将收到通知，由其决定是否恢复审理。`;
    return `${name}继续按行政复议程序办理，不受影响。`;
  }
  if (!IN_CASE.has(c.state)) return `${name}当前不能记录调解结果，系统将拒绝本操作并说明原因。`;
  if (kind === 'agreement') {
    return `${name}保持中止；调解书经各方签字后，待机构负责人盖章，复议案件即以调解结案（《行政复议法》第七十三条）。`;
  }
  if (WITHDRAWALS.includes(kind)) return `${name}待机构负责人准予撤回后终止（《行政复议法》第四十一条第一项）。`;
  return name;
}
