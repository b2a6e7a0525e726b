import { Button, Card, Form, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Role, ROLE_LABELS } from '@fuyi/kernel';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { RoleHome } from '../../components/RoleHome';
import { ACTIONS, downloadExport, useAuditLog, type AuditFilters, type AuditRow } from './api';
import { AuditFilterForm, filtersOf } from './AuditFilterForm';
import { AuditVerification } from './AuditVerification';

const when = (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * The audit log (security auditor, read only): filters, paging, the hash-chain verification, export. The filters live
 * in the address, so a home figure opens the log with the filter it counted and the form shows it.
 */
export default function AuditPage() {
  const [form] = Form.useForm<AuditFilters>();
  const { search: address } = useLocation();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersOf(address), [address]);
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(filters);
    setCursors([]);
  }, [form, filters]);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const log = useAuditLog(filters, cursors[cursors.length - 1]);
  const search = (f: AuditFilters) => (setCursors([]), void navigate({ search: new URLSearchParams(f).toString() }));
  const byActor = (actorId: string) => {
    form.setFieldsValue({ actorId });
    search({ ...filters, actorId });
  };
  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadExport(filters);
      setExportError(null);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <RoleHome title="审计日志">
      <div style={{ marginTop: 16 }}>
        <AuditVerification />
        <Card
          size="small"
          title={<h2 style={{ fontSize: 16, margin: 0 }}>审计记录</h2>}
          extra={
            <Button loading={exporting} onClick={() => void exportCsv()} data-testid="audit-export">
              导出 CSV
            </Button>
          }
        >
          <AuditFilterForm form={form} onSearch={search} />
          <div style={{ marginTop: 12 }}>
            <ApiErrorAlert error={exportError ?? log.error} />
          </div>
          <Table<AuditRow>
            rowKey="id"
            size="small"
            pagination={false}
            loading={log.isPending || log.isPlaceholderData}
            dataSource={log.data?.items ?? []}
            aria-label="审计记录"
            data-testid="audit-table"
            locale={{ emptyText: <Typography.Text type="secondary">没有符合条件的审计记录</Typography.Text> }}
            columns={[
              { title: '时间', dataIndex: 'occurredAt', width: 160, render: when },
              {
                title: '操作人',
                key: 'actor',
                width: 150,
                render: (_, r) =>
                  r.actorId ? (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => byActor(r.actorId!)} title={`只看此人：${r.actorId}`}>
                      {ROLE_LABELS[r.actorRole as Role] ?? r.actorRole ?? '用户'} {r.actorId.slice(0, 8)}
                    </Button>
                  ) : (
                    <Typography.Text type="secondary">系统</Typography.Text>
                  ),
              },
              { title: '操作', dataIndex: 'action', width: 200, render: (a: string) => (ACTIONS[a] ? `${ACTIONS[a]}（${a}）` : a) },
              { title: '对象', key: 'subject', width: 180, ellipsis: true, render: (_, r) => `${r.subjectType} ${r.subjectId}` },
              { title: '摘要', dataIndex: 'summary', ellipsis: true, render: (s: unknown) => <code style={{ fontSize: 12 }}>{JSON.stringify(s)}</code> },
              { title: '链/序号', key: 'seq', width: 130, ellipsis: { showTitle: false }, render: (_, r) => <span title={r.chain}>{`${r.chain.split(':')[0]} #${r.seq}`}</span> },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>
              上一页
            </Button>
            <Button disabled={!log.data?.nextCursor} onClick={() => log.data?.nextCursor && setCursors([...cursors, log.data.nextCursor])}>
              下一页
            </Button>
            <Typography.Text type="secondary">第 {cursors.length + 1} 页，每页 50 条</Typography.Text>
          </Space>
        </Card>
      </div>
    </RoleHome>
  );
}
