import { RoleHome } from '../../components/RoleHome';

/** The audit log (security auditor, read only). */
export default function AuditPage() {
  return <RoleHome title="审计日志" figure="最近的审计记录" count="audit" />;
}
