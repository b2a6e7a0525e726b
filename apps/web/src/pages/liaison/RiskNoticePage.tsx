import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import { Mark } from '../../components/Mark';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useLiaisonChanged, useRiskNotice, type NoticeAction, type RiskNotice } from './api';
import { LiaisonDocuments } from './LiaisonDocuments';
import { FilesCard } from '../../components/files/FilesCard';
import { LIAISON_FILE_KINDS } from '../../components/files/owner-kinds';
import { NoticeActionDialog } from './NoticeActionDialog';
import { NoticeDraftDialog } from './NoticeDraftDialog';

function Recipients({ n }: { n: RiskNotice }) {
  return (
    <Table size="small" rowKey="departmentId" pagination={false} aria-label="收函部门" data-testid="notice-recipients" dataSource={n.recipients}
      columns={[
        { title: '收函部门', dataIndex: 'department' },
        { title: '发送', dataIndex: 'sentOn', width: 110, render: (v: string | null) => v ?? '未发送' },
        { title: '签收', dataIndex: 'acknowledgedOn', width: 110, render: (v: string | null) => v ?? '未签收' },
        {
          title: '回复期限', key: 'due', width: 190,
          render: (_: unknown, r) => (r.dueOn ? (
            <span title={(r.dueExplanation ?? []).join('\n')}>
              {r.dueOn}
              {r.overdue && <Mark kind="red">已逾期</Mark>}
              {r.dueProvisional && <Mark kind="warn">暂定</Mark>}
            </span>
          ) : '发送后起算'),
        },
        { title: '回复', key: 'resp', render: (_: unknown, r) => (r.responseOn ? `${r.responseOn}：${r.response ?? ''}` : '未回复') },
      ]} />
  );
}

/** 风险提示函: its content, each department's acknowledgement and response with their clocks, the documents, and the next steps. */
export default function RiskNoticePage() {
  const { id = '' } = useParams();
  const q = useRiskNotice(id);
  const changed = useLiaisonChanged();
  const [acting, setActing] = useState<NoticeAction | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const n = q.data;
  // The workflow's steps; `upload_file` (issue 18: POST …/files) belongs beside the materials, not in this bar.
  const steps = (n?.allowedActions ?? []).filter((a) => a.action !== 'upload_file');
  const close = () => setActing(null);
  const reload = () => { close(); void q.refetch(); };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>风险提示函</Typography.Title>
      <Link to="/liaison">← 返回府院联动</Link>
      <div style={{ marginTop: 12 }}>
        {q.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />
        ) : !n ? (
          <Skeleton active />
        ) : (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={2} data-testid="notice-header" items={[
                { key: 't', label: '标题', span: 2, children: <span data-testid="notice-title">{n.title}</span> },
                { key: 's', label: '状态', children: <Mark kind="neutral" testId="notice-state">{n.stateLabel}</Mark> },
                { key: 'd', label: '回复期限', children: `发送后 ${n.responseDays} 个工作日` },
                { key: 'sum', label: '风险情况', span: 2, children: n.summary },
                { key: 'r', label: '表现', span: 2, children: <ol style={{ margin: 0, paddingLeft: 18 }}>{n.reasons.map((r) => <li key={r}>{r}</li>)}</ol> },
                { key: 'g', label: '建议措施', span: 2, children: <ol style={{ margin: 0, paddingLeft: 18 }}>{n.suggestions.map((r) => <li key={r}>{r}</li>)}</ol> },
                { key: 'l', label: '关联记录', span: 2, children: n.links.length ? n.links.map((l) => (l.kind === 'case' ? <Link key={l.id} to={`/cases/${l.id}`} style={{ marginRight: 8 }}>{l.caseNumber ?? '案件'}</Link> : <Mark kind="neutral" key={l.id}>咨询登记</Mark>)) : '无' },
                ...(n.rejectionNote ? [{ key: 'x', label: '退回理由', span: 2, children: n.rejectionNote }] : []),
                ...(n.closingNote ? [{ key: 'c', label: '办结说明', span: 2, children: n.closingNote }] : []),
              ]} />
              {result && <Alert type="success" showIcon closable onClose={() => setResult(null)} data-testid="step-result" title={result} style={{ marginTop: 8 }} />}
              <Space wrap style={{ marginTop: 12 }} data-testid="notice-actions">
                {steps.length === 0 && <Typography.Text type="secondary">当前没有可办理的操作</Typography.Text>}
                {steps.map((a) => <Button key={a.action} onClick={() => setActing(a)}>{a.label}</Button>)}
              </Space>
            </Card>
            <Card size="small" title="各部门签收和回复" style={{ marginBottom: 16 }}><Recipients n={n} /></Card>
            <Card size="small" title="文书" style={{ marginBottom: 16 }}><LiaisonDocuments docs={n.documents} /></Card>
            <FilesCard owner={{ type: 'risk-notice', id: n.id }} allowedActions={n.allowedActions} kinds={LIAISON_FILE_KINDS} title="材料" testId="notice-files" />
            {acting?.action === 'edit' ? (
              <NoticeDraftDialog
                initial={{ title: n.title, summary: n.summary, reasons: n.reasons.join('\n'), suggestions: n.suggestions.join('\n'), departmentIds: n.recipients.map((r) => r.departmentId), responseDays: n.responseDays }}
                links={{ caseIds: n.links.filter((l) => l.kind === 'case').map((l) => l.id), consultationIds: n.links.filter((l) => l.kind !== 'case').map((l) => l.id) }}
                edit={{ id: n.id, version: n.version }}
                onClose={close}
                onDone={() => { close(); setResult('草稿已修改'); changed(); }}
              />
            ) : acting ? (
              <NoticeActionDialog n={n} action={acting} onClose={close} onReload={reload} onDone={() => { setResult(`${acting.label}：已完成`); close(); changed(); }} />
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
