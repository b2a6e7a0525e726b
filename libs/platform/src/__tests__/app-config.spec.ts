import { loadConfig } from '../config/app-config';

/** Settings are checked at startup: a typo stops the process with a Chinese message naming the variable. */
describe('loadConfig: mediation and group-dispute settings', () => {
  const load = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'test', ...env });

  it('defaults when unset', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect(c.groupDispute).toEqual({ minRecords: 5, windowDays: 30, similarity: 0.5, scanMs: 60_000 });
    expect([c.mediationDaysBeforeFiling, c.mediationDaysInCase]).toEqual([30, 15]);
  });

  it('takes valid values', () => {
    const c = loadConfig({ NODE_ENV: 'test', GROUP_DISPUTE_MIN_RECORDS: '8', GROUP_DISPUTE_SIMILARITY: '0.65', MEDIATION_DAYS_IN_CASE: '20' });
    expect(c.groupDispute).toMatchObject({ minRecords: 8, similarity: 0.65 });
    expect(c.mediationDaysInCase).toBe(20);
  });

  it.each([
    ['GROUP_DISPUTE_MIN_RECORDS', 'abc'],
    ['GROUP_DISPUTE_MIN_RECORDS', '1'],
    ['GROUP_DISPUTE_MIN_RECORDS', '5.5'],
    ['GROUP_DISPUTE_WINDOW_DAYS', '0'],
    ['GROUP_DISPUTE_WINDOW_DAYS', '400'],
    ['GROUP_DISPUTE_SIMILARITY', '1.5'],
    ['GROUP_DISPUTE_SIMILARITY', 'high'],
    ['GROUP_DISPUTE_SIMILARITY', '0'],
    ['GROUP_DISPUTE_SCAN_MS', ''],
    ['GROUP_DISPUTE_SCAN_MS', '10'],
    ['MEDIATION_DAYS_BEFORE_FILING', '-3'],
    ['MEDIATION_DAYS_BEFORE_FILING', ' '],
    ['MEDIATION_DAYS_IN_CASE', '7.5'],
    ['MEDIATION_DAYS_IN_CASE', 'NaN'],
  ])('%s=%j stops the start with CONFIG_INVALID naming it', (name, value) => {
    expect(load({ [name]: value })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(`${name} 应为`) }));
  });

  it('names every wrong setting at once', () => {
    expect(load({ GROUP_DISPUTE_MIN_RECORDS: 'abc', MEDIATION_DAYS_IN_CASE: '0' })).toThrow(/MEDIATION_DAYS_IN_CASE.*；.*GROUP_DISPUTE_MIN_RECORDS/);
  });
});
