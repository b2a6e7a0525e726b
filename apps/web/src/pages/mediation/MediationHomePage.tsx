import { Card } from 'antd';
import { RoleHome } from '../../components/RoleHome';
import { MyMediationFiles } from './MyMediationFiles';

/** The mediator's files (libs/mediation): the home figures and 我的调解, the list they count. */
export default function MediationHomePage() {
  return (
    <RoleHome title="调解工作台">
      <Card title="我的调解" size="small">
        <MyMediationFiles />
      </Card>
    </RoleHome>
  );
}
