import { useEffect, useState, type ReactNode } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Spin, Table, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { shanghaiDate } from '@fuyi/kernel';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { showFieldErrors } from '../field-errors';
import { errorMessage } from '../../api/errors';
import {
  downloadFile,
  previewable,
  previewUrl,
  useOwnerFiles,
  useUploadOwnerFile,
  type FileKind,
  type FilesOwner,
  type StoredFile,
} from './files-api';
import { FILE_KIND_OPTIONS } from './owner-kinds';

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface UploadValues {
  kind: FileKind;
  submittedBy: string;
  receivedOn: string;
}

function UploadForm({
  owner,
  kinds,
  alsoRefresh,
}: {
  owner: FilesOwner;
  kinds: Array<{ value: FileKind; label: string }>;
  alsoRefresh: readonly QueryKey[];
}) {
  const upload = useUploadOwnerFile(owner, alsoRefresh);
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const { message } = App.useApp();
  const send = async (v: UploadValues) => {
    if (!file) return;
    try {
      const f = await upload.mutateAsync({ ...v, submittedBy: v.submittedBy.trim(), file });
      void message.success(`已上传：${f.filename}`);
      form.resetFields();
      setFile(null);
      setInputKey((k) => k + 1);
    } catch (e) {
      showFieldErrors(form, e);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      aria-label="上传材料"
      initialValues={{ receivedOn: shanghaiDate(new Date()), ...(kinds.length === 1 ? { kind: kinds[0].value } : {}) }}
      onFinish={(v) => void send(v)}
      style={{ marginTop: 12, rowGap: 8 }}
    >
      <Form.Item name="kind" label="材料类型" rules={[{ required: true, message: '请选择材料类型' }]}>
        <Select aria-label="材料类型" style={{ width: 160 }} options={kinds} placeholder="请选择" />
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
          key={inputKey}
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
 * 预览: a PDF in the browser's own viewer (an <iframe>), an image in an <img>, from an object URL of the bytes fetched
 * with the caller's token (the api serves them `inline`, audited); the URL is revoked when the dialog closes.
 */
export function FilePreview({ file, onClose }: { file: StoredFile; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    previewUrl(file).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [file]);
  const title = `预览：${file.filename}`;
  return (
    <Modal
      open
      title={title}
      width={960}
      onCancel={onClose}
      footer={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => downloadFile(file).catch(setError)}>
            下载
          </Button>
          <Button type="primary" onClick={onClose}>
            关闭
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} />
      ) : !url ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin aria-label="正在加载" /> <Typography.Text type="secondary">正在加载…</Typography.Text>
        </div>
      ) : file.mime === 'application/pdf' ? (
        <iframe title={title} src={url} data-testid="file-preview-pdf" style={{ width: '100%', height: '70vh', border: 0 }} />
      ) : (
        <img
          alt={file.filename}
          src={url}
          data-testid="file-preview-image"
          style={{ display: 'block', maxWidth: '100%', maxHeight: '70vh', margin: '0 auto' }}
        />
      )}
    </Modal>
  );
}

export interface FilesCardProps {
  owner: FilesOwner;
  /** The owner's allowedActions: the upload form only with `upload_file`. */
  allowedActions: ReadonlyArray<{ action: string }>;
  /** The kinds offered in the upload form (the evidence catalogue's, or fewer). */
  kinds?: Array<{ value: FileKind; label: string }>;
  /** Queries that change with an upload besides the list (a case's risks). */
  alsoRefresh?: readonly QueryKey[];
  title?: string;
  testId?: string;
  /** The card's header buttons (the case's 下载案卷). */
  extra?: ReactNode;
  /** Above the list (the case's ARL 70 risk). */
  children?: ReactNode;
}

/**
 * 材料与证据 (issue 18) of any owner — a case, a mediation file, a risk notice, a letter: the list with download, 预览
 * for PDFs and images, and the upload form only when the owner's allowedActions carry `upload_file`.
 */
export function FilesCard({
  owner,
  allowedActions,
  kinds = FILE_KIND_OPTIONS,
  alsoRefresh = [],
  title = '材料与证据',
  testId,
  extra,
  children,
}: FilesCardProps) {
  const q = useOwnerFiles(owner);
  const [error, setError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState<StoredFile | null>(null);
  const mayUpload = allowedActions.some((a) => a.action === 'upload_file');
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid={testId} extra={extra}>
      {children}
      <ApiErrorAlert error={error ?? (q.isError ? q.error : null)} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        aria-label={title}
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
            title: '操作',
            key: 'dl',
            render: (_, f) => (
              <Space>
                {previewable(f) && (
                  <Button size="small" icon={<EyeOutlined />} aria-label={`预览 ${f.filename}`} onClick={() => setPreviewing(f)}>
                    预览
                  </Button>
                )}
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
      {mayUpload && <UploadForm owner={owner} kinds={kinds} alsoRefresh={alsoRefresh} />}
      {previewing && <FilePreview file={previewing} onClose={() => setPreviewing(null)} />}
    </Card>
  );
}
