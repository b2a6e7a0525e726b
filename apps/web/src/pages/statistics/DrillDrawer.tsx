import { useState } from 'react';
import { Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ColumnsType } from 'antd/es/table';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { downloadXlsx, drillExport, DRILL_PAGE_SIZE, useDrill, type Drill, type Period } from './api';

type Row = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const caseLink = (v: unknown, r: Row) =>
  r.caseId ? (
    <Link to={`/cases/${String(r.caseId)}`} style={{ whiteSpace: 'nowrap' }}>
      {text(v)}
    </Link>
  ) : (
    text(v)
  );
const yesNo = (v: unknown) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>);

const COLUMNS: Record<Drill['kind'], ColumnsType<Row>> = {
  cases: [
    { title: '案件编号', dataIndex: 'caseNumber', width: 190, render: caseLink },
    { title: '状态', dataIndex: 'stateLabel', width: 110 },
    { title: '类别', dataIndex: 'categoryLabel', ellipsis: true },
    { title: '接收窗口', dataIndex: 'township', width: 110 },
    { title: '被申请人', dataIndex: 'respondent', ellipsis: true, render: text },
    { title: '收件日期', dataIndex: 'receivedOn', width: 110, render: text },
    { title: '审结日期', dataIndex: 'closedOn', width: 110, render: text },
    { title: '结案方式', key: 'how', width: 130, render: (_, r) => text(r.decisionLabel ?? r.closeKindLabel) },
  ],
  clockCases: [
    { title: '案件编号', dataIndex: 'caseNumber', width: 190, render: caseLink },
    { title: '状态', dataIndex: 'stateLabel', width: 110 },
    { title: '起算日', dataIndex: 'start', width: 110 },
    { title: '届满日', dataIndex: 'due', width: 110, render: text },
    { title: '办结日', dataIndex: 'closedOn', width: 110, render: text },
    { title: '延长（日）', dataIndex: 'extensionDays', width: 100, render: text },
  ],
  headItems: [
    { title: '复议案件', dataIndex: 'caseNumber', width: 190, render: caseLink },
    { title: '法院案号', dataIndex: 'courtCaseNumber', render: text },
    { title: '法院', dataIndex: 'court', render: text },
    { title: '立案日期', dataIndex: 'filedOn', width: 110, render: text },
    { title: '听取意见/听证日期', dataIndex: 'heldOn', width: 140, render: text },
    { title: '负责人出庭', dataIndex: 'headAppeared', width: 100, render: yesNo },
    { title: '负责人参加', dataIndex: 'headAttended', width: 100, render: yesNo },
  ],
};

/**
 * The list a figure counts (GET /statistics/cases, /clocks/cases, /heads/items): the same definition as the figure,
 * so its total is the figure; exported as .xlsx with the same query.
 */
export function DrillDrawer({ drill, period, onClose }: { drill: Drill | null; period: Period; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const q = useDrill(drill, period, page);
  const close = () => {
    setPage(1);
    setError(null);
    onClose();
  };
  const exportList = async () => {
    if (!drill) return;
    setExporting(true);
    setError(null);
    try {
      await downloadXlsx({ ...drillExport(drill), ...period }, `${drill.title}（${period.from}至${period.to}）`);
    } catch (e) {
      setError(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Drawer open={drill !== null} onClose={close} size={960} title={drill ? `${drill.title}：案件清单` : ''} destroyOnHidden>
      {drill && (
        <>
          <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Text data-testid="drill-total">
              {period.from} 至 {period.to}，共 <strong>{q.data?.total ?? '…'}</strong> 件
            </Typography.Text>
            <Button icon={<DownloadOutlined />} onClick={() => void exportList()} loading={exporting}>
              导出清单（Excel）
            </Button>
          </Space>
          <ApiErrorAlert error={q.error ?? error} />
          <Table<Row>
            size="small"
            rowKey={(r) => String(r.caseId ?? r.lawsuitId ?? r.hearingId ?? JSON.stringify(r))}
            columns={COLUMNS[drill.kind]}
            dataSource={q.data?.items ?? []}
            loading={q.isPending || q.isPlaceholderData}
            aria-label={`${drill.title}案件清单`}
            data-testid="drill-table"
            pagination={{ current: page, pageSize: DRILL_PAGE_SIZE, total: q.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          />
        </>
      )}
    </Drawer>
  );
}
