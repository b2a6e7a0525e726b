import { useState, type ReactNode } from 'react';
import { App, Form, Modal, Typography, type FormInstance } from 'antd';
import { ApiErrorAlert, isConflict } from './ApiErrorAlert';
import { showFieldErrors } from './field-errors';

/**
 * 操作确认 for records other than a case (mediation files, risk notices, letters, clusters): says what the step does
 * (and its article), asks for what the route needs, sends it and reports the result. A 409 on a stale version says that
 * someone else changed the record and offers to reload; any other refusal shows the API's message and code.
 */
export function StepDialog<T>({
  title,
  okText,
  intro,
  children,
  submit,
  onDone,
  onClose,
  onReload,
  width = 600,
  okDisabled = false,
}: {
  title: string;
  okText: string;
  intro: ReactNode;
  children?: (form: FormInstance<Record<string, unknown>>) => ReactNode;
  submit: (values: Record<string, unknown>) => Promise<T>;
  onDone: (result: T) => void;
  onClose: () => void;
  onReload: () => void;
  width?: number;
  /** Nothing chosen yet (e.g. no mediator ticked). */
  okDisabled?: boolean;
}) {
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
      const r = await submit(values);
      void message.success(`${okText.replace(/^确认/, '')}：已完成`);
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
      title={title}
      okText={okText}
      cancelText="取消"
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: okDisabled || isConflict(error) }}
      destroyOnHidden
      width={width}
    >
      <Typography.Paragraph data-testid="step-intro">{intro}</Typography.Paragraph>
      <ApiErrorAlert error={error} onReload={onReload} />
      <Form form={form} layout="vertical" requiredMark onFinish={() => void send()}>
        {children?.(form)}
      </Form>
    </Modal>
  );
}
