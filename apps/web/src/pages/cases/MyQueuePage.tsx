import { RoleHome } from '../../components/RoleHome';

/** The handler's queue (issue 13 item 5): clock badges and the case page come here. */
export default function MyQueuePage() {
  return <RoleHome title="我的案件" figure="我承办的案件" count="myQueue" />;
}
