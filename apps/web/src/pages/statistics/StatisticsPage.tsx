import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiDate } from '@fuyi/kernel';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DIMENSIONS, downloadXlsx, downloadYearlyReport, useFigureCatalogue, useOverview, type Dimension, type Drill, type ExportTable, type Period } from './api';
import { ClockSection } from './ClockSection';
import { CourtSection } from './CourtSections';
import { DrillDrawer } from './DrillDrawer';
import { OverviewSection } from './OverviewSection';

const TAB_TABLES: Record<string, { table: ExportTable; name: string }> = {
  overview: { table: 'overview', name: '行政复议案件综合统计' },
  clocks: { table: 'clocks', name: '按期办结统计' },
  heads: { table: 'heads', name: '负责人出庭应诉和参加复议统计' },
};

/**
 * 统计分析 (issue 17 item 6): the head's figures by period and dimension and the liaison officers' figures, as charts
 * and tables; every figure opens the list of cases it counts; each table exports as .xlsx, the year as a .docx report.
 */
export default function StatisticsPage() {
  const today = shanghaiDate(new Date());
  const [period, setPeriod] = useState<Period>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [by, setBy] = useState<Dimension>('total');
  const [tab, setTab] = useState('overview');
  const [drill, setDrill] = useState<Drill | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const catalogue = useFigureCatalogue();
  const overview = useOverview(period, by);

  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const exportTab = () => {
    const t = TAB_TABLES[tab] ?? TAB_TABLES.overview!;
    return run('xlsx', () => downloadXlsx({ table: t.table, ...period, ...(t.table === 'overview' ? { by } : {}) }, `${t.name}（${period.from}至${period.to}）`));
  };
  const year = Number(period.to.slice(0, 4));

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        统计分析
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} justify="space-between" align="center">
          <Form layout="inline" aria-label="统计条件" style={{ rowGap: 8 }}>
            <Form.Item label="统计期间" htmlFor="stat-period">
              <DatePicker.RangePicker
                id="stat-period"
                allowClear={false}
                value={[dayjs(period.from), dayjs(period.to)]}
                onChange={(v) => v?.[0] && v[1] && setPeriod({ from: (v[0] as Dayjs).format('YYYY-MM-DD'), to: (v[1] as Dayjs).format('YYYY-MM-DD') })}
              />
            </Form.Item>
            <Form.Item label="分组" htmlFor="stat-by">
              <Select id="stat-by" value={by} onChange={setBy} options={DIMENSIONS} style={{ width: 130 }} />
            </Form.Item>
          </Form>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void exportTab()} loading={busy === 'xlsx'} disabled={tab === 'liaison'} data-testid="export-table">
              导出本表（Excel）
            </Button>
            <Button icon={<FileWordOutlined />} onClick={() => void run('docx', () => downloadYearlyReport(year))} loading={busy === 'docx'}>
              {year}年度统计报告（Word）
            </Button>
          </Space>
        </Flex>
        <ApiErrorAlert error={error} />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'overview',
            label: '综合统计',
            children:
              overview.isError || catalogue.isError ? (
                <ApiErrorAlert error={overview.error ?? catalogue.error} />
              ) : overview.data && catalogue.data ? (
                <OverviewSection data={overview.data} by={by} catalogue={catalogue.data.cases} onDrill={setDrill} />
              ) : (
                <Skeleton active paragraph={{ rows: 8 }} />
              ),
          },
          { key: 'clocks', label: '按期办结', children: <ClockSection period={period} onDrill={setDrill} /> },
          { key: 'heads', label: '负责人出庭和参加复议', children: <CourtSection kind="heads" period={period} onDrill={setDrill} /> },
          { key: 'liaison', label: '府院联动', children: <CourtSection kind="liaison" period={period} onDrill={setDrill} /> },
        ]}
      />
      <DrillDrawer drill={drill} period={period} onClose={() => setDrill(null)} />
    </>
  );
}
