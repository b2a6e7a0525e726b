import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

// Only what the console draws: bars and pies, with axes, tooltips and a legend. The accessible name is ours (the
// figures in words), not ECharts' generated description, which would overwrite it.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** What a click on a bar or a slice says: which series and which category (its name and index). */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

export interface EChartProps {
  option: ChartOption;
  /** The chart's accessible name (the figures themselves are also in a table or a card beside it). */
  label: string;
  height?: number;
  onClick?: (e: ChartClick) => void;
  testId?: string;
}

/**
 * A small wrapper over ECharts (no third-party React binding): one instance per element, the option set on every
 * change (not merged, so a shorter series really shrinks), resized with its box, disposed on unmount. SVG renderer:
 * crisp at any zoom, and the bars are real elements a test or a screen reader can find.
 */
export default function EChart({ option, label, height = 240, onClick, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.current = c;
    c.on('click', (p) => click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex, name: p.name }));
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div role="img" aria-label={label} data-testid={testId}>
      <div ref={box} aria-hidden style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />
    </div>
  );
}
