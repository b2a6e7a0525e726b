import { Card } from 'antd';
import { Link } from 'react-router';
import { RoleHome } from '../../components/RoleHome';
import { useWorkList } from './api';
import { MyMediationFiles, useWorkListDue } from './MyMediationFiles';

/** 调解工作台: the mediator's figures, the files in progress (nearest time limit first) and the referrals awaiting assignment. */
export default function MediationHomePage() {
  const q = useWorkList(useWorkListDue()); // the same query as the list below: one request
  return (
    <RoleHome title="调解工作台">
      <Card
        size="small"
        title="我的调解案件"
        style={{ marginTop: 16 }}
        extra={<Link to="/mediation/referrals" data-testid="pool-link">待分配的调解案件{q.data ? `（${q.data.unassignedPool} 件）` : ''}</Link>}
      >
        <MyMediationFiles />
      </Card>
    </RoleHome>
  );
}
