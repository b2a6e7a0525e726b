import { densestWindow, explain, matchRecords, nameSimilarity, ngramSimilarity, normaliseDocumentNumber, type ClusterRecord } from '../domain/cluster-match';
import { planClusters, recordKey, type KnownCluster } from '../domain/cluster-plan';
import { alertText, suggestedRiskNotice } from '../domain/suggested-notice';

const S = { minRecords: 5, windowDays: 30, similarity: 0.5 };
let n = 0;
const rec = (over: Partial<ClusterRecord> = {}): ClusterRecord => {
  n++;
  return { kind: 'case', id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, on: '2026-11-10', townshipId: 1, documentNumber: null, project: null, place: null, label: `通复〔2026〕第${n}号`, ...over };
};

describe('matching two records of one respondent', () => {
  it('document numbers match exactly after normalisation (brackets, 第/号, widths, spaces)', () => {
    expect(normaliseDocumentNumber('通征〔2026〕第7号')).toBe(normaliseDocumentNumber('通征[2026]7 号'));
    expect(normaliseDocumentNumber('通征（2026）7号')).toBe(normaliseDocumentNumber('通征〔2026〕第7号'));
    expect(normaliseDocumentNumber('通征〔2026〕第7号')).not.toBe(normaliseDocumentNumber('通征〔2026〕第17号'));
    const e = matchRecords(rec({ documentNumber: '通征〔2026〕第7号' }), rec({ documentNumber: '通征[2026]第7号' }), S);
    expect(e).toMatchObject({ kind: 'document', score: 1 });
  });

  it('project names: similar on what distinguishes them, not on generic words', () => {
    expect(nameSimilarity('宋庄镇小堡村棚户区改造项目', '宋庄镇小堡村棚改项目')).toBe(1);
    expect(nameSimilarity('小堡村棚户区改造', '宋庄镇小堡村棚户区改造项目')).toBeGreaterThanOrEqual(0.5);
    // Two different projects sharing only the generic words are not the same project.
    expect(nameSimilarity('台湖镇次渠村棚户区改造项目', '宋庄镇小堡村棚户区改造项目')).toBeLessThan(0.3);
    expect(nameSimilarity('棚户区改造项目', '棚户区改造项目')).toBe(1);
    // The town every project in it shares does not make two villages one place.
    expect(nameSimilarity('宋庄镇东西村棚户区改造项目', '宋庄镇东南村拆迁工程')).toBe(0);
    expect(nameSimilarity('宋庄小堡村棚改', '宋庄镇小堡村棚户区改造项目')).toBeGreaterThanOrEqual(0.5);
    expect(nameSimilarity('漷县镇东西村棚改', '宋庄镇东西村棚户区改造项目')).toBe(0);
    expect(nameSimilarity('东西村棚改', '宋庄镇东西村棚户区改造项目')).toBe(1);
    expect(nameSimilarity(null, '小堡村')).toBe(0);
    expect(ngramSimilarity('小堡村', '宋庄镇小堡村')).toBeCloseTo(4 / 7);
  });

  it('prefers the document number, then the project, then the place; nothing shared = no match', () => {
    const a = rec({ documentNumber: '通征〔2026〕第7号', project: '小堡村棚改', place: '宋庄镇小堡村东区' });
    expect(matchRecords(a, rec({ project: '小堡村棚改', place: '宋庄镇小堡村东区' }), S)?.kind).toBe('project');
    expect(matchRecords(a, rec({ place: '宋庄镇小堡村东区3号地块' }), S)?.kind).toBe('place');
    expect(matchRecords(a, rec({ project: '台湖镇次渠村违建拆除', place: '张家湾镇立禅庵村' }), S)).toBeNull();
    expect(matchRecords(rec(), rec(), S)).toBeNull();
  });

  it('tester #8: two named projects that differ do not match on a similar place; a shared document number still does', () => {
    const seeded = rec({ project: '宋庄镇小堡村棚户区改造项目', place: '宋庄镇小堡村' });
    const other = rec({ project: '通运街道运河西岸旧村改造项目', place: '宋庄镇小堡村' });
    expect(nameSimilarity(other.place, seeded.place)).toBeGreaterThanOrEqual(S.similarity); // the places alone would match
    expect(matchRecords(other, seeded, S)).toBeNull();
    expect(matchRecords(rec({ place: '宋庄镇小堡村' }), seeded, S)?.kind).toBe('place'); // no project named: the place decides
    const sameAct = matchRecords({ ...other, documentNumber: '通征〔2026〕第7号' }, { ...seeded, documentNumber: '通征[2026]7号' }, S);
    expect(sameAct).toMatchObject({ kind: 'document', score: 1 });
    // Planned: the other project's record and its two siblings stay out of the seeded cluster.
    const members = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((on) => ({ ...seeded, id: rec().id, on }));
    const siblings = ['2026-11-06', '2026-11-07', '2026-11-08'].map((on) => ({ ...other, id: rec().id, on }));
    const plan = planClusters({
      respondent: 'x', fresh: siblings, candidates: [...members, ...siblings], memberships: new Map(members.map((r) => [recordKey(r), 'c1'])),
      clusters: new Map<string, KnownCluster>([['c1', { id: 'c1', state: 'open', createdAt: '2026-11-05' }]]), settings: S,
    });
    expect(plan).toMatchObject({ creates: [], joins: [], merges: [] });
  });

  it('explains why, naming the respondent, the shared value and the member', () => {
    const other = rec({ label: '通复〔2026〕第12号' });
    expect(explain({ kind: 'project', score: 1, mine: 'xx片区棚户区改造', theirs: 'xx片区棚户区改造' }, '区住房和城乡建设委员会', other))
      .toBe('同一被申请人（区住房和城乡建设委员会），项目名称“xx片区棚户区改造”与成员通复〔2026〕第12号相同');
    expect(explain({ kind: 'place', score: 0.6666, mine: '小堡村东区', theirs: '小堡村东' }, '区住建委', other)).toContain('相近（相似度0.67）');
  });

  it('the densest window of M days that holds the anchor', () => {
    const anchor = { on: '2026-11-10' };
    const dates = ['2026-09-01', '2026-10-15', '2026-10-20', '2026-11-01', '2026-11-20', '2026-12-09', '2026-12-20'].map((on) => ({ on }));
    const w = densestWindow([anchor, ...dates], anchor, 30);
    expect(w.map((x) => x.on)).toEqual(['2026-10-15', '2026-10-20', '2026-11-01', '2026-11-10']);
  });
});

describe('planning clusters', () => {
  const project = (on: string, p = '宋庄镇小堡村棚户区改造项目') => rec({ on, project: p });
  const none = () => ({ memberships: new Map<string, string>(), clusters: new Map<string, KnownCluster>() });

  it('N matching records within M days found one cluster; fewer do not', () => {
    const four = ['2026-11-01', '2026-11-03', '2026-11-05', '2026-11-07'].map((d) => project(d));
    expect(planClusters({ respondent: '区住建委', fresh: four, candidates: four, ...none(), settings: S }).creates).toHaveLength(0);
    const five = [...four, project('2026-11-09')];
    const plan = planClusters({ respondent: '区住建委', fresh: five, candidates: five, ...none(), settings: S });
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]!.members).toHaveLength(5);
    expect(plan.creates[0]).toMatchObject({ keyKind: 'project', keyLabel: '宋庄镇小堡村棚户区改造项目' });
  });

  it('five spread over more than M days are not a group', () => {
    const spread = ['2026-08-01', '2026-08-25', '2026-09-20', '2026-10-15', '2026-11-10'].map((d) => project(d));
    expect(planClusters({ respondent: 'x', fresh: spread, candidates: spread, ...none(), settings: S }).creates).toHaveLength(0);
  });

  it('a record matching a member joins its cluster; a record already in one is left alone (idempotent)', () => {
    const old = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((d) => project(d));
    const memberships = new Map(old.map((r) => [recordKey(r), 'c1']));
    const clusters = new Map<string, KnownCluster>([['c1', { id: 'c1', state: 'open', createdAt: '2026-11-05' }]]);
    const fresh = project('2026-11-20', '小堡村棚户区改造');
    const plan = planClusters({ respondent: 'x', fresh: [fresh], candidates: [...old, fresh], memberships, clusters, settings: S });
    expect(plan.joins).toEqual([{ clusterId: 'c1', member: { record: fresh, reason: expect.stringContaining('项目名称“小堡村棚户区改造”') } }]);
    const again = planClusters({ respondent: 'x', fresh: old, candidates: [...old, fresh], memberships, clusters, settings: S });
    expect(again).toMatchObject({ creates: [], joins: [], merges: [] });
  });

  it('a record linking two open clusters merges the newer into the older', () => {
    const a = project('2026-11-01', '小堡村东区项目');
    const b = project('2026-11-02', '小堡村西区项目');
    const memberships = new Map([[recordKey(a), 'old'], [recordKey(b), 'new']]);
    const clusters = new Map<string, KnownCluster>([
      ['old', { id: 'old', state: 'open', createdAt: '2026-10-01' }], ['new', { id: 'new', state: 'open', createdAt: '2026-11-01' }]]);
    const bridge = project('2026-11-03', '小堡村东西区项目');
    const plan = planClusters({ respondent: 'x', fresh: [bridge], candidates: [a, b, bridge], memberships, clusters, settings: { ...S, similarity: 0.4 } });
    expect(plan.merges).toEqual([{ from: 'new', into: 'old' }]);
    expect(plan.joins.map((j) => j.clusterId)).toEqual(['old']);
  });
});

describe('texts for liaison officers', () => {
  const id = '3f2a9c10-0000-4000-8000-000000000001';
  const facts = { respondent: '区住房和城乡建设委员会', keyKind: 'project' as const, keyLabel: '小堡村棚改', memberCount: 13, townships: ['中仓街道', '宋庄镇', '张家湾镇'], firstOn: '2026-11-05', lastOn: '2026-11-20' };
  it('the suggested risk notice names respondent, project, count and townships', () => {
    const n = suggestedRiskNotice(facts);
    expect(n.title).toBe('关于“小堡村棚改”项目可能引发群体性纠纷的风险提示');
    expect(n.text).toContain('13件');
    expect(n.text).toContain('中仓街道、宋庄镇、张家湾镇3个街乡镇');
  });
  it('tester #10: the suggested text is the finding only, with no addressee line of its own (the notice has its recipients)', () => {
    const n = suggestedRiskNotice(facts);
    expect(n.text.startsWith('2026-11-05至2026-11-20，本机关共收到针对区住房和城乡建设委员会“小堡村棚改”项目')).toBe(true);
    expect(n.text).not.toMatch(/^[^，。]*：|\n|贵单位/);
  });
  it('a grown cluster says from how many to how many', () => {
    expect(alertText({ ...facts, id }, ['通复〔2026〕第1号'], 12).title).toContain('由12件增至13件');
    expect(alertText({ ...facts, id }, ['通复〔2026〕第1号'], null).title).toContain('发现群体性纠纷苗头');
  });
  it('an alert of a cluster found by place names the cluster, never the place (alerts leave the system)', () => {
    const byPlace = { ...facts, id, keyKind: 'place' as const, keyLabel: '宋庄镇小堡村东区' };
    for (const before of [null, 12]) {
      const text = alertText(byPlace, ['通复〔2026〕第1号'], before);
      expect(`${text.title}\n${text.body}`).not.toContain('小堡村');
      expect(text.title).toContain('线索3F2A9C10');
    }
    expect(suggestedRiskNotice(byPlace).text).toContain('宋庄镇小堡村东区'); // the notice itself, read in the cluster, keeps it
  });
});
