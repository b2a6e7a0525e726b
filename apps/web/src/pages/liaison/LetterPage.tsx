import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Skeleton, Space, Typography } from 'antd';
import { Mark } from '../../components/Mark';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { isoDateRule } from '../../components/form-rules';
import { StepDialog } from '../../components/StepDialog';
import { useLetter, useLiaisonChanged, type Letter, type LetterAction } from './api';
import { LetterEditDialog } from './LetterEditDialog';
import { LiaisonDocuments } from './LiaisonDocuments';
import { FilesCard } from '../../components/files/FilesCard';
import { LIAISON_FILE_KINDS } from '../../components/files/owner-kinds';
import { LETTER_KINDS } from './LettersPage';

const INTRO: Record<string, string> = {
  issue: '批准并制发，出具文书（.docx）。',
  receive: '登记受文部门收到的日期：意见书的60日反馈期限自次日起算（《行政复议法》第七十六条）。',
  feedback: '登记受文部门的反馈及报告的纠正（整改）情况。',
  close: '办结本文书。',
};
const lines = (v: unknown) => String(v ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
const list = (xs: string[]) => <ol style={{ margin: 0, paddingLeft: 18 }}>{xs.map((x) => <li key={x}>{x}</li>)}</ol>;

function Clock({ l }: { l: Letter }) {
  if (!l.feedbackDue) return <>受文部门收到后起算</>;
  return (
    <span data-testid="feedback-due">
      {l.feedbackDue}
      {l.feedbackDueProvisional && <Mark kind="warn">暂定</Mark>}
      {l.escalatedAt && <Mark kind="red">逾期未反馈，已督办</Mark>}
      {(l.feedbackDueExplanation ?? []).length > 0 && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{(l.feedbackDueExplanation ?? []).join('；')}</div>}
    </span>
  );
}

/** 意见书（建议书）: problems and recommendations, the feedback clock, feedback and corrections, documents, next steps. */
export default function LetterPage() {
  const { id = '' } = useParams();
  const q = useLetter(id);
  const changed = useLiaisonChanged();
  const [acting, setActing] = useState<LetterAction | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const l = q.data;
  // The workflow's steps; `upload_file` (issue 18: POST …/files) belongs beside the materials, not in this bar.
  const steps = (l?.allowedActions ?? []).filter((a) => a.action !== 'upload_file');
  const close = () => setActing(null);
  const path = (a: LetterAction['action']) => `/api/liaison/letters/{id}/${a}` as '/api/liaison/letters/{id}/issue';
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{l ? LETTER_KINDS[l.kind] ?? '意见书' : '意见书、建议书'}</Typography.Title>
      <Link to="/liaison/letters">← 返回意见书、建议书</Link>
      <div style={{ marginTop: 12 }}>
        {q.isError ? <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} /> : !l ? <Skeleton active /> : (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={2} items={[
                { key: 's', label: '状态', children: <Mark kind="neutral">{l.stateLabel}</Mark> },
                { key: 'r', label: '受文部门', children: l.recipient },
                { key: 'c', label: '来源案件', children: l.caseId ? <Link to={`/cases/${l.caseId}`}>{l.caseNumber}</Link> : '独立制发' },
                { key: 'i', label: '制发日期', children: l.issuedOn ?? '—' },
                { key: 'rv', label: '收到日期', children: l.receivedOn ?? '—' },
                { key: 'd', label: '反馈期限', children: <Clock l={l} /> },
                { key: 'p', label: '存在的问题', span: 2, children: list(l.problems) },
                { key: 'rec', label: '意见或建议', span: 2, children: list(l.recommendations) },
                ...(l.feedbackOn ? [{ key: 'f', label: '反馈', span: 2, children: `${l.feedbackOn}：${l.feedback ?? ''}` }] : []),
              ]} />
              {result && <Alert type="success" showIcon data-testid="step-result" title={result} style={{ marginTop: 8 }} />}
              <Space wrap style={{ marginTop: 12 }}>
                {steps.length === 0 && <Typography.Text type="secondary">当前没有可办理的操作</Typography.Text>}
                {steps.map((a) => <Button key={a.action} onClick={() => { setResult(null); setActing(a); }}>{a.label}</Button>)}
              </Space>
            </Card>
            <Card size="small" title="文书" style={{ marginBottom: 16 }}><LiaisonDocuments docs={l.documents} /></Card>
            <FilesCard owner={{ type: 'letter', id: l.id }} allowedActions={l.allowedActions} kinds={LIAISON_FILE_KINDS} title="材料" testId="letter-files" />
            {acting?.action === 'edit' && (
              <LetterEditDialog l={l} onClose={close} onDone={() => { setResult('草稿已修改'); close(); changed(); }} onReload={() => { close(); void q.refetch(); }} />
            )}
            {acting && acting.action !== 'edit' && (
              <StepDialog
                title={`${acting.label}：${l.recipient}`}
                okText={`确认${acting.label}`}
                intro={<>{acting.article && <>依据：{acting.article}。</>}{INTRO[acting.action]}</>}
                submit={(x) => {
                  const extra = acting.action === 'feedback' ? { feedbackOn: x.feedbackOn, feedback: x.feedback, corrections: lines(x.corrections) } : acting.action === 'receive' ? { receivedOn: x.receivedOn } : {};
                  return unwrap(api.POST(path(acting.action), { params: { path: { id: l.id } }, body: { version: l.version, ...extra } as never }));
                }}
                onDone={() => { setResult(`${acting.label}：已完成`); close(); changed(); }}
                onClose={close}
                onReload={() => { close(); void q.refetch(); }}
              >
                {() => (
                  <>
                    {acting.action === 'receive' && <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请填写收到日期' }, isoDateRule]}><Input placeholder="YYYY-MM-DD" aria-label="收到日期" style={{ width: 160 }} /></Form.Item>}
                    {acting.action === 'feedback' && (
                      <>
                        <Form.Item name="feedbackOn" label="反馈日期" rules={[{ required: true, message: '请填写反馈日期' }, isoDateRule]}><Input placeholder="YYYY-MM-DD" aria-label="反馈日期" style={{ width: 160 }} /></Form.Item>
                        <Form.Item name="feedback" label="反馈内容" rules={[{ required: true, whitespace: true, message: '请填写反馈内容' }]}><Input.TextArea autoSize={{ minRows: 2 }} aria-label="反馈内容" /></Form.Item>
                        <Form.Item name="corrections" label="纠正（整改）情况" extra="每行一项"><Input.TextArea autoSize={{ minRows: 2 }} aria-label="纠正（整改）情况" /></Form.Item>
                      </>
                    )}
                  </>
                )}
              </StepDialog>
            )}
          </>
        )}
      </div>
    </>
  );
}
