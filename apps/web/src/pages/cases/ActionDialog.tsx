import { useState } from 'react';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { namePath } from '../../api/form-errors';
import { ApiErrorAlert, isConflict } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import { isoDateRule } from '../../components/form-rules';
import { ACTIONS, type ActionField } from './action-catalogue';
import type { AllowedAction, CaseResource } from './api';

const PARTY_ROLES: Record<string, string> = { applicant: '申请人', agent: '代理人', third_party: '第三人' };

/** The answer of a change: the case as it now is, plus what the step produced (a due date, a warning). */
export type ActionResult = CaseResource & { decisionDue?: string; warning?: { code: string; message: string } };

function FieldInput({ f, c, ...rest }: { f: ActionField; c: CaseResource }) {
  // Form.Item passes value/onChange/id through `rest`; the aria-label names the input even where antd's label does not reach it.
  const props = { ...rest, 'aria-label': f.label };
  switch (f.kind) {
    case 'textarea':
      return <Input.TextArea {...props} autoSize={{ minRows: 2, maxRows: 6 }} />;
    case 'list':
      return <Input.TextArea {...props} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="每行一项" />;
    case 'number':
      return <InputNumber {...props} min={f.min} max={f.max} style={{ width: 160 }} />;
    case 'date':
      return <Input {...props} placeholder="YYYY-MM-DD" style={{ width: 160 }} />;
    case 'select':
      return <Select {...props} options={f.options} allowClear={!f.required} placeholder="请选择" />;
    case 'party':
      return (
        <Select
          {...props}
          placeholder="请选择当事人"
          options={c.parties.map((p) => ({ value: p.id, label: `${PARTY_ROLES[p.role] ?? p.role}：${p.name}` }))}
        />
      );
    case 'check':
      return <Checkbox {...rest}>{f.label}</Checkbox>;
    default:
      return <Input {...props} />;
  }
}

/** Form values → the DTO's body: dotted names nest, list lines split, blanks dropped (the API's defaults apply). */
function bodyOf(fields: ActionField[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const path = f.name.split('.');
    let v = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], values);
    if (typeof v === 'string') v = v.trim();
    if (f.kind === 'list' && typeof v === 'string') v = v.split('\n').map((s) => s.trim()).filter(Boolean);
    if (f.kind === 'check') v = v === true;
    if (v === undefined || v === null || v === '') continue;
    let into = body;
    for (const k of path.slice(0, -1)) into = (into[k] ??= {}) as Record<string, unknown>;
    into[path[path.length - 1]] = v;
  }
  // A consent that says nothing is not sent (it matters only for ground 6).
  const consent = body.consent as { applicant?: boolean; respondent?: boolean } | undefined;
  if (consent && !consent.applicant && !consent.respondent) delete body.consent;
  return body;
}

/**
 * 操作确认: names the action and its article, asks for what the route needs, sends the case's version and shows the
 * answer. A 409 says that someone else changed the case and offers to reload; other errors show the API's message and code.
 */
export function ActionDialog({
  c,
  action,
  onClose,
  onDone,
  onReload,
}: {
  c: CaseResource;
  action: AllowedAction;
  onClose: () => void;
  onDone: (r: ActionResult) => void;
  onReload: () => void;
}) {
  const spec = ACTIONS[action.action]!;
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const send = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const body = { ...bodyOf(spec.fields, values), ...(spec.unversioned ? {} : { version: c.version }) };
      const r = (await unwrap(api.POST(spec.path, { params: { path: { id: c.id } }, body: body as never }))) as ActionResult;
      void message.success(`${action.label}：已完成`);
      onDone(r);
    } catch (e) {
      showFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${action.label}：${c.caseNumber}`}
      okText={`确认${action.label}`}
      cancelText="取消"
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: isConflict(error) }}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph data-testid="action-article">
        依据：{action.article}。确认后将{action.label}，并记入案件记录。
      </Typography.Paragraph>
      <ApiErrorAlert error={error} onReload={onReload} />
      <Form form={form} layout="vertical" requiredMark onFinish={() => void send()}>
        {spec.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={namePath(f.name)}
            label={f.kind === 'check' ? undefined : f.label}
            valuePropName={f.kind === 'check' ? 'checked' : 'value'}
            extra={f.help}
            rules={[
              ...(f.required ? [f.kind === 'check' ? { validator: checked(f.label) } : { required: true, message: `请填写${f.label}` }] : []),
              ...(f.kind === 'date' ? [isoDateRule] : []),
            ]}
          >
            <FieldInput f={f} c={c} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

const checked = (label: string) => (_: unknown, v: unknown) => (v === true ? Promise.resolve() : Promise.reject(new Error(`请确认：${label}`)));
