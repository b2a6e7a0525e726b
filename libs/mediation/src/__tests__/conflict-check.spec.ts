import { conflictOf, normaliseName } from '../domain/conflict-check';

describe('mediator conflict check', () => {
  const mediator = { departmentIds: [7], departmentNames: ['区市场监督管理局'], partyIndexes: ['abc'], partyNames: ['王小明', '王五'] };
  it.each([
    ['the respondent department', { respondentDepartmentId: 7, parties: [] }, 'respondent_department'],
    ['a party by ID number', { respondentDepartmentId: 1, parties: [{ name: '李四', idIndex: 'abc' }] }, 'party'],
    ['a party by name', { respondentDepartmentId: 1, parties: [{ name: ' 王小明 ', idIndex: null }] }, 'party'],
    ['a party by name with an inner space', { respondentDepartmentId: 1, parties: [{ name: '王 五', idIndex: null }] }, 'party'],
    ['a party by name with an ideographic space', { respondentDepartmentId: 1, parties: [{ name: '王\u3000五', idIndex: null }] }, 'party'],
    ['a party by name with a bracketed remark', { respondentDepartmentId: 1, parties: [{ name: '王五（申请人）', idIndex: null }] }, 'party'],
    ['a respondent party named like a conflicting department', { respondentDepartmentId: 1, parties: [{ name: '区市场 监督管理局', idIndex: null }] }, 'respondent_department'],
    ['nobody', { respondentDepartmentId: 1, parties: [{ name: '李四', idIndex: 'def' }] }, null],
    ['a longer name that only contains a related one', { respondentDepartmentId: 1, parties: [{ name: '王五一', idIndex: null }] }, null],
    ['no respondent yet', { respondentDepartmentId: null, parties: [] }, null],
  ])('links to %s', (_, file, expected) => {
    expect(conflictOf(mediator, file)).toBe(expected);
  });

  it.each([
    ['王 五', '王五'], ['王\u3000五', '王五'], ['王五（申请人）', '王五'], ['王五(代理人)', '王五'], ['ＡＢＣ公司', 'abc公司'], ['艾力·买买提', '艾力买买提'], ['\u200b王五\t', '王五'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it('an empty name never matches an empty conflict entry', () => {
    expect(conflictOf({ departmentIds: [], partyIndexes: [], partyNames: ['（）'] }, { respondentDepartmentId: null, parties: [{ name: '（无）', idIndex: null }] })).toBeNull();
  });
});
