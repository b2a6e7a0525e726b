import { conflictOf } from '../domain/conflict-check';

describe('mediator conflict check', () => {
  const mediator = { departmentIds: [7], partyIndexes: ['abc'], partyNames: ['王小明'] };
  it.each([
    ['the respondent department', { respondentDepartmentId: 7, parties: [] }, 'respondent_department'],
    ['a party by ID number', { respondentDepartmentId: 1, parties: [{ name: '李四', idIndex: 'abc' }] }, 'party'],
    ['a party by name', { respondentDepartmentId: 1, parties: [{ name: ' 王小明 ', idIndex: null }] }, 'party'],
    ['nobody', { respondentDepartmentId: 1, parties: [{ name: '李四', idIndex: 'def' }] }, null],
    ['no respondent yet', { respondentDepartmentId: null, parties: [] }, null],
  ])('links to %s', (_, file, expected) => {
    expect(conflictOf(mediator, file)).toBe(expected);
  });
});
