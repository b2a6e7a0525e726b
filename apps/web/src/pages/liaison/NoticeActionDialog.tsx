import { Form, Input, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import { isoDateRule } from '../../components/form-rules';
import { StepDialog } from '../../components/StepDialog';
import type { NoticeAction, RiskNotice } from './api';

type Path = `/api/liaison/risk-notices/{id}/${'submit' | 'approve' | 'reject' | 'send' | 'acknowledge' | 'response' | 'close'}`;
const PATHS: Partial<Record<NoticeAction['action'], Path>> = {
  submit: '/api/liaison/risk-notices/{id}/submit',
  approve: '/api/liaison/risk-notices/{id}/approve',
  reject: '/api/liaison/risk-notices/{id}/reject',
  send: '/api/liaison/risk-notices/{id}/send',
  acknowledge: '/api/liaison/risk-notices/{id}/acknowledge',
  respond: '/api/liaison/risk-notices/{id}/response',
  close: '/api/liaison/risk-notices/{id}/close',
};
const INTRO: Partial<Record<NoticeAction['action'], string>> = {
  submit: '提交后由机构负责人审批，审批期间不能修改。',
  approve: '批准后由府院联络员发送各收函部门。',
  reject: '退回起草人修改，请写明理由。',
  send: '发送后出具风险提示函（.docx），各部门的回复期限自发送次日起算。',
  acknowledge: '登记收函部门签收风险提示函的日期。',
  respond: '登记收函部门的书面回复（排查处置情况）。',
  close: '各部门均已回复，办结本风险提示函。',
};

/** The confirmation of one of a risk notice's allowedActions (editing has its own dialog). */
export function NoticeActionDialog({ n, action, onClose, onDone, onReload }: { n: RiskNotice; action: NoticeAction; onClose: () => void; onDone: () => void; onReload: () => void }) {
  const path = PATHS[action.action];
  if (!path) return null;
  const pending = (pick: (r: RiskNotice['recipients'][number]) => boolean) => n.recipients.filter(pick).map((r) => ({ value: r.departmentId, label: r.department }));
  const department = (options: Array<{ value: number; label: string }>) => (
    <Form.Item name="departmentId" label="收函部门" initialValue={options.length === 1 ? options[0].value : undefined} rules={[{ required: true, message: '请选择部门' }]}>
      <Select aria-label="收函部门" options={options} />
    </Form.Item>
  );
  const on = (label: string) => (
    <Form.Item name="on" label={label} extra="不填为今天" rules={[isoDateRule]}>
      <Input placeholder="YYYY-MM-DD" aria-label={label} style={{ width: 160 }} />
    </Form.Item>
  );
  return (
    <StepDialog
      title={`${action.label}：${n.title}`}
      okText={`确认${action.label}`}
      intro={<>{action.article && <>依据：{action.article}。</>}{INTRO[action.action]}</>}
      submit={(x) => {
        const body = Object.fromEntries(Object.entries<unknown>({ version: n.version, ...x }).filter(([, v]) => v !== undefined && v !== ''));
        return unwrap(api.POST(path as '/api/liaison/risk-notices/{id}/submit', { params: { path: { id: n.id } }, body: body as never }));
      }}
      onDone={onDone}
      onClose={onClose}
      onReload={onReload}
    >
      {() => (
        <>
          {action.action === 'reject' && <Form.Item name="note" label="退回理由" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}><Input.TextArea autoSize={{ minRows: 2 }} aria-label="退回理由" /></Form.Item>}
          {action.action === 'acknowledge' && <>{department(pending((r) => !r.acknowledgedOn))}{on('签收日期')}</>}
          {action.action === 'respond' && (
            <>
              {department(pending((r) => !r.responseOn))}
              {on('回复日期')}
              <Form.Item name="response" label="书面回复" rules={[{ required: true, whitespace: true, message: '请填写部门回复' }]}><Input.TextArea autoSize={{ minRows: 3 }} aria-label="书面回复" /></Form.Item>
            </>
          )}
          {action.action === 'close' && <Form.Item name="note" label="办结说明"><Input.TextArea autoSize={{ minRows: 2 }} aria-label="办结说明" /></Form.Item>}
        </>
      )}
    </StepDialog>
  );
}
