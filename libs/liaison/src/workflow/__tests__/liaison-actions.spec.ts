import { Role } from '@fuyi/kernel';
import { allowedLetterActions, allowedNoticeActions, LETTER_ACTION_ROLES, LIAISON_FILE_WRITE, NOTICE_ACTION_ROLES } from '../domain/liaison-actions';
import { LetterAction, LetterState, nextLetterState } from '../domain/letter-state';
import { NoticeAction, NoticeState, nextNoticeState } from '../domain/risk-notice-state';

/** Some department still owes both its acknowledgement and its response. */
const OWING = { allAcknowledged: false, allResponded: false };
const names = (xs: Array<{ action: string }>) => xs.map((x) => x.action);

describe('liaison allowedActions (issue 11 item 5)', () => {
  it('a risk notice offers exactly the moves its machine and the route roles admit', () => {
    for (const state of Object.values(NoticeState)) {
      for (const role of Object.values(Role)) {
        const expected: string[] = Object.values(NoticeAction).filter((a) => nextNoticeState(state, a) !== null && NOTICE_ACTION_ROLES[a].includes(role));
        // Materials are added by the liaison officers until the notice is closed (issue 18 item 1).
        if (LIAISON_FILE_WRITE.includes(role) && state !== NoticeState.Closed) expected.push('upload_file');
        expect([state, role, names(allowedNoticeActions(role, state, OWING))]).toEqual([state, role, expected]);
      }
    }
  });

  it('a letter likewise', () => {
    for (const state of Object.values(LetterState)) {
      for (const role of Object.values(Role)) {
        const expected: string[] = Object.values(LetterAction).filter((a) => nextLetterState(state, a) !== null && LETTER_ACTION_ROLES[a].includes(role));
        if (LIAISON_FILE_WRITE.includes(role) && state !== LetterState.Closed) expected.push('upload_file');
        expect([state, role, names(allowedLetterActions(role, state))]).toEqual([state, role, expected]);
      }
    }
  });

  it('the officer drafts and records, the office head approves; readers act on nothing', () => {
    expect(names(allowedNoticeActions(Role.LiaisonOfficer, NoticeState.Draft, OWING))).toEqual(['edit', 'submit', 'upload_file']);
    expect(names(allowedNoticeActions(Role.OfficeHead, NoticeState.Submitted, OWING))).toEqual(['approve', 'reject']);
    expect(names(allowedNoticeActions(Role.OfficeHead, NoticeState.Approved, OWING))).toEqual(['reject']);
    expect(names(allowedNoticeActions(Role.LiaisonOfficer, NoticeState.Approved, OWING))).toEqual(['send', 'upload_file']);
    expect(names(allowedNoticeActions(Role.LiaisonOfficer, NoticeState.Acknowledged, OWING))).toEqual(['respond', 'upload_file']);
    expect(names(allowedLetterActions(Role.OfficeHead, LetterState.Draft))).toEqual(['issue']);
    expect(allowedLetterActions(Role.LiaisonOfficer, LetterState.Received)).toEqual([
      { action: 'feedback', label: '登记反馈', article: '《行政复议法》第七十六条' },
      { action: 'upload_file', label: '上传材料' },
    ]);
    expect(names(allowedLetterActions(Role.LiaisonOfficer, LetterState.Closed))).toEqual([]);
    expect(names(allowedNoticeActions(Role.LiaisonOfficer, NoticeState.Closed, OWING))).toEqual([]);
    for (const role of [Role.ReconsiderationClerk, Role.SectionChief]) {
      for (const s of Object.values(NoticeState)) expect(allowedNoticeActions(role, s, OWING)).toEqual([]);
      for (const s of Object.values(LetterState)) expect(allowedLetterActions(role, s)).toEqual([]);
    }
  });

  it('acknowledge and respond are offered only while some recipient department still owes them', () => {
    const officer = Role.LiaisonOfficer;
    expect(names(allowedNoticeActions(officer, NoticeState.Sent, OWING))).toEqual(['acknowledge', 'respond', 'upload_file']);
    expect(names(allowedNoticeActions(officer, NoticeState.Sent, { allAcknowledged: true, allResponded: false }))).toEqual(['respond', 'upload_file']);
    expect(names(allowedNoticeActions(officer, NoticeState.Sent, { allAcknowledged: true, allResponded: true }))).toEqual(['upload_file']);
    expect(names(allowedNoticeActions(officer, NoticeState.Acknowledged, { allAcknowledged: true, allResponded: true }))).toEqual(['upload_file']);
  });
});
