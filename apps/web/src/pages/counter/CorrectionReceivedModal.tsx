import { useRef, useState } from 'react';
import { App, Form, Input, Modal, Typography, type InputRef } from 'antd';
import { shanghaiDate } from '@fuyi/kernel';
import { ApiErrorAlert, isConflict } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import { useCorrectionReceived, type ApplicationRow } from './api';
import { isoDateRule, notAfterToday, required } from './registration';

/** 收到补正材料 (ARL 31): the date the applicant's correction arrived; the 5-working-day acceptance review starts again. */
export function CorrectionReceivedModal({ row, onClose }: { row: ApplicationRow; onClose: () => void }) {
  const [form] = Form.useForm<{ receivedOn: string }>();
  const mutation = useCorrectionReceived();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const dateInput = useRef<InputRef>(null);

  const confirm = async () => {
    const { receivedOn } = await form.validateFields();
    setError(null);
    try {
      const r = await mutation.mutateAsync({ caseId: row.caseId, version: row.version, receivedOn: receivedOn.trim() });
      void message.success(`已登记收到补正材料，${r.caseNumber} 重新进行受理审查，期限至 ${r.acceptanceDue}`);
      onClose();
    } catch (e) {
      showFieldErrors(form, e);
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={`收到补正材料：${row.caseNumber}`}
      okText="确认收到"
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      // The date field has the focus once the dialog has opened, so Enter confirms. autoFocus alone is not enough without
      // motion (reduced-motion users): the dialog opens at once, the focus ended elsewhere and Enter closed it unconfirmed.
      afterOpenChange={(open) => open && dateInput.current?.focus()}
    >
      <ApiErrorAlert error={error} onReload={isConflict(error) ? onClose : undefined} />
      <Typography.Paragraph>
        申请人：{row.applicants}；被申请人：{row.respondent}
        。确认后，行政复议机构自收到补正材料之日起重新进行受理审查（5个工作日，《行政复议法》第三十一条、第三十条）。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ receivedOn: shanghaiDate(new Date()) }}
        onFinish={() => void confirm()}
        className="fuyi-counter-form"
      >
        <Form.Item
          name="receivedOn"
          label="收到补正材料的日期"
          rules={[required('收到补正材料的日期'), isoDateRule, notAfterToday]}
          required
        >
          <Input ref={dateInput} placeholder="YYYY-MM-DD" autoComplete="off" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
