import { packagedCalendar } from '@fuyi/deadlines';
import {
  isCoDefendant, LetterAction, LetterState, nextLetterState, nextNoticeState, NoticeAction, NoticeState, milestoneOn, headAppeared,
  hasDuplicateHearing, lawsuitBasis, noticeResponseDue, opinionFeedbackDue, type Hearing,
} from '@fuyi/liaison';

const NOTICE_ALLOWED: Record<NoticeState, Partial<Record<NoticeAction, NoticeState>>> = {
  [NoticeState.Draft]: { [NoticeAction.Edit]: NoticeState.Draft, [NoticeAction.Submit]: NoticeState.Submitted },
  [NoticeState.Submitted]: { [NoticeAction.Approve]: NoticeState.Approved, [NoticeAction.Reject]: NoticeState.Draft },
  [NoticeState.Approved]: { [NoticeAction.Send]: NoticeState.Sent, [NoticeAction.Reject]: NoticeState.Draft },
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

  const h = (heldOn: string, kind: Hearing['kind'], head: boolean): Hearing => ({ heldOn, kind, headAppeared: head, note: null });

  it('counts the head as appeared when present at any court hearing, not at a pre-trial mediation session', () => {
    expect(headAppeared([])).toBe(false);
    expect(headAppeared([h('2026-12-01', 'hearing', false), h('2026-12-20', 'hearing', true)])).toBe(true);
    expect(headAppeared([h('2026-12-01', 'mediation', true), h('2026-12-20', 'hearing', false)])).toBe(false);
  });

  it('the same session entered twice is a duplicate; two hearings on different days are not', () => {
    expect(hasDuplicateHearing([h('2026-12-01', 'hearing', false), h('2026-12-01', 'hearing', true)])).toBe(true);
    expect(hasDuplicateHearing([h('2026-12-01', 'mediation', false), h('2026-12-01', 'hearing', true), h('2026-12-09', 'hearing', true)])).toBe(false);
  });

  it.each([
    [{ state: 'served', decisionType: 'uphold', decidedOn: '2026-11-01', servedOn: '2026-11-03' }, { coDefendant: true, since: '2026-11-03', against: 'decision' }],
    [{ state: 'archived', decisionType: 'revoke', decidedOn: '2026-11-01', servedOn: '2026-11-03' }, { coDefendant: false, since: '2026-11-03', against: 'decision' }],
    [{ state: 'decided', decisionType: 'uphold', decidedOn: '2026-11-01' }, null], // not yet effective (ARL 75)
    [{ state: 'served', decisionType: 'uphold', decidedOn: '2026-11-01', servedOn: null }, null],
    [{ state: 'refused' }, { coDefendant: false, since: null, against: 'refusal' }],
    [{ state: 'terminated', closedOn: '2026-11-05' }, { coDefendant: false, since: '2026-11-05', against: 'termination' }],
    [{ state: 'accepted' }, null],
    [{ state: 'abandoned' }, null],
  ])('ALL 26: what a lawsuit after %o may be against', (c, expected) => {
    expect(lawsuitBasis(c)).toEqual(expected);
  });
});

describe('liaison due dates', () => {
  const cal = packagedCalendar();
  it('an opinion letter received 2026-12-08: day 60 is Sat 2027-02-06, rolled to Mon 02-08 and provisional (2027 unpublished)', () => {
    const due = opinionFeedbackDue(cal, '2026-12-08');
    expect(due).toMatchObject({ due: '2027-02-08', provisional: true });
    expect(due.explanation.length).toBeGreaterThan(0);
  });

  it('a risk-notice response counts working days from the day the department received it', () => {
    // Received Tue 2026-09-29: 5 working days end Mon 10-12 across National Day (domain.md §4); received Fri 10-09 → Sat 10-10 (make-up), 10-12..10-15.
    expect(noticeResponseDue(cal, '2026-09-29', 5)).toMatchObject({ due: '2026-10-12', provisional: false });
    expect(noticeResponseDue(cal, '2026-10-09', 5).due).toBe('2026-10-15');
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
