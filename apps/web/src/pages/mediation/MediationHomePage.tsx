import { Alert, Card } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { RoleHome } from '../../components/RoleHome';
import { useWorkList } from './api';
import { FileTable } from './FileTable';

/** 调解工作台: the mediator's files in progress, nearest time limit first, and the referrals awaiting assignment. */
export default function MediationHomePage() {
  const q = useWorkList();
  return (
    <RoleHome title="调解工作台" figure="我参与的调解案件" count="mediationFiles">
      <Card
        size="small"
        title="我的调解案件"
        style={{ marginTop: 16 }}
        extra={<Link to="/mediation/referrals" data-testid="pool-link">待分配的调解案件{q.data ? `（${q.data.unassignedPool} 件）` : ''}</Link>}
      >
        {q.isError ? <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} /> : <FileTable files={q.data?.files ?? []} loading={q.isPending} label="我的调解案件" />}
      </Card>
    </RoleHome>
  );
}
