import { Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import { isoDateRule } from '../../components/form-rules';
import { previewChange, useApplyChange, type CalendarChange, type DayKind } from './api';
import { CalendarPreview } from './CalendarPreview';
import { DAY_KINDS } from './YearGrid';

/** What opens the dialog: a day (picked in the grid or typed), or a year's arrangement to load. */
export type ChangeStart = { type: 'day'; date?: string; kind?: DayKind; name?: string; existing?: boolean } | { type: 'load'; year: number };

interface Fields {
  date?: string;
  arrangement?: DayKind | 'remove';
  name?: string;
  reason: string;
}

function changeOf(start: ChangeStart, v: Fields): CalendarChange {
  if (start.type === 'load') return { type: 'load', year: start.year, reason: v.reason };
  if (v.arrangement === 'remove') return { type: 'remove', date: v.date!, reason: v.reason };
  return { type: 'set', date: v.date!, kind: v.arrangement!, name: v.name!, reason: v.reason };
}

/**
 * Mark a day or load a year: first 预览影响 (the API lists the open clocks the change would move, nothing written),
 * then 确认修改. Changing the form after a preview asks for a new one.
 */
export function CalendarChangeModal({ start, onClose, onDone }: { start: ChangeStart | null; onClose: () => void; onDone: (text: string) => void }) {
  const [form] = Form.useForm<Fields>();
  const preview = useMutation({ mutationFn: previewChange });
  const apply = useApplyChange();
  const arrangement = Form.useWatch('arrangement', form);
  const close = () => {
    preview.reset();
    apply.reset();
    onClose();
  };
  const runPreview = (v: Fields) => start && preview.mutate(changeOf(start, v), { onError: (e) => showFieldErrors(form, e) });
  const confirm = () => {
    if (!start) return;
    apply.mutate(changeOf(start, form.getFieldsValue()), {
      onSuccess: (r) => {
        // Someone else changed the calendar after the preview: what moved is the answer's, not the preview's.
        const meanwhile = preview.data && r.version !== preview.data.calendarVersion + 1 ? '（预览后日历已被他人修改，以本结果为准）' : '';
        onDone(`工作日历已更新为第 ${r.version} 版：变更 ${r.changedDays} 天，重新计算了 ${r.clocksRecomputed} 个未结期限。${meanwhile}`);
        close();
      },
    });
  };
  const title = start?.type === 'load' ? `载入 ${start.year} 年放假安排` : '标记日期';
  return (
    <Modal
      open={start !== null}
      title={title}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>取消</Button>
          {preview.data ? (
            <Button type="primary" loading={apply.isPending} onClick={confirm}>
              确认修改
            </Button>
          ) : (
            <Button type="primary" loading={preview.isPending} onClick={() => form.submit()}>
              预览影响
            </Button>
          )}
        </Space>
      }
    >
      {start && (
        <Form<Fields>
          form={form}
          name="calendar-change"
          layout="vertical"
          preserve={false}
          aria-label={title}
          initialValues={start.type === 'day' ? { date: start.date, arrangement: start.kind ?? 'closure', name: start.name } : {}}
          onValuesChange={() => preview.data && preview.reset()}
          onFinish={runPreview}
        >
          {start.type === 'load' ? (
            <Typography.Paragraph>
              以程序内置的国务院办公厅放假安排替换 {start.year} 年已有记录（手工标记的停止办公日也将被替换）。
            </Typography.Paragraph>
          ) : (
            <>
              <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }, isoDateRule]} extra="格式 YYYY-MM-DD">
                <Input autoComplete="off" placeholder="2026-09-15" style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="arrangement" label="安排" rules={[{ required: true, message: '请选择安排' }]}>
                <Radio.Group>
                  {(['closure', 'holiday', 'workday'] as DayKind[]).map((k) => (
                    <Radio key={k} value={k}>
                      {DAY_KINDS[k].mark} {DAY_KINDS[k].label}
                    </Radio>
                  ))}
                  {start.existing && <Radio value="remove">恢复为普通日（删除特殊安排）</Radio>}
                </Radio.Group>
              </Form.Item>
              {arrangement !== 'remove' && (
                <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称，如：台风停止办公' }]}>
                  <Input autoComplete="off" placeholder="台风停止办公" maxLength={64} />
                </Form.Item>
              )}
            </>
          )}
          <Form.Item name="reason" label="原因（记入变更历史和审计日志）" rules={[{ required: true, message: '请说明原因' }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder="如：区政府通知，台风红色预警，全区机关停止办公" />
          </Form.Item>
        </Form>
      )}
      <ApiErrorAlert error={preview.error ?? apply.error} />
      {preview.data && <CalendarPreview preview={preview.data} />}
    </Modal>
  );
}
