import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useSession } from '../../api/use-session';
import { ActionDialog, type ActionResult } from './ActionDialog';
import { ACTIONS, INTAKE_ACTIONS } from './action-catalogue';
import { useCase, useCaseChanged, useTimeline, type AllowedAction, type CaseResource } from './api';
import { CaseClocks } from './CaseClocks';
import { CaseDocuments } from './CaseDocuments';
import { CaseFiles } from './CaseFiles';
import { CaseTimeline } from './CaseTimeline';
import { PARTY_ROLES, PROCEDURES } from './labels';

/** Offered in their own cards (材料与证据, 文书), not as buttons of the action bar. */
const CARD_ACTIONS = new Set<string>(['upload_file', 'upload_document_version', 'download_package']);

/** Only what `allowedActions` lists, one button each (the API decides what may be done, the page only shows it). */
function Actions({ c, onPick }: { c: CaseResource; onPick: (a: AllowedAction) => void }) {
  const shown = c.allowedActions.filter((a) => !CARD_ACTIONS.has(a.action));
  if (!shown.length) return <Typography.Text type="secondary">当前没有可办理的操作</Typography.Text>;
  return (
    <Space wrap data-testid="case-actions">
      {shown.map((a) =>
        INTAKE_ACTIONS.has(a.action) ? (
          <Link key={a.action} to={`/intake/${c.id}`}>
            <Button>{a.label}</Button>
          </Link>
        ) : ACTIONS[a.action] ? (
          <Button key={a.action} onClick={() => onPick(a)}>
            {a.label}
          </Button>
        ) : (
          <Typography.Text key={a.action} type="secondary">
            {a.label}（请在相应工作页面办理）
          </Typography.Text>
        ),
      )}
    </Space>
  );
}

function Header({ c }: { c: CaseResource }) {
  const me = useSession()?.user;
  // The resource names the handler by id only: the name is that of a timeline entry the handler recorded, if any.
  const named = useTimeline(c.id).data?.items.find((e) => e.actorId === c.handlerId && e.actor)?.actor;
  const handler = !c.handlerId ? '尚未分配' : c.handlerId === me?.id ? `${me.displayName}（本人）` : (named ?? '已分配（其他承办人）');
  return (
    <Descriptions
      size="small"
      column={4}
      data-testid="case-header"
      items={[
        { key: 'state', label: '状态', children: <Tag data-testid="case-state">{c.stateLabel}</Tag> },
        { key: 'proc', label: '程序', children: c.procedure ? (PROCEDURES[c.procedure] ?? c.procedure) : '—' },
        { key: 'handler', label: '承办人', children: handler },
        { key: 'resp', label: '被申请人', children: c.respondent },
        { key: 'act', label: '行政行为', span: 2, children: [c.act.type, c.act.documentNumber].filter(Boolean).join('　') },
        { key: 'req', label: '复议请求', span: 2, children: c.requests },
      ]}
    />
  );
}

function Parties({ c }: { c: CaseResource }) {
  return (
    <Card size="small" title={`当事人${c.personalDataMasked ? '（个人信息已按权限遮蔽）' : ''}`} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        aria-label="当事人"
        dataSource={c.parties}
        columns={[
          { title: '身份', dataIndex: 'role', width: 80, render: (r: string) => PARTY_ROLES[r] ?? r },
          { title: '姓名/名称', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumber', render: (v: string | null, p) => p.creditCode ?? v ?? '—' },
          { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

/** 案件页: header, actions, parties, clocks, timeline and documents of one case. */
export default function CasePage() {
  const { id = '' } = useParams();
  const q = useCase(id);
  const changed = useCaseChanged(id);
  const [acting, setActing] = useState<AllowedAction | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const c = q.data;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {c ? c.caseNumber : '案件'}
      </Typography.Title>
      <Link to="/work/my-queue">← 返回我的案件</Link>
      <div style={{ marginTop: 12 }}>
        {q.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />
        ) : !c ? (
          <Skeleton active />
        ) : (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Header c={c} />
              {result && (
                <Alert
                  type={result.warning ? 'warning' : 'success'}
                  showIcon
                  closable
                  onClose={() => setResult(null)}
                  data-testid="action-result"
                  style={{ margin: '8px 0' }}
                  title={`操作已完成，案件状态：${result.stateLabel}`}
                  description={
                    [result.decisionDue && `行政复议决定期限：${result.decisionDue}`, result.warning?.message].filter(Boolean).join('；') ||
                    undefined
                  }
                />
              )}
              <Actions c={c} onPick={(a) => setActing(a)} />
            </Card>
            <Row gutter={16}>
              <Col span={14}>
                <Parties c={c} />
                <CaseClocks caseId={id} />
                <CaseFiles c={c} />
                <CaseDocuments
                  caseId={id}
                  version={c.version}
                  mayAddVersion={c.allowedActions.some((a) => a.action === 'upload_document_version')}
                />
              </Col>
              <Col span={10}>
                <CaseTimeline caseId={id} />
              </Col>
            </Row>
            {acting && (
              <ActionDialog
                c={c}
                action={acting}
                onClose={() => setActing(null)}
                onDone={(r) => {
                  setActing(null);
                  setResult(r);
                  changed(r);
                }}
                onReload={() => {
                  setActing(null);
                  void q.refetch();
                }}
              />
            )}
          </>
        )}
      </div>
    </>
  );
}
