import { RoleHome } from '../../components/RoleHome';

/** Roles and the second-factor policy (security administrator). */
export default function SecurityPolicyPage() {
  return <RoleHome title="安全策略" figure="须启用动态验证码的角色数" count="rolesRequiringTotp" />;
}
