import { RoleHome } from '../../components/RoleHome';

/** The mediator's files (libs/mediation). */
export default function MediationHomePage() {
  return <RoleHome title="调解工作台" figure="我参与的调解案件" count="mediationFiles" />;
}
