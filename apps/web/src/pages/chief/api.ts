import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { MY_FIGURES_KEY } from '../../api/queries';
import type { WorkItem } from '../office/api';

/** 案件分配: the workload proposal (least loaded first, as the API ranks it) and the assignment itself. */
export function useProposal(caseId: string | null) {
  return useQuery({
    queryKey: ['/api/cases', caseId, 'assignment-proposal'],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/assignment-proposal', { params: { path: { id: caseId! } } })),
    enabled: caseId !== null,
    staleTime: 0,
  });
}

export function useAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, version, handlerId }: { caseId: string; version: number; handlerId: string }) =>
      unwrap(api.POST('/api/cases/{id}/assign', { params: { path: { id: caseId } }, body: { version, handlerId } })),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['/api/work/office'] });
      void qc.invalidateQueries({ queryKey: MY_FIGURES_KEY }); // the home figures count these lists
    },
  });
}

export type ApprovalKind = 'decision' | 'extension' | 'termination';

type CaseAction = WorkItem['allowedActions'][number]['action'];

/**
 * What each kind of approval is, with the article it comes from (shown in every confirmation), and the row's
 * `allowedActions` entries that approve and return it: a button shows only when the API lists its action.
 */
export const KINDS: Record<
  ApprovalKind,
  { label: string; article: string; approve: string; approveAction: CaseAction; returnAction: CaseAction }
> = {
  decision: {
    label: '行政复议决定',
    article: '《行政复议法》第六十三条至第七十二条、第七十五条',
    approve: '批准决定',
    approveAction: 'approve_decision',
    returnAction: 'return_decision',
  },
  extension: {
    label: '延长审理期限',
    article: '《行政复议法》第六十二条',
    approve: '批准延期',
    approveAction: 'extend',
    returnAction: 'return_extension',
  },
  termination: {
    label: '终止行政复议',
    article: '《行政复议法》第四十一条',
    approve: '批准终止',
    approveAction: 'terminate',
    returnAction: 'return_termination',
  },
};

/** Whether the row's `allowedActions` (the server's word) lists this action. */
export const allows = (row: { allowedActions: ReadonlyArray<{ action: string }> }, action: string) =>
  row.allowedActions.some((a) => a.action === action);

export interface ApprovalItem extends WorkItem {
  kind: ApprovalKind;
}

const office = (query: { state?: 'decision_pending'; pendingRequest?: 'extension' | 'termination' }) =>
  unwrap(api.GET('/api/work/office', { params: { query: { ...query, limit: 100 } } })).then((p) => p.items);

/** 待我审批: decisions awaiting approval, then pending extension and termination requests (first 100 of each). */
export function useApprovals() {
  return useQuery({
    queryKey: ['/api/work/office', 'approvals'],
    queryFn: async (): Promise<ApprovalItem[]> => {
      const [d, e, t] = await Promise.all([
        office({ state: 'decision_pending' }),
        office({ pendingRequest: 'extension' }),
        office({ pendingRequest: 'termination' }),
      ]);
      const tag =
        (kind: ApprovalKind) =>
        (i: WorkItem): ApprovalItem => ({ ...i, kind });
      return [...d.map(tag('decision')), ...e.map(tag('extension')), ...t.map(tag('termination'))];
    },
    staleTime: 0,
  });
}

/** The request a handler submitted (reason, days or ground), to show before the head decides. */
export function usePendingRequest(caseId: string, kind: ApprovalKind) {
  return useQuery({
    queryKey: ['/api/cases', caseId, 'approval-requests'],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/approval-requests', { params: { path: { id: caseId } } })),
    enabled: kind !== 'decision',
    select: (list) => list.find((r) => r.kind === kind && r.status === 'pending') ?? null,
  });
}

export interface Decide {
  kind: ApprovalKind;
  caseId: string;
  version: number;
  /** Present: return (退回) with this reason; absent: approve. */
  returnReason?: string;
}

/** Approve or return: each kind's route, with the version the list showed (a later change answers 409). */
export async function decide({ kind, caseId, version, returnReason }: Decide) {
  const path = { path: { id: caseId } };
  if (returnReason !== undefined) {
    const body = { version, reason: returnReason };
    if (kind === 'decision') return unwrap(api.POST('/api/cases/{id}/decision/return', { params: path, body }));
    if (kind === 'extension') return unwrap(api.POST('/api/cases/{id}/extension-request/return', { params: path, body }));
    return unwrap(api.POST('/api/cases/{id}/termination-request/return', { params: path, body }));
  }
  if (kind === 'decision') return unwrap(api.POST('/api/cases/{id}/decision/approve', { params: path, body: { version } }));
  if (kind === 'extension') return unwrap(api.POST('/api/cases/{id}/extend', { params: path, body: { version } }));
  return unwrap(api.POST('/api/cases/{id}/terminate', { params: path, body: { version } }));
}

export function useDecideApproval() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['/api/work/office'] });
      void qc.invalidateQueries({ queryKey: MY_FIGURES_KEY }); // the home figures count these lists
    },
  });
}
