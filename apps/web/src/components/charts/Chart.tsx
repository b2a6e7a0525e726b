import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EChartProps } from './EChart';

/** ECharts in its own chunk, fetched when a chart is first shown: the login and public pages never load it. */
const EChart = lazy(() => import('./EChart'));

export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 240 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}

export type { ChartClick, ChartOption } from './EChart';
