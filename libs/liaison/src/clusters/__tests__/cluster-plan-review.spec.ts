import type { ClusterRecord } from '../domain/cluster-match';
import { planClusters, recordKey, type KnownCluster } from '../domain/cluster-plan';

/** Review items 2 (a dismissal does not swallow the group forever) and 11b (the founder's reason cites a member). */
const S = { minRecords: 5, windowDays: 30, similarity: 0.5 };
let n = 0;
const rec = (on: string, project: string): ClusterRecord => {
  n++;
  return { kind: 'case', id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, on, townshipId: 1, documentNumber: null, project, place: null, label: `通复〔2026〕第${n}号` };
};
const PROJECT = '宋庄镇小堡村棚户区改造项目';

describe('a dismissed cluster', () => {
  const old = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05'].map((d) => rec(d, PROJECT));
  const known = (dismissedOn: string | null) => ({
    memberships: new Map(old.map((r) => [recordKey(r), 'd1'])),
    clusters: new Map<string, KnownCluster>([['d1', { id: 'd1', state: 'dismissed', createdAt: '2026-09-05', dismissedOn }]]),
  });

  it('absorbs its group silently for M days after the dismissal', () => {
    const late = rec('2026-09-25', PROJECT);
    const plan = planClusters({ respondent: 'x', fresh: [late], candidates: [...old, late], ...known('2026-09-10'), settings: S });
    expect(plan.joins.map((j) => [j.clusterId, j.member.record.id])).toEqual([['d1', late.id]]);
    expect(plan.creates).toEqual([]);
  });

  it('records dated more than M days after the dismissal ignore it and found a new cluster of their own', () => {
    const absorbed = rec('2026-10-05', PROJECT); // within M days of the dismissal: still the dismissed group
    const back = ['2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24'].map((d) => rec(d, '小堡村棚改项目'));
    const plan = planClusters({ respondent: 'x', fresh: [absorbed, ...back], candidates: [...old, absorbed, ...back], ...known('2026-09-10'), settings: S });
    expect(plan.joins.map((j) => [j.clusterId, j.member.record.id])).toEqual([['d1', absorbed.id]]);
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]!.members.map((m) => m.record.id).sort()).toEqual(back.map((r) => r.id).sort());
    for (const m of plan.creates[0]!.members) expect(m.reason).not.toContain(absorbed.label);
  });

  it('fewer than N after the lapse found nothing and join nothing', () => {
    const back = ['2026-10-20', '2026-10-21'].map((d) => rec(d, PROJECT));
    const plan = planClusters({ respondent: 'x', fresh: back, candidates: [...old, ...back], ...known('2026-09-10'), settings: S });
    expect(plan).toMatchObject({ creates: [], joins: [], merges: [] });
  });
});

describe('a new cluster explains its founding record by a member', () => {
  it('a closer match outside the densest window is not cited', () => {
    // Four near-matches before the founder, one exact match 29 days after it: the window of M days holds the four.
    const before = ['2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'].map((d) => rec(d, '宋庄小堡村棚改'));
    const outside = rec('2026-12-09', PROJECT);
    const founder = rec('2026-11-10', PROJECT);
    const plan = planClusters({ respondent: 'x', fresh: [founder], candidates: [...before, outside, founder], memberships: new Map(), clusters: new Map(), settings: S });
    expect(plan.creates).toHaveLength(1);
    const members = plan.creates[0]!.members;
    expect(members.map((m) => m.record.id)).not.toContain(outside.id);
    const own = members.find((m) => m.record.id === founder.id)!;
    expect(own.reason).not.toContain(outside.label);
    expect(before.some((r) => own.reason.includes(`成员${r.label}`))).toBe(true);
  });
});
