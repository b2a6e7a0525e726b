import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { shanghaiDateTime } from '@fuyi/kernel';
import { errorMessage } from '../../api/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import {
  downloadDocument,
  useDocuments,
  useDocumentTypes,
  useIssueDocument,
  useUploadDocumentVersion,
  type CaseDocument,
  type DocumentType,
} from './api';

/** 上传签章版: the signed and sealed scan (or a corrected file) of an issued document, as its next version. */
function VersionUpload({ caseId, doc, onError }: { caseId: string; doc: CaseDocument; onError: (e: unknown) => void }) {
  const upload = useUploadDocumentVersion(caseId);
  const { message } = App.useApp();
  const [reason, setReason] = useState<'signed' | 'corrected'>('signed');
  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      const v = await upload.mutateAsync({ documentId: doc.id, reason, file });
      void message.success(`已上传 ${doc.title} 第${v.version}版（${v.reasonLabel}）`);
    } catch (e) {
      onError(e);
    }
  };
  return (
    <Space size={4}>
      <Select
        size="small"
        aria-label={`版本类型 ${doc.number}`}
        value={reason}
        onChange={setReason}
        style={{ width: 96 }}
        options={[
          { value: 'signed', label: '签章版' },
          { value: 'corrected', label: '更正版' },
        ]}
      />
      <label>
        <Typography.Link>{upload.isPending ? '上传中…' : '上传签章版'}</Typography.Link>
        <input
          type="file"
          aria-label={`上传签章版 ${doc.number}`}
          accept=".pdf,.jpg,.jpeg,.png,.ofd,.docx"
          style={{ display: 'none' }}
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </label>
    </Space>
  );
}

/** A form built from the data keys the chosen type declares (label, required, text or list, format). */
function IssueForm({ caseId, version }: { caseId: string; version: number }) {
  const types = useDocumentTypes(caseId, version);
  const issue = useIssueDocument(caseId);
  const [type, setType] = useState<DocumentType | null>(null);
  const [form] = Form.useForm<Record<string, string>>();
  const { message } = App.useApp();
  if (types.isError) return <Alert type="error" showIcon title={errorMessage(types.error)} />;
  const send = async (values: Record<string, string>) => {
    if (!type) return;
    const data: Record<string, string | string[]> = {};
    for (const k of type.data) {
      const v = values[k.key]?.trim();
      if (!v) continue;
      data[k.key] =
        k.type === 'list'
          ? v
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
          : v;
    }
    try {
      const doc = await issue.mutateAsync({ type: type.type as never, data });
      void message.success(`已制作：${doc.title}（${doc.number}）`);
      form.resetFields();
      await downloadDocument(doc);
    } catch (e) {
      showFieldErrors(form, e, (p) => (p[0] === 'data' ? p.slice(1) : p));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void send(v)} style={{ marginTop: 12 }} aria-label="制作文书">
      <Form.Item label="文书种类" required>
        <Select
          aria-label="文书种类"
          loading={types.isPending}
          placeholder={types.data?.length === 0 ? '本案当前没有可制作的文书' : '请选择'}
          options={types.data?.map((t) => ({ value: t.type, label: t.title }))}
          onChange={(v: string) => setType(types.data?.find((t) => t.type === v) ?? null)}
        />
      </Form.Item>
      {type?.data.map((k) => (
        <Form.Item
          key={k.key}
          name={k.key}
          label={k.label}
          extra={[k.note, k.format ? `格式：${k.format}` : '', k.type === 'list' ? '每行一项' : ''].filter(Boolean).join('；') || undefined}
          rules={k.required ? [{ required: true, whitespace: true, message: `请填写${k.label}` }] : []}
        >
          {k.type === 'list' ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /> : <Input />}
        </Form.Item>
      ))}
      <ApiErrorAlert error={issue.error} />
      <Button type="primary" htmlType="submit" disabled={!type} loading={issue.isPending}>
        制作并下载
      </Button>
    </Form>
  );
}

/** 文书: the case's documents (download the .docx) and issuing one of the types the caller may issue now. */
export function CaseDocuments({ caseId, version, mayAddVersion = false }: { caseId: string; version: number; mayAddVersion?: boolean }) {
  const q = useDocuments(caseId);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card size="small" title="文书" style={{ marginBottom: 16 }}>
      <ApiErrorAlert error={error} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        aria-label="文书"
        loading={q.isPending}
        dataSource={q.data ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">暂无文书</Typography.Text> }}
        columns={[
          { title: '文书', dataIndex: 'title' },
          { title: '文号', dataIndex: 'number' },
          { title: '制作时间', dataIndex: 'issuedAt', render: (v: string) => shanghaiDateTime(new Date(v)) },
          {
            title: '下载',
            key: 'dl',
            render: (_, d) => (
              <Space>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={`下载 ${d.title} ${d.number}`}
                  onClick={() => downloadDocument(d).catch(setError)}
                >
                  下载
                </Button>
                {d.superseded && '（已被新版本替代）'}
                {mayAddVersion && d.ownerKind === 'case' && <VersionUpload caseId={caseId} doc={d} onError={setError} />}
              </Space>
            ),
          },
        ]}
      />
      <IssueForm caseId={caseId} version={version} />
    </Card>
  );
}
