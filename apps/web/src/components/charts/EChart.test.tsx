import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { getInstanceByDom, type ECElementEvent } from 'echarts/core';

/** What ECharts hands its click handlers, reduced to what the wrapper reads. */
const clickOn = (p: Partial<ECElementEvent>) => ({ type: 'click', componentType: 'series', ...p }) as ECElementEvent;
import EChart, { type ChartOption } from './EChart';

const bars = (values: number[]): ChartOption => ({
  xAxis: { type: 'category', data: values.map((_, i) => `第${i + 1}项`) },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', data: values }],
});

describe('EChart', () => {
  it('draws the option as SVG under an element with the accessible name, and redraws a new option in full', async () => {
    const { rerender } = render(<EChart option={bars([3, 1, 2])} label="三项指标" testId="chart" />);
    const box = screen.getByRole('img', { name: '三项指标' });
    await waitFor(() => expect(box.querySelector('svg')).not.toBeNull());
    const chart = getInstanceByDom(box.firstElementChild as HTMLElement)!;
    expect((chart.getOption().series as Array<{ data: number[] }>)[0]!.data).toEqual([3, 1, 2]);
    rerender(<EChart option={bars([5])} label="三项指标" testId="chart" />);
    // notMerge: a shorter series replaces the old one instead of keeping its tail.
    expect((chart.getOption().series as Array<{ data: number[] }>)[0]!.data).toEqual([5]);
  });

  it('reports a click on a bar with its series, index and name, to the latest handler', async () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = render(<EChart option={bars([3, 1])} label="图" onClick={first} />);
    rerender(<EChart option={bars([3, 1])} label="图" onClick={latest} />);
    const chart = getInstanceByDom(screen.getByRole('img', { name: '图' }).firstElementChild as HTMLElement)!;
    chart.trigger('click', clickOn({ seriesIndex: 0, dataIndex: 1, name: '第2项', componentType: 'series' }));
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledWith({ seriesIndex: 0, dataIndex: 1, name: '第2项' });
  });

  it('disposes the instance when it unmounts', () => {
    const { unmount } = render(<EChart option={bars([1])} label="图" />);
    const box = screen.getByRole('img', { name: '图' });
    expect(getInstanceByDom(box.firstElementChild as HTMLElement)).toBeDefined();
    unmount();
    expect(getInstanceByDom(box.firstElementChild as HTMLElement)).toBeUndefined();
  });
});
