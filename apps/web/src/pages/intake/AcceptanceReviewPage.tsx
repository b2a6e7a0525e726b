import '../counter/counter.css';
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { shanghaiDateTime } from '@fuyi/kernel';
import { errorMessage } from '../../api/errors';
import { CLOCK_LABELS, useCaseForReview, useClocks, useDecide, type CaseForReview, type Clock, type Decided } from './api';
import { OUTCOMES, ReviewDecisionForm } from './ReviewDecisionForm';

const PARTY_ROLES: Record<string, string> = { applicant: '申请人', agent: '代理人', third_party: '第三人' };

function CaseSummary({ c }: { c: CaseForReview }) {
  const d = c.detail;
  const period = c.review.applicationPeriod;
  return (
    <Card size="small" title="申请概要" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={2}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'state', label: '状态', children: <Tag>{c.stateLabel}</Tag> },
          { key: 'township', label: '收件分中心', children: d.township },
          { key: 'receipt', label: '收件时间', children: shanghaiDateTime(new Date(d.receiptAt)) },
          { key: 'due', label: '受理审查期限', children: <Typography.Text strong>{c.review.acceptanceDue ?? '—'}</Typography.Text> },
          { key: 'respondent', label: '被申请人', children: d.respondent },
          { key: 'act', label: '行政行为', children: [d.act.type, d.act.documentNumber].filter(Boolean).join('　') },
          { key: 'known', label: '知道日期', children: d.act.knownDate },
          { key: 'period', label: '申请期限（第二十条）', children: `${period.due} 届满${period.provisional ? '（暂定）' : ''}` },
          { key: 'requests', label: '复议请求', span: 2, children: d.requests },
          {
            key: 'facts',
            label: '事实和理由',
            span: 2,
            children: (
              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ marginBottom: 0 }}>
                {d.factsReasons}
              </Typography.Paragraph>
            ),
          },
          {
            key: 'materials',
            label: '收到的材料',
            span: 2,
            children: d.materials.map((m) => `${m.name}×${m.copies}`).join('、') || '（无）',
          },
        ]}
      />
      {c.review.lateApplication && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={c.review.lateApplication.warning}
          description={c.review.lateApplication.exceptions.map((e) => `${e.article}：${e.text}`).join('；')}
        />
      )}
      <Table
        size="small"
        style={{ marginTop: 12 }}
        rowKey="id"
        pagination={false}
        aria-label="当事人"
        dataSource={[...d.parties].sort((a, b) => (a.role === 'applicant' ? 0 : 1) - (b.role === 'applicant' ? 0 : 1))}
        columns={[
          { title: '身份', dataIndex: 'role', width: 80, render: (r: string) => PARTY_ROLES[r] ?? r },
          { title: '姓名/名称', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumber', render: (v: string, p) => p.creditCode ?? v },
          { title: '联系电话', dataIndex: 'phone' },
        ]}
      />
    </Card>
  );
}

function DecisionDone({ caseId, decided, outcome }: { caseId: string; decided: Decided; outcome: keyof typeof OUTCOMES }) {
  const clocks = useClocks(caseId, true);
  const running = (clocks.data ?? []).filter((k: Clock) => k.status === 'running');
  const decisionClock = running.find((k) => k.rule === 'decision' || k.rule === 'decision-simplified');
  return (
    <Result
      status="success"
      title={`${decided.caseNumber}：已${OUTCOMES[outcome].label}`}
      subTitle={
        decisionClock ? (
          <span data-testid="decision-due">
            行政复议决定期限：<Typography.Text strong>{decisionClock.due}</Typography.Text>
            {decisionClock.provisional ? '（暂定，依赖尚未公布的节假日安排）' : ''}（《行政复议法》第六十二条）
          </span>
        ) : (
          OUTCOMES[outcome].consequence
        )
      }
      extra={
        <>
          {clocks.isPending ? (
            <Spin />
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              aria-label="正在计算的期限"
              dataSource={running}
              style={{ maxWidth: 640, margin: '0 auto 16px', textAlign: 'left' }}
              columns={[
                { title: '期限', dataIndex: 'rule', render: (r: string) => CLOCK_LABELS[r] ?? r },
                { title: '起算', dataIndex: 'start', width: 120 },
                { title: '届满', dataIndex: 'due', width: 120 },
              ]}
            />
          )}
          <Link to="/intake">
            <Button type="primary">返回收件队列</Button>
          </Link>
        </>
      }
    />
  );
}

/** 受理审查: the application as registered, then the decision (ARL 30/31). */
export default function AcceptanceReviewPage() {
  const { caseId = '' } = useParams();
  const q = useCaseForReview(caseId);
  const decide = useDecide(caseId);
  const [done, setDone] = useState<{ decided: Decided; outcome: keyof typeof OUTCOMES } | null>(null);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        受理审查{q.data ? `：${q.data.caseNumber}` : ''}
      </Typography.Title>
      <Link to="/intake">← 返回收件队列</Link>
      <div style={{ marginTop: 12 }}>
        {q.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />
        ) : !q.data ? (
          <Spin />
        ) : done ? (
          <DecisionDone caseId={caseId} decided={done.decided} outcome={done.outcome} />
        ) : (
          <Row gutter={16}>
            <Col span={14}>
              <CaseSummary c={q.data} />
            </Col>
            <Col span={10}>
              <Card size="small" title="审查决定">
                {reviewOutcomes(q.data).length === 0 ? (
                  <Alert type="info" showIcon title={`本案当前状态为“${q.data.stateLabel}”，您现在不能作出受理审查决定。`} />
                ) : (
                  <ReviewDecisionForm
                    key={q.data.version}
                    caseNumber={q.data.caseNumber}
                    version={q.data.version}
                    decide={(body) => decide.mutateAsync(body)}
                    onDecided={(decided, outcome) => setDone({ decided, outcome })}
                    onReload={() => void q.refetch()}
                    allowed={reviewOutcomes(q.data)}
                  />
                )}
              </Card>
            </Col>
          </Row>
        )}
      </div>
    </>
  );
}

/** The review outcomes the server allows the caller now, from the case's allowedActions (ARL 30/31). */
function reviewOutcomes(c: CaseForReview): Array<'accept' | 'request_correction' | 'refuse'> {
  const allowed = new Set(c.detail.allowedActions.map((a) => a.action));
  return (['accept', 'request_correction', 'refuse'] as const).filter((o) => allowed.has(o));
}
