import type { Metric, Registry } from 'prom-client';
import type { LatenessReadings } from './metrics-readings';

/**
 * A histogram whose buckets PostgreSQL counts at scrape time over a sliding window. prom-client's Histogram can
 * only observe values one at a time, so this metric hands the registry its samples directly; the registry still
 * writes the text. Being a window, not a running total, it can go down: read it with histogram_quantile(), not rate().
 */
export class WindowedHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
    private readonly read: () => Promise<LatenessReadings | null>,
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric); // structurally what the registry calls: name, help, type, get()
  }

  async get() {
    const r = await this.read();
    const values = r
      ? [
          ...this.bounds.map((le, i) => ({ metricName: `${this.name}_bucket`, labels: { le }, value: r.buckets[i] })),
          { metricName: `${this.name}_bucket`, labels: { le: '+Inf' }, value: r.count },
          { metricName: `${this.name}_sum`, labels: {}, value: r.sum },
          { metricName: `${this.name}_count`, labels: {}, value: r.count },
        ]
      : [];
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    // Nothing kept between scrapes.
  }
}
