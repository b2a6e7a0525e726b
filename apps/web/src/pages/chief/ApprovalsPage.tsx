import { RoleHome } from '../../components/RoleHome';

/** Approvals: decisions, extensions, conversions, terminations (issue 13 item 7). */
export default function ApprovalsPage() {
  return <RoleHome title="待我审批" figure="待审批的复议决定" count="decisionsPending" />;
}
