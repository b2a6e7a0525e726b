import { copyBlockedBy, copyReportRequired } from '../domain/copy-report';

describe('ARL 79(2) 抄告 rules', () => {
  it('applies to a work department of the district government, not to a street/town government', () => {
    expect(copyReportRequired('department')).toBe(true);
    expect(copyReportRequired('township_gov')).toBe(false);
  });

  it('needs the superior configured first, then the copied document issued', () => {
    expect(copyBlockedBy({ source: 'decision', superior: ' ', sourceDocumentNumber: null })).toContain('上一级主管部门未配置');
    expect(copyBlockedBy({ source: 'decision', superior: '北京市公安局', sourceDocumentNumber: null })).toBe('行政复议决定书尚未出具，出具后抄告');
    expect(copyBlockedBy({ source: 'opinion-letter', superior: '北京市公安局', sourceDocumentNumber: null })).toBe('行政复议意见书尚未出具，出具后抄告');
    expect(copyBlockedBy({ source: 'decision', superior: '北京市公安局', sourceDocumentNumber: '通复决字〔2026〕第3号' })).toBeNull();
  });
});
