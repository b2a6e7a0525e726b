import { Form, Input, InputNumber, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import { useDepartments } from '../../api/reference';
import { StepDialog } from '../../components/StepDialog';
import { noticeBody, type DraftValues } from './notice-draft';

const required = (what: string) => [{ required: true, whitespace: true, message: `请填写${what}` }];

/**
 * 起草风险提示函 (or edit a draft, with `edit`): the fields of RiskNoticeDto, pre-filled from a cluster's suggestion.
 * Drafted from a cluster, the request names it (`links.clusterId`): the API refuses a lead that is no longer open
 * (CLUSTER_NOT_OPEN) and the dialog shows its message.
 */
export function NoticeDraftDialog({
  initial,
  links,
  edit,
  onClose,
  onDone,
}: {
  initial: Partial<DraftValues>;
  links: { caseIds: string[]; consultationIds: string[]; clusterId?: string; label?: string };
  edit?: { id: string; version: number };
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const departments = useDepartments();
  return (
    <StepDialog
      title={edit ? '修改风险提示函' : '起草风险提示函'}
      okText={edit ? '确认修改' : '确认起草'}
      intro={`草稿保存后提交机构负责人审批，批准后方可发送。${links.label ?? ''}`}
      width={720}
      submit={async (x) => {
        const body = noticeBody(x as unknown as DraftValues, links);
        const r = edit
          ? await unwrap(api.PUT('/api/liaison/risk-notices/{id}', { params: { path: { id: edit.id } }, body: { ...body, version: edit.version } }))
          : await unwrap(api.POST('/api/liaison/risk-notices', { body: { ...body, ...(links.clusterId ? { clusterId: links.clusterId } : {}) } }));
        return r.id;
      }}
      onDone={onDone}
      onClose={onClose}
      onReload={onClose}
    >
      {() => (
        <>
          <Form.Item name="title" label="标题" initialValue={initial.title} rules={required('标题')}>
            <Input aria-label="标题" />
          </Form.Item>
          <Form.Item name="summary" label="风险情况" initialValue={initial.summary} rules={required('风险情况')}>
            <Input.TextArea autoSize={{ minRows: 3 }} aria-label="风险情况" />
          </Form.Item>
          <Form.Item name="reasons" label="可能引发群诉群访或重大社会影响的表现" extra="每行一项" initialValue={initial.reasons} rules={required('表现')}>
            <Input.TextArea autoSize={{ minRows: 2 }} aria-label="可能引发群诉群访或重大社会影响的表现" />
          </Form.Item>
          <Form.Item name="suggestions" label="建议措施" extra="每行一项" initialValue={initial.suggestions} rules={required('建议措施')}>
            <Input.TextArea autoSize={{ minRows: 2 }} aria-label="建议措施" />
          </Form.Item>
          <Form.Item name="departmentIds" label="收函部门" initialValue={initial.departmentIds} rules={[{ required: true, message: '请选择收函部门' }]}>
            <Select mode="multiple" aria-label="收函部门" loading={departments.isPending} options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="responseDays" label="回复期限（工作日）" initialValue={initial.responseDays} extra="不填按系统设置（15个工作日）">
            <InputNumber min={1} max={60} aria-label="回复期限（工作日）" />
          </Form.Item>
        </>
      )}
    </StepDialog>
  );
}
