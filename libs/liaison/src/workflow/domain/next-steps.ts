import { LetterState, type LetterKind } from './letter-state';
import { NoticeState } from './risk-notice-state';

/** What an open item of the liaison desk waits for, in words for the desk: the next step and who takes it. */
export interface NextStep {
  nextStep: string;
  waitingFor: string;
}

const HEAD = '机构负责人';
const OFFICER = '府院联络员';

const NOTICE_STEPS: Partial<Record<NoticeState, NextStep>> = {
  [NoticeState.Submitted]: { nextStep: '审批（批准或退回）', waitingFor: HEAD },
  [NoticeState.Approved]: { nextStep: '发送收函部门', waitingFor: OFFICER },
  [NoticeState.Sent]: { nextStep: '部门签收并书面回复', waitingFor: '收函部门' },
  [NoticeState.Acknowledged]: { nextStep: '部门书面回复', waitingFor: '收函部门' },
  [NoticeState.Responded]: { nextStep: '办结', waitingFor: OFFICER },
};

const LETTER_STEPS: Partial<Record<LetterState, NextStep>> = {
  [LetterState.Draft]: { nextStep: '审批制发', waitingFor: HEAD },
  [LetterState.Issued]: { nextStep: '登记受文部门收到日期', waitingFor: OFFICER },
  [LetterState.Received]: { nextStep: '受文部门反馈', waitingFor: '受文部门' },
  [LetterState.FeedbackReceived]: { nextStep: '办结', waitingFor: OFFICER },
};

/** Notice states in which someone still has to act (the liaison view lists these; drafts are their author's). */
export const ACTIONABLE_NOTICE_STATES = Object.keys(NOTICE_STEPS) as NoticeState[];
/** Letter states in which someone still has to act: a draft waits for the office head to issue it. */
export const ACTIONABLE_LETTER_STATES = Object.keys(LETTER_STEPS) as LetterState[];

export const noticeNextStep = (state: NoticeState): NextStep | null => NOTICE_STEPS[state] ?? null;

export function letterNextStep(state: LetterState, kind: LetterKind): NextStep | null {
  const step = LETTER_STEPS[state];
  // ARL 76: only the opinion letter's recipient owes its feedback within 60 days.
  if (step && state === LetterState.Received && kind === 'opinion') return { ...step, nextStep: '受文部门反馈（60日内，《行政复议法》第七十六条）' };
  return step ?? null;
}

/** Notice and letter states whose next step is the liaison officer's own (send, record receipt, close): 待我处理. */
export const OFFICER_NOTICE_STATES = (Object.keys(NOTICE_STEPS) as NoticeState[]).filter((k) => NOTICE_STEPS[k]!.waitingFor === OFFICER);
export const OFFICER_LETTER_STATES = (Object.keys(LETTER_STEPS) as LetterState[]).filter((k) => LETTER_STEPS[k]!.waitingFor === OFFICER);
