import { CaseState, CASE_STATE_LABELS } from './case-state';

/**
 * The public lookup's plain-Chinese account of where a case stands (issue 17 item 4): the stage, why, the next legal
 * step, its due date and the article. Plain data from the stage and the open clocks only: nothing personal, nothing
 * from the file (the decision draft, the requests) — the applicant sees what the law says happens next.
 */
export interface PublicClock { rule: string; dueDate: string; status: 'running' | 'paused'; provisional: boolean; extensionDays: number }
export interface PublicStageInput { state: CaseState; procedure: string | null; suspensionGround: number | null; clocks: PublicClock[] }
export interface NextStep { action: string; due: string | null; provisional: boolean; basis: string; note?: string }
export interface PublicStage { stage: CaseState; stageLabel: string; explanation: string; nextStep: NextStep | null }

/** ARL 39(1): each ground of suspension as an applicant would say it. */
const SUSPENSION_PLAIN: Record<number, string> = {
  1: '申请人死亡，正在确定其近亲属是否参加复议',
  2: '申请人丧失行为能力，正在确定法定代理人',
  3: '申请人下落不明',
  4: '申请人单位终止，正在确定权利义务承受人',
  5: '当事人因不可抗力或者其他正当理由暂时不能参加复议',
  6: '当事人正在调解',
  7: '案件涉及的法律适用问题正等待有权机关解释或者确认',
  8: '案件需要以其他案件的审理结果为依据，该案尚未审结',
  9: '正在对有关规范性文件或者依据进行审查处理',
  10: '有其他需要中止的情形',
};

const PROVISIONAL_NOTE = '该日期按尚未公布的节假日安排推算，公布后可能调整。';

function step(action: string, clock: PublicClock | undefined, basis: string): NextStep {
  return { action, due: clock?.dueDate ?? null, provisional: clock?.provisional ?? false, basis };
}

export function explainStage(x: PublicStageInput): PublicStage {
  const clock = (...rules: string[]) => x.clocks.find((k) => rules.includes(k.rule));
  const decisionClock = clock('decision', 'decision-simplified');
  const decisionBasis = x.procedure === 'simplified' ? '《行政复议法》第六十二条第二款：简易程序自受理之日起30日内作出决定' : '《行政复议法》第六十二条第一款：自受理之日起60日内作出决定，经批准可延长一次、最多30日';
  let explanation: string;
  let next: NextStep | null = null;
  switch (x.state) {
    case CaseState.Registered:
      explanation = '受理审查中：复议机构自收到申请之日起5个工作日内审查决定是否受理；期满未作决定的，视为受理。';
      next = step('作出是否受理的决定', clock('acceptance-review'), '《行政复议法》第三十条');
      break;
    case CaseState.CorrectionRequested:
      explanation = '等待补正：请按补正通知书的要求，自收到通知之日起10个工作日内提交补正材料；无正当理由逾期不补正的，视为放弃申请。';
      next = step('申请人提交补正材料', clock('applicant-correction'), '《行政复议法》第三十一条');
      break;
    case CaseState.Accepted: {
      const reply = clock('respondent-reply', 'simplified-reply');
      const copy = clock('copy-to-respondent', 'simplified-copy');
      explanation = copy ? '已受理：复议机构正在将申请书副本发送被申请人。'
        : reply ? '已受理：被申请人应在收到申请书副本之日起提出书面答复并提交作出行政行为的证据、依据。'
          : '已受理：复议机构正在审理。';
      if (decisionClock && decisionClock.extensionDays > 0) explanation += `经批准，审理期限已延长${decisionClock.extensionDays}日。`;
      next = step('作出行政复议决定', decisionClock, decisionBasis);
      break;
    }
    case CaseState.Suspended: {
      const why = SUSPENSION_PLAIN[x.suspensionGround ?? 10] ?? SUSPENSION_PLAIN[10];
      explanation = `中止审理：${why}，恢复后顺延。中止期间不计入审理期限。`;
      const cap = clock('suspension-cap');
      next = cap
        ? step('中止满60日原因仍未消除的，终止行政复议', cap, '《行政复议法》第三十九条、第四十一条')
        : { action: '中止原因消除后恢复审理，审理期限接续计算', due: null, provisional: false, basis: '《行政复议法》第三十九条' };
      break;
    }
    case CaseState.DecisionPending:
      explanation = '审理已基本完成，行政复议决定正在按程序审批。';
      next = step('作出行政复议决定', decisionClock, decisionBasis);
      break;
    case CaseState.Decided:
      explanation = '已作出行政复议决定，正在送达；决定书自送达之日起发生法律效力。';
      next = { action: '送达行政复议决定书', due: null, provisional: false, basis: '《行政复议法》第七十五条' };
      break;
    case CaseState.Served:
      explanation = '行政复议决定书已送达，发生法律效力。对决定不服的，可以自收到决定书之日起15日内向人民法院提起行政诉讼。';
      next = step('起诉期限届满（以本人收到决定书之日起算）', clock('lawsuit'), '《行政诉讼法》第四十五条');
      break;
    case CaseState.Refused:
      explanation = '不予受理：复议机构已决定不予受理，理由见不予受理决定书；对此不服的，可以依法向人民法院提起行政诉讼。';
      break;
    case CaseState.Abandoned:
      explanation = '视为放弃申请：未在补正期限内提交补正材料，且无正当理由。';
      break;
    case CaseState.Terminated:
      explanation = '行政复议已终止（例如申请人撤回申请并经准许），案件办结。';
      break;
    case CaseState.Mediated:
      explanation = '调解结案：调解书经各方当事人签字、复议机关加盖印章后生效，案件办结。';
      break;
    case CaseState.Archived:
      explanation = '案件已办结并归档。';
      break;
    default:
      explanation = '案件正在办理中。';
  }
  if (next?.provisional) next = { ...next, note: PROVISIONAL_NOTE };
  return { stage: x.state, stageLabel: CASE_STATE_LABELS[x.state], explanation, nextStep: next };
}
