import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen, within, fireEvent, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { FilesCard } from './FilesCard';
import { LIAISON_FILE_KINDS } from './owner-kinds';

const mutateAsync = vi.fn();
const previewUrl = vi.fn((_f: unknown) => Promise.resolve('blob:http://localhost/preview'));
const owners: unknown[] = [];

const row = (id: string, filename: string, mime: string, scanState = 'not-scanned') => ({
  id,
  ownerType: 'risk-notice',
  ownerId: 'n1',
  kind: 'other',
  kindLabel: '其他材料',
  filename,
  mime,
  size: 20_480,
  sha256: 'a'.repeat(64),
  submittedBy: '区住建委',
  receivedOn: '2026-11-10',
  scanState,
  uploadedAt: '2026-11-10T02:00:00.000Z',
});

vi.mock('./files-api', async (orig) => {
  const real = await orig<typeof import('./files-api')>();
  return {
    previewable: real.previewable,
    previewUrl: (f: unknown) => previewUrl(f),
    downloadFile: () => Promise.resolve(),
    useOwnerFiles: (owner: unknown) => {
      owners.push(owner);
      return {
        isError: false,
        isPending: false,
        data: [
          row('f1', '书面回复.pdf', 'application/pdf'),
          row('f2', '签收回执.jpg', 'image/jpeg'),
          row('f3', '整改方案.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
          row('f4', '扫描件.png', 'image/png', 'quarantined'),
        ],
      };
    },
    useUploadOwnerFile: () => ({ mutateAsync, isPending: false, error: null }),
  };
});

const show = (allowed: string[]) =>
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <FilesCard
          owner={{ type: 'risk-notice', id: 'n1' }}
          allowedActions={allowed.map((action) => ({ action }))}
          kinds={LIAISON_FILE_KINDS}
          title="材料"
        />
      </App>
    </ConfigProvider>,
  );

describe('FilesCard (materials of any owner)', () => {
  beforeEach(() => {
    mutateAsync.mockReset();
    previewUrl.mockClear();
    owners.length = 0;
  });

  it("reads the owner's own list; 预览 only for PDFs and images (never a quarantined one), 下载 for every file", () => {
    show([]);
    expect(owners[0]).toEqual({ type: 'risk-notice', id: 'n1' });
    // Labels read straight from the DOM (role queries over a whole antd table are slow under jsdom).
    const labels = (prefix: string) =>
      [...document.querySelectorAll(`table[aria-label="材料"] button[aria-label^="${prefix} "]`)].map((b) => b.getAttribute('aria-label'));
    expect(labels('预览')).toEqual(['预览 书面回复.pdf', '预览 签收回执.jpg']);
    expect(labels('下载')).toHaveLength(4);
  });

  it('previews a PDF in an iframe and an image in an img, from the inline bytes', async () => {
    show([]);
    fireEvent.click(screen.getByRole('button', { name: '预览 书面回复.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: '预览：书面回复.pdf' });
    const frame = await within(dialog).findByTitle('预览：书面回复.pdf');
    expect([frame.tagName, frame.getAttribute('src')]).toEqual(['IFRAME', 'blob:http://localhost/preview']);
    expect(previewUrl).toHaveBeenCalledWith(expect.objectContaining({ id: 'f1', mime: 'application/pdf' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '预览：书面回复.pdf' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '预览 签收回执.jpg' }));
    const img = await within(await screen.findByRole('dialog', { name: '预览：签收回执.jpg' })).findByRole('img', { name: '签收回执.jpg' });
    expect(img.getAttribute('src')).toBe('blob:http://localhost/preview');
  });

  it('offers the upload form only when allowedActions carry upload_file, with the kinds given', async () => {
    show(['approve']);
    expect(screen.queryByRole('form', { name: '上传材料' })).toBeNull();
  });

  it('uploads with the kind, the submitter and the received date, the file last', async () => {
    mutateAsync.mockResolvedValue({ filename: '回执.pdf' });
    show(['upload_file']);
    const form = screen.getByRole('form', { name: '上传材料' });
    fireEvent.mouseDown(within(form).getByRole('combobox', { name: '材料类型' }));
    // The kinds given (a risk notice's), not the whole evidence catalogue.
    expect(await screen.findByTitle('其他材料')).toBeTruthy();
    expect(screen.queryByTitle('申请人材料')).toBeNull();
    fireEvent.click(await screen.findByTitle('送达回证'));
    fireEvent.change(within(form).getByLabelText('提交人'), { target: { value: ' 区住建委 ' } });
    fireEvent.change(within(form).getByLabelText('收到日期'), { target: { value: '2026-11-21' } });
    const file = new File(['%PDF-1.4'], '回执.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText('选择文件'), { target: { files: [file] } });
    fireEvent.click(within(form).getByRole('button', { name: /上传/ }));
    await waitFor(() =>
      expect(mutateAsync).toHaveBeenCalledWith({ kind: 'service-receipt', submittedBy: '区住建委', receivedOn: '2026-11-21', file }),
    );
  });
});
