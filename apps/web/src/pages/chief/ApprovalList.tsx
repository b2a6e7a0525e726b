import { Alert, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiErrorAlert, isConflict } from '../../components/ApiErrorAlert';
import { CaseTable } from '../office/CaseTable';
import { allows, KINDS, type ApprovalItem, type Decide } from './api';

interface Outcome {
  caseNumber: string;
  stateLabel: string;
}
type Pending = { item: ApprovalItem; ret: boolean };

/**
 * 待我审批: each row approves or returns after a confirmation naming the article; a return needs a reason. Sends the
 * version the list showed; a 409 (someone changed the case) offers to reload; a four-eyes refusal is shown as the API words it.
 * Only the buttons the row's `allowedActions` lists are shown (the head does not see 批准 on what they submitted).
 */
export function ApprovalList(props: {
  items: ApprovalItem[];
  loading?: boolean;
  decide: (d: Decide) => Promise<Outcome>;
  onReload: () => void;
  detail?: (item: ApprovalItem) => ReactNode;
}) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const open = (item: ApprovalItem, ret: boolean) => {
    setError(null);
    form.resetFields();
    setPending({ item, ret });
  };
  const confirm = async () => {
    if (!pending) return;
    const { item, ret } = pending;
    let reason: string | undefined;
    if (ret) {
      try {
        reason = (await form.validateFields()).reason.trim();
      } catch {
        return; // the form shows what is missing
      }
    }
    setBusy(true);
    try {
      const r = await props.decide({ kind: item.kind, caseId: item.caseId, version: item.version, returnReason: reason });
      setDone(`${ret ? '已退回' : '已批准'}${KINDS[item.kind].label}：${r.caseNumber}，案件状态现为“${r.stateLabel}”。`);
      setPending(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const kind = pending && KINDS[pending.item.kind];
  return (
    <>
      {done && (
        <Alert
          type="success"
          showIcon
          title={done}
          data-testid="approval-result"
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setDone(null) }}
        />
      )}
      <CaseTable<ApprovalItem>
        rows={props.items}
        loading={props.loading}
        label="待审批事项"
        testId="approvals-table"
        empty="没有待审批的事项"
        rowKey={(r) => `${r.kind}:${r.caseId}`}
        action={{
          title: '审批',
          render: (r) => (
            <Space size={4} wrap>
              <Tag color="purple">{KINDS[r.kind].label}</Tag>
              {allows(r, KINDS[r.kind].approveAction) && (
                <Button size="small" type="primary" onClick={() => open(r, false)} aria-label={`${KINDS[r.kind].approve} ${r.caseNumber}`}>
                  批准
                </Button>
              )}
              {allows(r, KINDS[r.kind].returnAction) && (
                <Button size="small" danger onClick={() => open(r, true)} aria-label={`退回 ${r.caseNumber}`}>
                  退回
                </Button>
              )}
              {!allows(r, KINDS[r.kind].approveAction) && !allows(r, KINDS[r.kind].returnAction) && (
                <Typography.Text type="secondary">无权审批</Typography.Text>
              )}
            </Space>
          ),
        }}
      />
      <Modal
        open={pending !== null}
        title={pending && kind ? `${pending.ret ? '退回' : '批准'}${kind.label}` : ''}
        okText={pending?.ret ? '确认退回' : '确认批准'}
        okButtonProps={{ danger: pending?.ret, loading: busy, disabled: isConflict(error) }}
        cancelText="取消"
        onOk={() => void confirm()}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        {pending && kind && (
          <>
            <Typography.Paragraph data-testid="approval-confirm">
              案件 <Typography.Text strong>{pending.item.caseNumber}</Typography.Text>（申请人：{pending.item.applicants}；承办人：
              {pending.item.handler ?? '未分配'}）。依据{kind.article}，
              {pending.ret ? '退回后由承办人修改后重新提交。' : '批准后即生效，不能撤回。'}
            </Typography.Paragraph>
            {props.detail?.(pending.item)}
            {pending.ret && (
              <Form form={form} layout="vertical">
                <Form.Item
                  name="reason"
                  label="退回理由"
                  rules={[{ required: true, whitespace: true, message: '请填写退回理由（将告知承办人）' }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} showCount />
                </Form.Item>
              </Form>
            )}
            <ApiErrorAlert
              error={error}
              onReload={() => {
                setPending(null);
                props.onReload();
              }}
            />
          </>
        )}
      </Modal>
    </>
  );
}
