import { Alert, Table, Typography } from 'antd';
import { DAY_KINDS } from './YearGrid';
import type { CalendarPreview as Preview, DayKind } from './api';

type DayState = Preview['changes'][number]['before'];
const dayText = (s: DayState) => (s ? `${DAY_KINDS[s.kind as DayKind]?.label ?? s.kind}（${s.name}）` : '普通日');

/** What a calendar change would do, from the API's preview: the days it changes and the open clocks it moves. */
export function CalendarPreview({ preview }: { preview: Preview }) {
  return (
    <div data-testid="calendar-preview">
      <Alert
        type={preview.clocksAffected ? 'warning' : 'info'}
        showIcon
        role="status"
        title={
          preview.clocksAffected
            ? `此项修改将改变 ${preview.changedDays} 天的安排，并重新计算 ${preview.clocksAffected} 个未结期限（见下表）。`
            : `此项修改将改变 ${preview.changedDays} 天的安排，不影响任何未结期限。`
        }
        style={{ marginBottom: 12 }}
      />
      {preview.changes.length > 0 && preview.changes.length <= 10 && (
        <ul style={{ margin: '0 0 12px', paddingLeft: 20 }} aria-label="变更的日期">
          {preview.changes.map((c) => (
            <li key={c.date}>
              {c.date}：{dayText(c.before)} → {dayText(c.after)}
            </li>
          ))}
        </ul>
      )}
      {preview.clocksAffected > 0 && (
        <Table
          rowKey="clockId"
          size="small"
          pagination={preview.clocks.length > 10 ? { pageSize: 10 } : false}
          dataSource={preview.clocks}
          aria-label="受影响的期限"
          data-testid="preview-clocks"
          columns={[
            { title: '案件编号', dataIndex: 'caseNumber', width: 200 },
            { title: '期限', dataIndex: 'ruleLabel' },
            { title: '原到期日', dataIndex: 'oldDue', width: 110 },
            { title: '新到期日', dataIndex: 'newDue', width: 110, render: (v: string, r) => <Typography.Text strong>{v}{v > r.oldDue ? '（推后）' : '（提前）'}</Typography.Text> },
          ]}
        />
      )}
      {preview.truncated && <Typography.Paragraph type="secondary">仅列出前 {preview.clocks.length} 个期限。</Typography.Paragraph>}
    </div>
  );
}
