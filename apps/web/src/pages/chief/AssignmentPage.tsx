import { RoleHome } from '../../components/RoleHome';

/** Assignment with the workload proposal (issue 13 item 7). */
export default function AssignmentPage() {
  return <RoleHome title="案件分配" figure="已受理待办的案件" count="acceptedUnassigned" />;
}
