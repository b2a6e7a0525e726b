import { useMemo } from 'react';
import { Card, Flex, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useMyFigures } from '../api/queries';
import { ApiErrorAlert } from './ApiErrorAlert';
import { Chart, type ChartOption } from './charts/Chart';
import { DEFAULT_COLOUR, FIGURE_COLOURS, figureLink, unitOf, type HomeFigure } from './figure-links';

/** A compact bar per figure, coloured as its card; a click on a bar opens the same list as the card. */
function barsOf(figures: HomeFigure[]): ChartOption {
  return {
    grid: { left: 8, right: 32, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { show: false } },
    yAxis: { type: 'category', inverse: true, data: figures.map((f) => f.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 14,
        label: { show: true, position: 'right' },
        data: figures.map((f) => ({ value: f.count, itemStyle: { color: FIGURE_COLOURS[f.key] ?? DEFAULT_COLOUR } })),
      },
    ],
  };
}

/**
 * 首页指标 (issue 16 item 5): the caller's own figures from GET /api/me/figures (overdue, due this week, awaiting me),
 * each a card linking to the list it counts, and the same figures as a small bar chart (ECharts, loaded on demand).
 */
export function HomeFigures({ role }: { role?: string }) {
  const q = useMyFigures();
  const navigate = useNavigate();
  const figures = q.data?.figures ?? [];
  const option = useMemo(() => barsOf(figures), [figures]);
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  if (q.isPending) return <Skeleton active paragraph={{ rows: 2 }} data-testid="home-figures-loading" />;
  if (!figures.length) return null;
  return (
    <section aria-label="我的指标" data-testid="home-figures" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="stretch">
        {figures.map((f) => (
          <Card key={f.key} size="small" style={{ minWidth: 150 }} hoverable>
            <Tooltip title={f.definition}>
              <Link to={figureLink(f, role)} data-testid={`figure-${f.key}`} aria-label={`${f.label} ${f.count} ${unitOf(f.key)}，查看清单`}>
                <Statistic
                  title={f.label}
                  value={f.count}
                  suffix={unitOf(f.key)}
                  styles={{ content: { color: FIGURE_COLOURS[f.key] ?? DEFAULT_COLOUR } }}
                />
              </Link>
            </Tooltip>
          </Card>
        ))}
        <Card size="small" style={{ flex: '1 1 260px', minWidth: 260 }}>
          <Chart
            option={option}
            height={Math.max(90, figures.length * 30)}
            label={figures.map((f) => `${f.label} ${f.count} ${unitOf(f.key)}`).join('，')}
            onClick={(e) => void navigate(figureLink(figures[e.dataIndex]!, role))}
            testId="home-figures-chart"
          />
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        截至 {q.data.asOf}
        {figures.some((f) => f.key.endsWith('DueThisWeek') || f.key === 'dueThisWeek') ? `；本周指今天至 ${q.data.weekEnd}` : ''}。点击数字查看对应清单。
      </Typography.Text>
    </section>
  );
}
