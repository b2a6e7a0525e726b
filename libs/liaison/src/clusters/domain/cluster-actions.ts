import type { Role } from '@fuyi/kernel';
import { LIAISON_WRITE } from '../../workflow/domain/liaison-actions';
import type { ClusterState } from '../entities';

/**
 * What may be done with a group-dispute cluster (issue 16 review): one table for the dismissal route's guard and the
 * cluster's `allowedActions`. Both are the liaison officers' (LIAISON_WRITE, like drafting any risk notice) and only
 * while the cluster is open: a dismissed or merged cluster is no longer a lead (ClusterDismissal refuses it, 409).
 * Drafting goes through POST /liaison/risk-notices with the cluster's records linked and its clusterId: the notice
 * keeps the link, and the route refuses a cluster that is no longer open (CLUSTER_NOT_OPEN, 409), like the dismissal.
 */
export enum ClusterAction {
  DraftNotice = 'draft_notice',
  Dismiss = 'dismiss',
}

export const CLUSTER_ACTIONS: Record<ClusterAction, { label: string; roles: readonly Role[]; from: readonly ClusterState[] }> = {
  [ClusterAction.DraftNotice]: { label: '按建议起草风险提示函', roles: LIAISON_WRITE, from: ['open'] },
  [ClusterAction.Dismiss]: { label: '排除线索', roles: LIAISON_WRITE, from: ['open'] },
};

/** A cluster's `allowedActions` for a user of `role`, in the table's order. */
export function allowedClusterActions(role: Role, state: ClusterState): Array<{ action: ClusterAction; label: string }> {
  return Object.values(ClusterAction)
    .filter((a) => CLUSTER_ACTIONS[a].roles.includes(role) && CLUSTER_ACTIONS[a].from.includes(state))
    .map((a) => ({ action: a, label: CLUSTER_ACTIONS[a].label }));
}
