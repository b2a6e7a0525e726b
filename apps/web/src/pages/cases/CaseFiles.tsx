import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { shanghaiDate } from '@fuyi/kernel';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import { downloadCasePackage, downloadFile, useCaseFiles, useUploadCaseFile, type CaseFile, type CaseResource } from './api';

/** 证据目录 kinds, as the API names them (libs/files file-kinds.ts). */
export const FILE_KIND_OPTIONS: Array<{ value: CaseFile['kind']; label: string }> = [
  { value: 'applicant-material', label: '申请人材料' },
  { value: 'respondent-reply', label: '被申请人答复书' },
  { value: 'respondent-evidence', label: '被申请人证据' },
  { value: 'hearing-record', label: '听证笔录' },
  { value: 'agreement', label: '调解协议/和解协议' },
  { value: 'service-receipt', label: '送达回证' },
  { value: 'other', label: '其他材料' },
];

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface UploadValues {
  kind: CaseFile['kind'];
  submittedBy: string;
  receivedOn: string;
}

function UploadForm({ caseId }: { caseId: string }) {
  const upload = useUploadCaseFile(caseId);
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File | null>(null);
  const { message } = App.useApp();
  const send = async (v: UploadValues) => {
    if (!file) return;
    try {
      const f = await upload.mutateAsync({ ...v, submittedBy: v.submittedBy.trim(), file });
      void message.success(`已上传：${f.filename}`);
      form.resetFields();
      setFile(null);
    } catch (e) {
      showFieldErrors(form, e);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      aria-label="上传材料"
      initialValues={{ receivedOn: shanghaiDate(new Date()) }}
      onFinish={(v) => void send(v)}
      style={{ marginTop: 12, rowGap: 8 }}
    >
      <Form.Item name="kind" label="材料类型" rules={[{ required: true, message: '请选择材料类型' }]}>
        <Select aria-label="材料类型" style={{ width: 160 }} options={FILE_KIND_OPTIONS} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="submittedBy" label="提交人" rules={[{ required: true, whitespace: true, message: '请填写提交人' }, { max: 100 }]}>
        <Input aria-label="提交人" placeholder="当事人或单位名称" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="receivedOn"
        label="收到日期"
        rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式：YYYY-MM-DD' }]}
      >
        <Input aria-label="收到日期" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="文件" required>
        <input
          type="file"
          aria-label="选择文件"
          accept=".pdf,.jpg,.jpeg,.png,.ofd,.docx,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<UploadOutlined />} disabled={!file} loading={upload.isPending}>
          上传
        </Button>
      </Form.Item>
      <ApiErrorAlert error={upload.error} />
    </Form>
  );
}

/**
 * 材料与证据 (issue 18): the evidence catalogue with downloads, the ARL 70 risk the API reports, and — only when the
 * case's allowedActions carry them — upload and the closed case's package.
 */
export function CaseFiles({ c }: { c: Pick<CaseResource, 'id' | 'caseNumber' | 'allowedActions' | 'risks'> }) {
  const q = useCaseFiles(c.id);
  const [error, setError] = useState<unknown>(null);
  const may = (a: string) => c.allowedActions.some((x) => x.action === a);
  return (
    <Card
      size="small"
      title="材料与证据"
      style={{ marginBottom: 16 }}
      data-testid="case-files"
      extra={
        may('download_package') && (
          <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadCasePackage(c).catch(setError)}>
            下载案卷（含卷内目录）
          </Button>
        )
      }
    >
      {c.risks.map((r) => (
        <Alert key={r.code} type="warning" showIcon role="alert" style={{ marginBottom: 8 }} title={r.message} description={r.article} />
      ))}
      <ApiErrorAlert error={error ?? (q.isError ? q.error : null)} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        aria-label="材料与证据"
        loading={q.isPending}
        dataSource={q.data ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">暂无材料</Typography.Text> }}
        columns={[
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '文件', dataIndex: 'filename' },
          { title: '提交人', dataIndex: 'submittedBy' },
          { title: '收到日期', dataIndex: 'receivedOn' },
          { title: '大小', dataIndex: 'size', render: (v: number) => size(v) },
          {
            title: '下载',
            key: 'dl',
            render: (_, f) => (
              <Space>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={`下载 ${f.filename}`}
                  onClick={() => downloadFile(f).catch(setError)}
                >
                  下载
                </Button>
                {f.scanState === 'quarantined' && <Typography.Text type="danger">已隔离</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
      {may('upload_file') && <UploadForm caseId={c.id} />}
    </Card>
  );
}
