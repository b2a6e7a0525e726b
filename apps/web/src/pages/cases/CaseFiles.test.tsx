import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen, within, fireEvent, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { CaseFiles } from './CaseFiles';

const mutateAsync = vi.fn();
const downloadFile = vi.fn((_file: unknown) => Promise.resolve());
const downloadCasePackage = vi.fn((_case: unknown) => Promise.resolve());

vi.mock('./api', () => ({
  caseKey: (id: string) => ['/api/cases', id],
  downloadCasePackage: (c: unknown) => downloadCasePackage(c as never),
}));

vi.mock('../../components/files/files-api', () => ({
  previewable: (f: { mime: string }) => ['application/pdf', 'image/jpeg', 'image/png'].includes(f.mime),
  previewUrl: () => Promise.resolve('blob:preview'),
  useOwnerFiles: () => ({
    isError: false,
    isPending: false,
    data: [
      {
        id: 'f1',
        ownerType: 'case',
        ownerId: 'c1',
        kind: 'applicant-material',
        kindLabel: '申请人材料',
        filename: '行政复议申请书.pdf',
        mime: 'application/pdf',
        size: 2_621_440,
        sha256: 'a'.repeat(64),
        submittedBy: '王小明',
        receivedOn: '2026-11-10',
        scanState: 'not-scanned',
        uploadedAt: '2026-11-10T02:00:00.000Z',
      },
      {
        id: 'f2',
        ownerType: 'case',
        ownerId: 'c1',
        kind: 'respondent-reply',
        kindLabel: '被申请人答复书',
        filename: '答复书.pdf',
        mime: 'application/pdf',
        size: 40_960,
        sha256: 'b'.repeat(64),
        submittedBy: '区公安分局',
        receivedOn: '2026-11-20',
        scanState: 'not-scanned',
        uploadedAt: '2026-11-20T02:00:00.000Z',
      },
    ],
  }),
  useUploadOwnerFile: () => ({ mutateAsync, isPending: false, error: null }),
  downloadFile: (f: unknown) => downloadFile(f as never),
}));

const RISK = {
  code: 'ARL70_NO_EVIDENCE' as const,
  message: '被申请人已答复但未提交证据：依《行政复议法》第七十条，可能视为该行政行为没有证据、依据',
  article: '《行政复议法》第七十条',
};
const action = (a: string) => ({ action: a as never, label: a });
const show = (allowed: string[], risks = [RISK]) =>
  render(
    <ConfigProvider locale={zhCN}>
      <App>
        <CaseFiles c={{ id: 'c1', caseNumber: '通复〔2026〕12号', allowedActions: allowed.map(action), risks }} />
      </App>
    </ConfigProvider>,
  );

describe('CaseFiles (材料与证据)', () => {
  beforeEach(() => {
    mutateAsync.mockReset();
    downloadFile.mockClear();
    downloadCasePackage.mockClear();
  });

  it('lists each material with its kind, who submitted it, when it was received, its size, and downloads it', () => {
    show([]);
    const rows = within(screen.getByRole('table', { name: '材料与证据' }))
      .getAllByRole('row')
      .slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 5)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['申请人材料', '行政复议申请书.pdf', '王小明', '2026-11-10', '2.5 MB'],
      ['被申请人答复书', '答复书.pdf', '区公安分局', '2026-11-20', '40 KB'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: /下载 行政复议申请书\.pdf/ }));
    expect(downloadFile).toHaveBeenCalledWith(expect.objectContaining({ id: 'f1', filename: '行政复议申请书.pdf' }));
  });

  it('shows the ARL 70 risk the API reports', () => {
    show([]);
    expect(screen.getByRole('alert').textContent).toContain('第七十条');
  });

  it('offers upload and the package only when allowedActions carry them', () => {
    show([], []);
    expect(screen.queryByRole('form', { name: '上传材料' })).toBeNull();
    expect(screen.queryByRole('button', { name: /下载案卷/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('uploads with the chosen kind, the submitter and the received date, the file last', async () => {
    mutateAsync.mockResolvedValue({ filename: '证据.pdf' });
    show(['upload_file', 'download_package']);
    const form = screen.getByRole('form', { name: '上传材料' });
    fireEvent.mouseDown(within(form).getByRole('combobox', { name: '材料类型' }));
    fireEvent.click(await screen.findByTitle('被申请人证据'));
    fireEvent.change(within(form).getByLabelText('提交人'), { target: { value: '区公安分局' } });
    fireEvent.change(within(form).getByLabelText('收到日期'), { target: { value: '2026-11-21' } });
    const file = new File(['%PDF-1.4'], '证据.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText('选择文件'), { target: { files: [file] } });
    fireEvent.click(within(form).getByRole('button', { name: /上传/ }));
    await waitFor(() =>
      expect(mutateAsync).toHaveBeenCalledWith({ kind: 'respondent-evidence', submittedBy: '区公安分局', receivedOn: '2026-11-21', file }),
    );
    fireEvent.click(screen.getByRole('button', { name: /下载案卷/ }));
    expect(downloadCasePackage).toHaveBeenCalledWith(expect.objectContaining({ id: 'c1' }));
  });
});
