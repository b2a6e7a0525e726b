import { densestWindow, explain, matchRecords, withinWindow, type ClusterKeyKind, type ClusterRecord, type MatchEvidence, type MatchSettings } from './cluster-match';

export interface KnownCluster {
  id: string;
  state: 'open' | 'dismissed';
  createdAt: string;
  /** Shanghai date a liaison officer dismissed it (dismissed clusters). */
  dismissedOn?: string | null;
}

export interface PlannedMember {
  record: ClusterRecord;
  reason: string;
}

/** What detection decided for one respondent department's new records; the service persists it. */
export interface ClusterPlan {
  /** New clusters: `ref` is a temporary id (new-1…) that `joins` and `merges` may point at. */
  creates: Array<{ ref: string; keyKind: ClusterKeyKind; keyLabel: string; members: PlannedMember[] }>;
  joins: Array<{ clusterId: string; member: PlannedMember }>;
  /** `from` turned out to be the same group as `into`: its members move, it closes. */
  merges: Array<{ from: string; into: string }>;
  /** How many (new record, candidate) pairs were compared: the bench reports it against the table size. */
  comparisons: number;
}

export interface PlanInput {
  respondent: string;
  /** Records not yet processed, any order. */
  fresh: ClusterRecord[];
  /** Every record of the department within M days of some fresh record (fresh ones included). */
  candidates: ClusterRecord[];
  /** Cluster (open or dismissed) of each candidate already in one, by `kind:id`. */
  memberships: Map<string, string>;
  clusters: Map<string, KnownCluster>;
  settings: MatchSettings;
}

export const recordKey = (r: { kind: string; id: string }): string => `${r.kind}:${r.id}`;

/**
 * Union-find over the matches of each new record, in date order: a record matching members of a cluster joins it
 * (open clusters first; several open ones merge into the oldest); a record matching no cluster founds one when it and
 * its matches reach N within M days. A record already in a cluster is left alone, so reprocessing changes nothing.
 * A dismissed cluster absorbs its group silently for M days after the dismissal, so a dismissal is not undone by the
 * next application; records dated later ignore it and its members, and found a new cluster of their own when they reach
 * N within M days (the group is back, the officers hear of it again).
 */
export function planClusters(input: PlanInput): ClusterPlan {
  const { respondent, settings: s } = input;
  const member = new Map(input.memberships);
  const clusters = new Map(input.clusters);
  const plan: ClusterPlan = { creates: [], joins: [], merges: [], comparisons: 0 };
  const fresh = [...input.fresh].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id < b.id ? -1 : 1));
  for (const r of fresh) {
    if (member.has(recordKey(r))) continue;
    const matches: Array<{ c: ClusterRecord; e: MatchEvidence }> = [];
    for (const c of input.candidates) {
      if (recordKey(c) === recordKey(r) || !withinWindow(r, c, s) || lapsed(clusters.get(member.get(recordKey(c)) ?? ''), r, s)) continue;
      plan.comparisons++;
      const e = matchRecords(r, c, s);
      if (e) matches.push({ c, e });
    }
    if (!matches.length) continue;
    const touched = [...new Set(matches.map((x) => member.get(recordKey(x.c))).filter((id): id is string => !!id))]
      .map((id) => clusters.get(id)!)
      .sort((a, b) => (a.state !== b.state ? (a.state === 'open' ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
    if (touched.length) {
      const target = touched[0]!.id;
      for (const other of touched.slice(1)) {
        if (other.state !== 'open' || clusters.get(target)!.state !== 'open') continue;
        foldInto(plan, other.id, target);
        for (const [k, v] of member) if (v === other.id) member.set(k, target);
        clusters.delete(other.id);
      }
      const anchor = matches.filter((x) => member.get(recordKey(x.c)) === target).sort((a, b) => b.e.score - a.e.score)[0]!;
      const join = (m: PlannedMember) => {
        plan.joins.push({ clusterId: target, member: m });
        member.set(recordKey(m.record), target);
      };
      join({ record: r, reason: explain(anchor.e, respondent, anchor.c) });
      // Matches not yet in any cluster belong to the same group through this record (unless dated past a dismissal's M days).
      for (const x of matches) {
        if (!member.has(recordKey(x.c)) && !lapsed(clusters.get(target), x.c, s)) join({ record: x.c, reason: explain(flip(x.e), respondent, r) });
      }
      continue;
    }
    const self = { c: r, e: null as MatchEvidence | null, on: r.on };
    const group = densestWindow([self, ...matches.map((x) => ({ c: x.c, e: x.e as MatchEvidence | null, on: x.c.on }))], self, s.windowDays);
    if (group.length < s.minRecords) continue;
    const ref = `new-${plan.creates.length + 1}`;
    const key = strongestKind(group.flatMap((g) => (g.e ? [g.e] : [])));
    // The founding record is explained by a member of the group (a match outside the densest window is not one).
    const best = group.filter((g) => g.e?.kind === key.kind).sort((a, b) => b.e!.score - a.e!.score)[0]!;
    const members: PlannedMember[] = group.map((g) =>
      g.e ? { record: g.c, reason: explain(flip(g.e), respondent, r) } : { record: r, reason: explain(best.e!, respondent, best.c) });
    plan.creates.push({ ref, keyKind: key.kind, keyLabel: key.label, members });
    clusters.set(ref, { id: ref, state: 'open', createdAt: '9999' });
    for (const m of members) member.set(recordKey(m.record), ref);
  }
  return plan;
}

/** A dismissed cluster no longer speaks for records dated more than M days after its dismissal. */
const lapsed = (g: KnownCluster | undefined, r: ClusterRecord, s: MatchSettings): boolean =>
  g?.state === 'dismissed' && !!g.dismissedOn && r.on > g.dismissedOn && !withinWindow(r, { ...r, on: g.dismissedOn }, s);

/** A cluster created earlier in this same plan is folded by moving its members; a stored one by a merge. */
function foldInto(plan: ClusterPlan, from: string, into: string): void {
  const created = plan.creates.findIndex((c) => c.ref === from);
  if (created < 0) {
    plan.merges.push({ from, into });
    return;
  }
  const [gone] = plan.creates.splice(created, 1);
  plan.joins.push(...gone!.members.map((member) => ({ clusterId: into, member })));
  for (const j of plan.joins) if (j.clusterId === from) j.clusterId = into;
}

/** The evidence seen from the other record's side (its own value first). */
const flip = (e: MatchEvidence): MatchEvidence => ({ ...e, mine: e.theirs, theirs: e.mine });

/** The key a cluster is named by: the kind most members share (document over project over place on a tie). */
function strongestKind(evidence: MatchEvidence[]): { kind: ClusterKeyKind; label: string } {
  const order: ClusterKeyKind[] = ['document', 'project', 'place'];
  const count = (k: ClusterKeyKind) => evidence.filter((e) => e.kind === k).length;
  const kind = [...order].sort((a, b) => count(b) - count(a) || order.indexOf(a) - order.indexOf(b))[0]!;
  return { kind, label: evidence.find((e) => e.kind === kind)!.mine };
}
