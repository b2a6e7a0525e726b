import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Skeleton, Space, Table, Timeline, Typography } from 'antd';
import { Mark } from '../../components/Mark';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { StepDialog } from '../../components/StepDialog';
import { useCluster, useLiaisonChanged, type Cluster, type ClusterMember } from './api';
import { draftFromCluster } from './notice-draft';
import { NoticeDraftDialog } from './NoticeDraftDialog';

const KINDS: Record<string, string> = { case: '复议申请', consultation: '咨询登记' };
const byDay = (a: ClusterMember, b: ClusterMember) => a.recordOn.localeCompare(b.recordOn);

function Members({ c }: { c: Cluster }) {
  return (
    <Table size="small" rowKey="recordId" pagination={false} aria-label="线索中的记录" data-testid="cluster-members" dataSource={[...c.members].sort(byDay)}
      columns={[
        { title: '日期', dataIndex: 'recordOn', width: 110 },
        { title: '类型', dataIndex: 'recordKind', width: 90, render: (k: string) => KINDS[k] ?? k },
        { title: '记录', key: 'l', render: (_: unknown, m) => (m.recordKind === 'case' ? <Link to={`/cases/${m.recordId}`}>{m.label}</Link> : m.label) },
        { title: '街乡镇', dataIndex: 'township', width: 110 },
        { title: '纳入理由', dataIndex: 'reason' },
      ]} />
  );
}

/** The cluster over time: each record on its day, with why it is in. */
function ClusterTimeline({ c }: { c: Cluster }) {
  return (
    <Timeline
      data-testid="cluster-timeline"
      items={[...c.members].sort(byDay).map((m) => ({
        key: m.recordId,
        color: m.recordKind === 'case' ? 'blue' : 'gray',
        children: (
          <>
            <Typography.Text strong>{m.recordOn}</Typography.Text>　{KINDS[m.recordKind] ?? m.recordKind}：{m.label}（{m.township}）
            <div style={{ color: 'rgba(0,0,0,0.65)' }}>{m.reason}</div>
          </>
        ),
      }))}
    />
  );
}

/**
 * 群体性纠纷线索: the cluster as a list and on a timeline, why each record is in it, the suggested risk notice, dismissal;
 * the buttons are the cluster's allowedActions (the server's, by role and state).
 */
export default function ClusterPage() {
  const { id = '' } = useParams();
  const q = useCluster(id);
  const changed = useLiaisonChanged();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'draft' | 'dismiss' | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const c = q.data;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>群体性纠纷线索{c ? `：${c.respondent}` : ''}</Typography.Title>
      <Link to="/liaison">← 返回府院联动</Link>
      <div style={{ marginTop: 12 }}>
        {q.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />
        ) : !c ? (
          <Skeleton active />
        ) : (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={3} items={[
                { key: 's', label: '状态', children: <Mark kind="neutral" testId="cluster-state">{c.stateLabel}</Mark> },
                { key: 'r', label: '被申请人', children: c.respondent },
                { key: 'k', label: '关联事项', children: c.keyLabel },
                { key: 'n', label: '记录数', children: `${c.memberCount} 件` },
                { key: 't', label: '涉及街乡镇', children: c.townships.join('、') },
                { key: 'p', label: '期间', children: `${c.firstOn} 至 ${c.lastOn}` },
                ...(c.dismissedReason ? [{ key: 'd', label: '排除理由', span: 3, children: c.dismissedReason }] : []),
              ]} />
              {result && <Alert type="success" showIcon data-testid="cluster-result" title={result} style={{ marginTop: 8 }} />}
            </Card>
            <Row gutter={16}>
              <Col span={15}>
                <Card size="small" title="线索中的记录及纳入理由" style={{ marginBottom: 16 }}><Members c={c} /></Card>
                <Card size="small" title="建议的风险提示" data-testid="suggested-notice"
                  extra={c.allowedActions.length > 0 && (
                    <Space>
                      {c.allowedActions.map((a) => (
                        <Button key={a.action} type={a.action === 'draft_notice' ? 'primary' : 'default'} onClick={() => setDialog(a.action === 'draft_notice' ? 'draft' : 'dismiss')}>
                          {a.label}
                        </Button>
                      ))}
                    </Space>
                  )}>
                  <Typography.Paragraph strong>{c.suggestedNotice.title}</Typography.Paragraph>
                  <Typography.Paragraph>{c.suggestedNotice.text}</Typography.Paragraph>
                  <Typography.Text type="secondary">涉及群体性纠纷的案件应当组织听证（《行政复议法》第五十条）。</Typography.Text>
                </Card>
              </Col>
              <Col span={9}>
                <Card size="small" title="时间线"><ClusterTimeline c={c} /></Card>
              </Col>
            </Row>
            {dialog === 'draft' && (() => {
              const d = draftFromCluster(c);
              return (
                <NoticeDraftDialog initial={d.values} links={{ ...d, label: `将关联线索中的 ${d.caseIds.length} 件申请和 ${d.consultationIds.length} 件咨询。` }}
                  // Closed after a refusal (e.g. the lead was dismissed meanwhile): the page shows the cluster as it now is.
                  onClose={() => { setDialog(null); void q.refetch(); }}
                  onDone={(noticeId) => { changed(); void navigate(`/liaison/risk-notices/${noticeId}`); }} />
              );
            })()}
            {dialog === 'dismiss' && (
              <StepDialog
                title="排除群体性纠纷线索"
                okText="确认排除"
                intro="排除后该线索不再列入预警，此后新增的同类记录仍并入该线索，但不再提示。请说明排除理由（随线索保存）。"
                submit={(x) => unwrap(api.POST('/api/group-disputes/{id}/dismiss', { params: { path: { id: c.id } }, body: { version: c.version, reason: String(x.reason).trim() } }))}
                onDone={() => { setDialog(null); setResult('线索已排除'); changed(); }}
                onClose={() => setDialog(null)}
                onReload={() => { setDialog(null); void q.refetch(); }}
              >
                {() => <Form.Item name="reason" label="排除理由" rules={[{ required: true, whitespace: true, message: '请填写排除理由' }]}><Input.TextArea autoSize={{ minRows: 3 }} aria-label="排除理由" /></Form.Item>}
              </StepDialog>
            )}
          </>
        )}
      </div>
    </>
  );
}
