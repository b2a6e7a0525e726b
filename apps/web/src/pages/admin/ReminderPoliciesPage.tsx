import { Alert, Button, Card, Form, Input, Modal, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Role, ROLE_LABELS } from '@fuyi/kernel';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import { CLOCK_RULES } from '../cases/labels';
import { usePolicies, useSetPolicy, type ReminderPolicy } from './api';

const RECIPIENTS: Record<string, string> = {
  handler: '承办人',
  [Role.ReconsiderationClerk]: ROLE_LABELS[Role.ReconsiderationClerk],
  [Role.SectionChief]: ROLE_LABELS[Role.SectionChief],
  [Role.OfficeHead]: ROLE_LABELS[Role.OfficeHead],
};
const ruleLabel = (r: string) => (r === '*' ? '默认（未单独设置的期限）' : CLOCK_RULES[r] ?? r);

/** -3 → 届满前3个工作日; 0 → 届满当日. */
export const offsetText = (o: number) => (o === 0 ? '届满当日' : `届满前${-o}个工作日`);

/** "-3, -1, 0" → [-3, -1, 0]; null when a part is not a whole number from -30 to 0. */
export function parseOffsets(text: string): number[] | null {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  const nums = parts.map(Number);
  return nums.every((n) => Number.isInteger(n) && n >= -30 && n <= 0) ? nums : null;
}

interface Fields {
  rule: string;
  recipientRole: string;
  offsets: string;
  overdueDaily: boolean;
}

/** 提醒策略: when each rule's reminders go to whom; a change re-plans the pending reminders of running clocks. */
export default function ReminderPoliciesPage() {
  const policies = usePolicies();
  const set = useSetPolicy();
  const [form] = Form.useForm<Fields>();
  const [editing, setEditing] = useState<Partial<ReminderPolicy> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const close = () => (setEditing(null), set.reset());
  const save = (v: Fields) =>
    set.mutate(
      { rule: v.rule, recipientRole: v.recipientRole, offsets: parseOffsets(v.offsets) ?? [], overdueDaily: v.overdueDaily },
      { onSuccess: (r) => (setDone(`已保存提醒策略，重新安排了 ${r.clocksReplanned} 个在办期限的提醒。`), close()), onError: (e) => showFieldErrors(form, e) },
    );
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        提醒策略
      </Typography.Title>
      {done && <Alert type="success" showIcon role="status" title={done} closable onClose={() => setDone(null)} style={{ marginBottom: 12 }} />}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>期限提醒</h2>} extra={<Button onClick={() => setEditing({ overdueDaily: true, offsets: [-3, -1, 0] })}>新增策略</Button>}>
        <ApiErrorAlert error={policies.error} />
        <Table<ReminderPolicy>
          rowKey={(p) => `${p.rule}/${p.recipientRole}`}
          size="middle"
          pagination={false}
          loading={policies.isPending}
          dataSource={policies.data ?? []}
          aria-label="提醒策略"
          columns={[
            { title: '期限', dataIndex: 'rule', render: ruleLabel },
            { title: '提醒对象', dataIndex: 'recipientRole', width: 120, render: (r: string) => RECIPIENTS[r] ?? r },
            { title: '提醒时间', dataIndex: 'offsets', render: (o: number[]) => o.map(offsetText).join('、') || '—' },
            { title: '逾期后', dataIndex: 'overdueDaily', width: 140, render: (d: boolean) => (d ? '每个工作日提醒' : '不再提醒') },
            { title: '操作', key: 'edit', width: 90, render: (_, p) => <Button size="small" onClick={() => setEditing(p)} aria-label={`修改 ${ruleLabel(p.rule)} ${RECIPIENTS[p.recipientRole] ?? p.recipientRole}`}>修改</Button> },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing?.rule ? '修改提醒策略' : '新增提醒策略'} okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={close} okButtonProps={{ loading: set.isPending }} destroyOnHidden>
        <ApiErrorAlert error={set.error} />
        {editing && (
          <Form<Fields>
            form={form}
            name="reminder-policy"
            layout="vertical"
            preserve={false}
            aria-label="提醒策略"
            initialValues={{ rule: editing.rule, recipientRole: editing.recipientRole, offsets: (editing.offsets ?? []).join(', '), overdueDaily: editing.overdueDaily }}
            onFinish={save}
          >
            <Form.Item name="rule" label="期限" rules={[{ required: true, message: '请选择期限' }]}>
              <Select disabled={!!editing.rule} options={['*', ...Object.keys(CLOCK_RULES)].map((r) => ({ value: r, label: ruleLabel(r) }))} />
            </Form.Item>
            <Form.Item name="recipientRole" label="提醒对象" rules={[{ required: true, message: '请选择提醒对象' }]}>
              <Select disabled={!!editing.recipientRole} options={Object.entries(RECIPIENTS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item
              name="offsets"
              label="届满前几个工作日提醒"
              extra="用逗号分隔：-3 = 届满前3个工作日，0 = 届满当日（-30 到 0，最多10个）"
              rules={[{ validator: (_, v: string) => (parseOffsets(v ?? '') ? Promise.resolve() : Promise.reject(new Error('请填写 -30 到 0 之间的整数，用逗号分隔'))) }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="overdueDaily" label="逾期后每个工作日提醒" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
