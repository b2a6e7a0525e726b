import { packagedCalendar } from '@fuyi/deadlines';
import {
  isCoDefendant, LetterAction, LetterState, nextLetterState, nextNoticeState, NoticeAction, NoticeState, milestoneOn, headAppeared,
} from '@fuyi/liaison';

const NOTICE_ALLOWED: Record<NoticeState, Partial<Record<NoticeAction, NoticeState>>> = {
  [NoticeState.Draft]: { [NoticeAction.Edit]: NoticeState.Draft, [NoticeAction.Submit]: NoticeState.Submitted },
  [NoticeState.Submitted]: { [NoticeAction.Approve]: NoticeState.Approved, [NoticeAction.Reject]: NoticeState.Draft },
  [NoticeState.Approved]: { [NoticeAction.Send]: NoticeState.Sent },
  [NoticeState.Sent]: { [NoticeAction.Acknowledge]: NoticeState.Acknowledged, [NoticeAction.Respond]: NoticeState.Responded },
  [NoticeState.Acknowledged]: { [NoticeAction.Respond]: NoticeState.Responded },
  [NoticeState.Responded]: { [NoticeAction.Close]: NoticeState.Closed },
  [NoticeState.Closed]: {},
};

const LETTER_ALLOWED: Record<LetterState, Partial<Record<LetterAction, LetterState>>> = {
  [LetterState.Draft]: { [LetterAction.Edit]: LetterState.Draft, [LetterAction.Issue]: LetterState.Issued },
  [LetterState.Issued]: { [LetterAction.Receive]: LetterState.Received },
  [LetterState.Received]: { [LetterAction.Feedback]: LetterState.FeedbackReceived },
  [LetterState.FeedbackReceived]: { [LetterAction.Close]: LetterState.Closed },
  [LetterState.Closed]: {},
};

describe('risk notice state machine', () => {
  const pairs = Object.values(NoticeState).flatMap((s) => Object.values(NoticeAction).map((a) => [s, a] as const));
  it.each(pairs)('%s × %s', (state, action) => {
    expect(nextNoticeState(state, action)).toBe(NOTICE_ALLOWED[state][action] ?? null);
  });

  it('stays sent until every department has acknowledged, and acknowledged until every one has responded', () => {
    expect(nextNoticeState(NoticeState.Sent, NoticeAction.Acknowledge, { allAcknowledged: false, allResponded: false })).toBe(NoticeState.Sent);
    expect(nextNoticeState(NoticeState.Sent, NoticeAction.Respond, { allAcknowledged: false, allResponded: false })).toBe(NoticeState.Sent);
    expect(nextNoticeState(NoticeState.Sent, NoticeAction.Respond, { allAcknowledged: true, allResponded: false })).toBe(NoticeState.Acknowledged);
    expect(nextNoticeState(NoticeState.Acknowledged, NoticeAction.Respond, { allAcknowledged: true, allResponded: false })).toBe(NoticeState.Acknowledged);
  });
});

describe('letter state machine', () => {
  const pairs = Object.values(LetterState).flatMap((s) => Object.values(LetterAction).map((a) => [s, a] as const));
  it.each(pairs)('%s × %s', (state, action) => {
    expect(nextLetterState(state, action)).toBe(LETTER_ALLOWED[state][action] ?? null);
  });
});

describe('litigation rules', () => {
  it.each([
    ['uphold', true], ['reject_request', true], ['revoke', false], ['change', false], ['confirm_illegal', false], ['dismiss_application', false], [null, false],
  ])('ALL 26(2): decision %s → co-defendant %s', (type, expected) => {
    expect(isCoDefendant(type)).toBe(expected);
  });

  it('counts the head as appeared when present at any hearing', () => {
    expect(headAppeared([])).toBe(false);
    expect(headAppeared([{ heldOn: '2026-12-01', kind: 'hearing', headAppeared: false, note: null }, { heldOn: '2026-12-20', kind: 'hearing', headAppeared: true, note: null }])).toBe(true);
  });
});

describe('liaison reminder milestones', () => {
  const cal = packagedCalendar();
  it('3 working days before (across National Day), on the due day, overdue after it', () => {
    // Due Mon 2026-10-12: working days before are Sat 10-10 (make-up), Fri 10-09, Thu 10-08.
    expect(milestoneOn(cal, '2026-10-12', '2026-10-07')).toBeNull();
    expect(milestoneOn(cal, '2026-10-12', '2026-10-08')).toBe('before-3');
    expect(milestoneOn(cal, '2026-10-12', '2026-10-12')).toBe('due');
    expect(milestoneOn(cal, '2026-10-12', '2026-10-13')).toBe('overdue');
  });
});
