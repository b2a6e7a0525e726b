import { RoleHome } from '../../components/RoleHome';

/** User administration (system administrator). */
export default function UsersPage() {
  return <RoleHome title="用户管理" figure="系统用户数" count="users" />;
}
