import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Table } from 'antd';
import { empty, beijingDay } from '../../components/Mark';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { StepDialog } from '../../components/StepDialog';
import { downloadMediationDocument, useFileDocuments, useSessions, type MediationFile } from './api';

const TYPES = [
  { value: 'mediation-referral', label: '调解移送函' },
  { value: 'mediation-record', label: '调解笔录' },
  { value: 'mediation-agreement', label: '调解协议书' },
  { value: 'mediation-document', label: '行政复议调解书' },
  { value: 'mediation-termination-notice', label: '终止调解通知书' },
] as const;
type DocType = (typeof TYPES)[number]['value'];
const lines = (v: unknown) => String(v ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/** 调解文书: what was issued (.docx to download) and, for those working the file, issuing one (the API says which fit the state). */
export function FileDocuments({ file }: { file: MediationFile }) {
  const q = useFileDocuments(file.id);
  const sessions = useSessions(file.id);
  const [issuing, setIssuing] = useState(false);
  const { message } = App.useApp();
  const canIssue = file.allowedActions.some((a) => a.action === 'schedule_session');
  return (
    <Card size="small" title="调解文书" style={{ marginBottom: 16 }} extra={canIssue && <Button size="small" onClick={() => setIssuing(true)}>出具文书</Button>}>
      <ApiErrorAlert error={q.error} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={q.isPending}
        aria-label="调解文书"
        dataSource={q.data ?? []}
        locale={empty('尚未出具文书')}
        columns={[
          { title: '文书', dataIndex: 'title' },
          { title: '文号', dataIndex: 'number' },
          { title: '出具时间', dataIndex: 'issuedAt', render: (v: string) => beijingDay(v) },
          {
            title: '操作',
            key: 'dl',
            render: (_: unknown, d) => (
              <Button size="small" aria-label={`下载 ${d.title}`} onClick={() => downloadMediationDocument(d).catch((e) => void message.error(errorMessage(e)))}>
                下载
              </Button>
            ),
          },
        ]}
      />
      {issuing && (
        <StepDialog
          title="出具调解文书"
          okText="确认出具"
          intro="文书按公文格式生成 Word（.docx）文件；调解协议书、调解书仅在调解中或已签署时出具，终止调解通知书仅在调解终结后出具。"
          submit={(x) =>
            unwrap(api.POST('/api/mediation/files/{id}/documents', {
              params: { path: { id: file.id } },
              body: { type: x.type as DocType, ...(x.sessionId ? { sessionId: String(x.sessionId) } : {}), ...(lines(x.items).length ? { items: lines(x.items) } : {}), ...(x.reason ? { reason: String(x.reason) } : {}) },
            }))
          }
          onDone={() => {
            setIssuing(false);
            void q.refetch();
          }}
          onClose={() => setIssuing(false)}
          onReload={() => setIssuing(false)}
        >
          {(form) => <IssueFields form={form} sessions={(sessions.data ?? []).filter((s) => s.kind === 'joint')} />}
        </StepDialog>
      )}
    </Card>
  );
}

function IssueFields({ form, sessions }: { form: Parameters<typeof Form.useWatch>[1]; sessions: Array<{ id: string; scheduledAt: string }> }) {
  const type = Form.useWatch('type', form) as DocType | undefined;
  return (
    <>
      <Form.Item name="type" label="文书" rules={[{ required: true, message: '请选择文书' }]}>
        <Select aria-label="文书" options={[...TYPES]} placeholder="请选择" />
      </Form.Item>
      {type === 'mediation-record' && (
        <Form.Item name="sessionId" label="调解会议" rules={[{ required: true, message: '请选择调解会议' }]}>
          <Select aria-label="调解会议" options={sessions.map((s) => ({ value: s.id, label: beijingDay(s.scheduledAt) }))} />
        </Form.Item>
      )}
      {(type === 'mediation-agreement' || type === 'mediation-document') && (
        <Form.Item name="items" label="协议内容" extra="每行一项" rules={[{ required: true, message: '请填写协议内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} aria-label="协议内容" />
        </Form.Item>
      )}
      {type === 'mediation-termination-notice' && (
        <Form.Item name="reason" label="终止理由">
          <Input.TextArea autoSize={{ minRows: 2 }} aria-label="终止理由" />
        </Form.Item>
      )}
    </>
  );
}
