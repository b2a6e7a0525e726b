import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Select, Table, Typography } from 'antd';
import { Mark, empty } from '../../components/Mark';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useDepartments } from '../../api/reference';
import { StepDialog } from '../../components/StepDialog';
import { useLetters, useLiaisonChanged } from './api';

export const LETTER_KINDS: Record<string, string> = { opinion: '意见书', suggestion: '建议书' };
const STATES: Record<string, string> = { draft: '草稿', issued: '已制发', received: '对方已收到', feedback_received: '已反馈', closed: '已办结' };
const lines = (v: unknown) => String(v ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/** 意见书、建议书: every letter with its 60-day feedback clock (ARL 76), and drafting one. */
export default function LettersPage() {
  const q = useLetters();
  const departments = useDepartments();
  const changed = useLiaisonChanged();
  const navigate = useNavigate();
  const [drafting, setDrafting] = useState(false);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>意见书、建议书</Typography.Title>
      <Card size="small" extra={<Button onClick={() => setDrafting(true)}>起草意见书或建议书</Button>}>
        {q.isError ? <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} /> : (
          <Table size="small" rowKey="id" loading={q.isPending} pagination={false} aria-label="意见书、建议书" dataSource={q.data?.items ?? []} locale={empty('没有意见书或建议书')}
            columns={[
              { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => LETTER_KINDS[k] ?? k },
              { title: '受文部门', key: 'r', render: (_: unknown, l) => <Link to={`/liaison/letters/${l.id}`}>{l.recipient}</Link> },
              { title: '状态', dataIndex: 'state', width: 100, render: (s: string) => <Mark kind="neutral">{STATES[s] ?? s}</Mark> },
              { title: '反馈期限', key: 'd', width: 200, render: (_: unknown, l) => (l.feedbackDue ? <>{l.feedbackDue}{l.feedbackDueProvisional && <Mark kind="warn">暂定</Mark>}{l.escalatedAt && <Mark kind="red">已督办</Mark>}</> : '收到后起算') },
            ]} />
        )}
      </Card>
      {drafting && (
        <StepDialog
          title="起草意见书或建议书"
          okText="确认起草"
          intro="意见书（《行政复议法》第七十六条）：受文部门自收到之日起60日内反馈纠正情况。草稿经机构负责人批准后制发。"
          submit={(x) => unwrap(api.POST('/api/liaison/letters', { body: { kind: x.kind as 'opinion' | 'suggestion', recipientDepartmentId: x.recipientDepartmentId as number, problems: lines(x.problems), recommendations: lines(x.recommendations) } }))}
          onDone={(r) => { changed(); void navigate(`/liaison/letters/${r.id}`); }}
          onClose={() => setDrafting(false)}
          onReload={() => setDrafting(false)}
        >
          {() => (
            <>
              <Form.Item name="kind" label="类型" initialValue="opinion"><Radio.Group aria-label="类型" options={[{ value: 'opinion', label: '意见书' }, { value: 'suggestion', label: '建议书' }]} /></Form.Item>
              <Form.Item name="recipientDepartmentId" label="受文部门" rules={[{ required: true, message: '请选择受文部门' }]}>
                <Select aria-label="受文部门" showSearch optionFilterProp="label" options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
              </Form.Item>
              <Form.Item name="problems" label="存在的问题" extra="每行一项" rules={[{ required: true, whitespace: true, message: '请填写存在的问题' }]}><Input.TextArea autoSize={{ minRows: 2 }} aria-label="存在的问题" /></Form.Item>
              <Form.Item name="recommendations" label="意见或建议" extra="每行一项" rules={[{ required: true, whitespace: true, message: '请填写意见或建议' }]}><Input.TextArea autoSize={{ minRows: 2 }} aria-label="意见或建议" /></Form.Item>
            </>
          )}
        </StepDialog>
      )}
    </>
  );
}
