import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { shanghaiDate } from '@fuyi/kernel';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useCalendarVersions, useCalendarYear } from './api';
import { CalendarChangeModal, type ChangeStart } from './CalendarChangeModal';
import { YearGrid, YearGridLegend } from './YearGrid';

const sourceLabel = (s: string | null) => (s === 'chinese-days' ? '国务院办公厅放假安排（程序内置）' : s === 'manual' ? '手工录入' : '未载入');

/** 工作日历 (issue 16 item 3): the year grid, marking a day, loading a year, each change previewed before it is made. */
export default function CalendarPage() {
  const today = shanghaiDate(new Date());
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [start, setStart] = useState<ChangeStart | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const cal = useCalendarYear(year);
  // The packaged arrangements start in 2004; the next two years are where a newly published arrangement is loaded.
  const years = Array.from({ length: Number(today.slice(0, 4)) + 3 - 2004 }, (_, i) => 2004 + i).reverse();
  const versions = useCalendarVersions();

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        工作日历
      </Typography.Title>
      {done && <Alert type="success" showIcon role="status" title={done} closable onClose={() => setDone(null)} style={{ marginBottom: 12 }} data-testid="calendar-result" />}
      <Card
        size="small"
        title={
          <Space>
            <h2 style={{ fontSize: 16, margin: 0 }}>年视图</h2>
            <Select aria-label="年份" value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
          </Space>
        }
        extra={
          <Space>
            <Button type="primary" onClick={() => setStart({ type: 'day' })}>
              标记日期
            </Button>
            <Button onClick={() => setStart({ type: 'load', year })}>载入该年放假安排</Button>
          </Space>
        }
      >
        <ApiErrorAlert error={cal.error} />
        {cal.data && (
          <Typography.Paragraph type="secondary" data-testid="calendar-source">
            来源：{sourceLabel(cal.data.source)} · 日历版本 {cal.data.calendarVersion}
          </Typography.Paragraph>
        )}
        {cal.data && !cal.data.loaded && (
          <Alert type="warning" showIcon title={`${year} 年的放假安排尚未载入：落在该年的期限按暂定计算（周末休息），载入后重新计算。`} style={{ marginBottom: 12 }} />
        )}
        <YearGridLegend />
        <Typography.Paragraph type="secondary">用方向键在日期间移动，按回车修改该日的安排。</Typography.Paragraph>
        {cal.data && (
          <YearGrid
            key={year}
            year={year}
            days={cal.data.days}
            today={today}
            onPick={(date, s) => setStart({ type: 'day', date, kind: s?.kind as 'closure' | undefined, name: s?.name, existing: !!s })}
          />
        )}
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>变更历史</h2>}>
        <ApiErrorAlert error={versions.error} />
        <Table
          rowKey="version"
          size="small"
          pagination={false}
          loading={versions.isPending}
          dataSource={versions.data?.items ?? []}
          aria-label="变更历史"
          columns={[
            { title: '版本', dataIndex: 'version', width: 70 },
            { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
            { title: '原因', dataIndex: 'reason' },
            { title: '变更天数', key: 'days', width: 90, render: (_, r) => r.changes.length },
            { title: '重算期限', dataIndex: 'clocksRecomputed', width: 90 },
          ]}
        />
      </Card>
      <CalendarChangeModal start={start} onClose={() => setStart(null)} onDone={setDone} />
    </>
  );
}
