import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Typography } from 'antd';
import { Mark, empty, beijingDay } from '../../components/Mark';
import { canOpen } from '../../access';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useSession } from '../../api/use-session';
import { useFile, useMediationChanged, type FileAction, type MediationFile } from './api';
import { AssignMediatorDialog } from './AssignMediatorDialog';
import { FileActionDialog, type StepResult } from './FileActionDialog';
import { FileDocuments } from './FileDocuments';
import { FileSessions } from './FileSessions';
import { FilesCard } from '../../components/files/FilesCard';
import { MEDIATION_FILE_KINDS } from '../../components/files/owner-kinds';

const PARTY_ROLES: Record<string, string> = { applicant: '申请人', respondent: '被申请人', third_party: '第三人', agent: '代理人' };

/** 调解期限 with its explanation (how the engine counted it), and the ARL 20 application deadline before filing. */
function Limits({ f }: { f: MediationFile }) {
  return (
    <div style={{ marginTop: 8 }} data-testid="mediation-limits">
      <Typography.Text strong>调解期限：</Typography.Text>
      <span data-testid="mediation-due">{f.mediationDue ?? '调解员接收后起算'}</span>
      {f.mediationDueProvisional && <Mark kind="warn">暂定（次年节假日安排尚未公布）</Mark>}
      {f.extensionDays > 0 && <Mark kind="info">已经双方同意延长 {f.extensionDays} 天</Mark>}
      {f.applicationDue && (
        <span style={{ marginInlineStart: 24 }}>
          <Typography.Text strong>行政复议申请期限届满：</Typography.Text>
          {f.applicationDue}（《行政复议法》第二十条）
        </span>
      )}
      {f.mediationDueExplanation.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18, color: 'rgba(0,0,0,0.65)' }} data-testid="due-explanation" aria-label="期限计算说明">
          {f.mediationDueExplanation.map((l) => <li key={l}>{l}</li>)}
        </ul>
      )}
    </div>
  );
}

function Header({ f }: { f: MediationFile }) {
  // Mediators see no cases (the API answers 404): for them the linked case is named, not linked.
  const mediator = useSession()?.user.role === 'mediator';
  return (
    <>
      <Descriptions
        size="small"
        column={3}
        data-testid="file-header"
        items={[
          { key: 'state', label: '状态', children: <Mark kind="neutral" testId="file-state">{f.stateLabel}</Mark> },
          { key: 'src', label: '来源', children: f.sourceLabel },
          { key: 'cat', label: '类别', children: f.categoryLabel },
          { key: 'resp', label: '被申请人', children: f.respondent ?? '—' },
          { key: 'town', label: '街乡镇', children: f.township ?? '—' },
          { key: 'wants', label: '申请人诉求', children: f.applicantWants },
          {
            key: 'case',
            label: '关联案件',
            span: 3,
            children: f.linkedCase ? (
              <span data-testid="linked-case">
                {mediator ? f.linkedCase.caseNumber : <Link to={`/cases/${f.linkedCase.caseId}`}>{f.linkedCase.caseNumber}</Link>}（{f.linkedCase.stateLabel}）
              </span>
            ) : f.courtReference ? `法院委派：${f.courtReference}` : '无（立案前调解）',
          },
          ...(f.outcomeLabel ? [{ key: 'out', label: '调解结果', span: 3, children: `${f.outcomeLabel}${f.outcomeDetail ? `：${f.outcomeDetail.summary}` : ''}` }] : []),
        ]}
      />
      <Limits f={f} />
    </>
  );
}

function People({ f }: { f: MediationFile }) {
  return (
    <Card size="small" title="当事人与调解员" style={{ marginBottom: 16 }}>
      <Table size="small" rowKey="id" pagination={false} aria-label="当事人" dataSource={f.parties} locale={empty('无')}
        columns={[{ title: '身份', dataIndex: 'role', width: 90, render: (r: string) => PARTY_ROLES[r] ?? r }, { title: '姓名/名称', dataIndex: 'name' }, { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' }]} />
      <Table size="small" rowKey={(m) => `${m.userId}-${m.assignedAt}`} pagination={false} aria-label="调解员" dataSource={f.mediators} locale={empty('尚未指派调解员')} style={{ marginTop: 8 }}
        columns={[
          { title: '调解员', dataIndex: 'displayName' },
          { title: '指派时间', dataIndex: 'assignedAt', render: (v: string) => beijingDay(v) },
          { title: '状态', key: 's', render: (_: unknown, m) => (m.current ? '在办' : m.objection ? `已回避（${PARTY_ROLES[m.objection.partyRole] ?? ''}申请：${m.objection.reason}）` : (m.endReason ?? '已结束')) },
        ]} />
    </Card>
  );
}

function resultText(r: StepResult): string {
  const parts = [`调解案件状态：${r.stateLabel}`];
  if (r.caseResumed) parts.push(`关联的复议案件已恢复审理，行政复议决定期限：${r.decisionDue ?? '—'}`);
  else if (r.caseResumed === false) parts.push('关联的复议案件仍中止，已通知承办人');
  return parts.join('；');
}

/** 调解案件页: the file, its limits and warnings, people, what the caller may do, sessions and notes, documents. */
export default function FilePage() {
  const { id = '' } = useParams();
  const q = useFile(id);
  const changed = useMediationChanged();
  const me = useSession()?.user;
  const [acting, setActing] = useState<FileAction | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const f = q.data;
  const reload = () => {
    setActing(null);
    void q.refetch();
  };
  const done = (text: string) => {
    setActing(null);
    setResult(text);
    changed();
  };
  const meOnFile = !!f?.mediators.some((m) => m.current && m.userId === me?.id);
  // 安排调解 (schedule_session) is offered where sessions are, in the sessions card; 上传材料 (upload_file) in the materials card.
  const steps = (f?.allowedActions ?? []).filter((a) => a.action !== 'schedule_session' && a.action !== 'upload_file');
  const role = me?.role ?? '';
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {f ? `调解案件：${f.caseNumber ?? f.courtReference ?? f.parties[0]?.name ?? ''}` : '调解案件'}
      </Typography.Title>
      {canOpen(role, '/mediation') && <Link to="/mediation">← 返回调解工作台</Link>}
      <div style={{ marginTop: 12 }}>
        {q.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />
        ) : !f ? (
          <Skeleton active />
        ) : (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Header f={f} />
              {f.warnings.map((w) => (
                <Alert key={w.code} type="warning" showIcon role="alert" data-testid="file-warning" style={{ marginTop: 8 }} title={w.message} description={`提示日期：${w.on}`} />
              ))}
              {result && <Alert type="success" showIcon closable onClose={() => setResult(null)} data-testid="step-result" style={{ marginTop: 8 }} title="操作已完成" description={result} />}
              <Space wrap style={{ marginTop: 12 }} data-testid="file-actions">
                {steps.length === 0 && <Typography.Text type="secondary">当前没有可办理的操作</Typography.Text>}
                {steps.map((a) => (
                  <Button key={a.action} onClick={() => setActing(a)}>{a.label}</Button>
                ))}
              </Space>
            </Card>
            <Row gutter={16}>
              <Col span={12}><People f={f} /><FileDocuments file={f} /></Col>
              <Col span={12}><FileSessions file={f} meOnFile={meOnFile} /></Col>
            </Row>
            <FilesCard owner={{ type: 'mediation-file', id: f.id }} allowedActions={f.allowedActions} kinds={MEDIATION_FILE_KINDS} title="调解材料" testId="mediation-materials" />
            {acting && (acting.action === 'assign' || acting.action === 'add_mediator') ? (
              <AssignMediatorDialog file={{ id: f.id, version: f.version, label: f.caseNumber ?? '调解案件' }} add={acting.action === 'add_mediator'} onClose={() => setActing(null)} onDone={done} onReload={reload} />
            ) : acting ? (
              <FileActionDialog file={f} action={acting} onClose={() => setActing(null)} onDone={(r) => done(resultText(r))} onReload={reload} />
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
