import { Form, Input, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import { useDepartments } from '../../api/reference';
import { StepDialog } from '../../components/StepDialog';
import type { Letter } from './api';

const lines = (v: unknown) =>
  String(v ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const required = (what: string) => [{ required: true, whitespace: true, message: `请填写${what}` }];

/**
 * 修改意见书（建议书）草稿: the letter's `edit` action (offered by the API while it is a draft), sent with the version
 * read; a concurrent edit answers 409 and the dialog offers to reload (StepDialog).
 */
export function LetterEditDialog({
  l,
  onClose,
  onDone,
  onReload,
}: {
  l: Letter;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const departments = useDepartments();
  return (
    <StepDialog
      title={`修改草稿：${l.recipient}`}
      okText="确认修改"
      intro="制发前可修改受文部门、存在的问题和意见或建议；每行一项。"
      width={680}
      submit={(x) =>
        unwrap(
          api.PUT('/api/liaison/letters/{id}', {
            params: { path: { id: l.id } },
            body: {
              version: l.version,
              recipientDepartmentId: Number(x.recipientDepartmentId),
              problems: lines(x.problems),
              recommendations: lines(x.recommendations),
            },
          }),
        )
      }
      onDone={onDone}
      onClose={onClose}
      onReload={onReload}
    >
      {() => (
        <>
          <Form.Item
            name="recipientDepartmentId"
            label="受文部门"
            initialValue={l.recipientDepartmentId}
            rules={[{ required: true, message: '请选择受文部门' }]}
          >
            <Select
              aria-label="受文部门"
              loading={departments.isPending}
              showSearch
              optionFilterProp="label"
              options={(departments.data ?? [{ id: l.recipientDepartmentId, name: l.recipient }]).map((d) => ({
                value: d.id,
                label: d.name,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="problems"
            label="存在的问题"
            extra="每行一项"
            initialValue={l.problems.join('\n')}
            rules={required('存在的问题')}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} aria-label="存在的问题" />
          </Form.Item>
          <Form.Item
            name="recommendations"
            label="意见或建议"
            extra="每行一项"
            initialValue={l.recommendations.join('\n')}
            rules={required('意见或建议')}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} aria-label="意见或建议" />
          </Form.Item>
        </>
      )}
    </StepDialog>
  );
}
