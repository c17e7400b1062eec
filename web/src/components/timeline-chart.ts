/**
 * @module web/components/timeline-chart
 * A timeline drawn with uPlot in one of three measures: event counts as bars stacked by
 * QuadClass (with mean Goldstein as a line on the right axis), summed Goldstein as bars, or
 * mean Goldstein as a line. Axis labels are ISO dates at the bucket's precision. Events dated
 * only to a month or year are painted as shaded bands over that period, with their count.
 * Dragging across the plot selects a range; charts with the same sync key zoom together.
 * uPlot has no stacking, so stacked bars are cumulative totals painted back to front.
 */
import uPlot from 'uplot';
import type { Bucket, ViewBucket } from '../api.js';
import { chartValues, periodLabel, type Band, type Measure } from '../chart-data.js';
import { goldstein as fmtGoldstein, QUAD_NAMES } from '../format.js';

export const QUAD_COLORS = ['#4f8fd6', '#2a9d6f', '#e39b2d', '#d1495b'];
const GOLDSTEIN_COLOR = '#6a4c93';
const BAND_COLOR = 'rgba(106, 76, 147, 0.14)';

export interface TimelineChart {
  uplot: uPlot;
  /** Zooms to [min, max] (unix seconds) or back to everything with null. */
  setRange(range: [number, number] | null): void;
  destroy(): void;
}

export interface TimelineChartOptions {
  title: string;
  /** The x values (period starts, unix seconds) shared by every chart on the page. */
  xs: number[];
  buckets: Bucket[];
  bucket: ViewBucket;
  measure?: Measure;
  /** Moving-average window in periods (1 = none). */
  smooth?: number;
  /** Events of every kind per period: values become shares of the volume. */
  totals?: Map<number, number>;
  bands?: Band[];
  /** Called with the visible range after a drag (or null after a reset). */
  onRange(range: [number, number] | null, source: TimelineChart): void;
  syncKey: string;
  height?: number;
}

function fmt(v: number | null | undefined, digits = 1): string {
  return v == null ? '—' : (Math.round(v * 10 ** digits) / 10 ** digits).toString();
}

export function timelineChart(target: HTMLElement, options: TimelineChartOptions): TimelineChart {
  const { xs, buckets, bucket } = options;
  const measure = options.measure ?? 'count';
  const smooth = options.smooth ?? 1;
  const { rows, mean } = chartValues(xs, buckets, measure, smooth, options.totals);
  const bars = uPlot.paths.bars!({ size: [0.7, 48], align: 0 });
  const width = Math.max(280, target.clientWidth || 600);
  const height = options.height ?? 260;
  const share = options.totals !== undefined;
  let programmatic = false;

  const xSeries: uPlot.Series = { label: 'Period', value: (_u, v) => (v == null ? '—' : periodLabel(v, bucket)) };
  const meanSeries = (scale: string): uPlot.Series => ({
    label: smooth > 1 ? `Mean Goldstein (${smooth}-period average)` : 'Mean Goldstein',
    scale,
    stroke: GOLDSTEIN_COLOR,
    width: 2,
    spanGaps: false,
    points: { show: true, size: 5, fill: GOLDSTEIN_COLOR },
    value: (_u, v) => (v == null ? '—' : fmtGoldstein(v)),
  });

  let series: uPlot.Series[];
  let data: (number | null)[][];
  let axes: uPlot.Axis[];
  const xAxis: uPlot.Axis = { values: (_u, splits) => splits.map((s) => (s == null ? '' : periodLabel(s, bucket))) };
  if (measure === 'count') {
    // Cumulative totals, highest first: each later (shorter) bar is painted over the earlier one.
    const cumulative = [3, 2, 1, 0].map((top) => xs.map((_, i) => rows.slice(0, top + 1).reduce<number>((s, q) => s + (q[i] ?? 0), 0)));
    series = [
      xSeries,
      ...[3, 2, 1, 0].map(
        (q): uPlot.Series => ({
          label: QUAD_NAMES[q],
          scale: 'n',
          fill: QUAD_COLORS[q],
          stroke: QUAD_COLORS[q],
          width: 0,
          paths: bars,
          points: { show: false },
          // The legend shows this class's own value, not the cumulative height.
          value: (_u, _v, _si, idx) => (idx == null ? '—' : fmt(rows[q][idx])),
        }),
      ),
      meanSeries('g'),
    ];
    data = [xs, ...cumulative, mean];
    axes = [xAxis, { scale: 'n', label: share ? '% of all events' : 'Events', size: 50 }, { scale: 'g', side: 1, label: 'Goldstein', grid: { show: false }, size: 50 }];
  } else if (measure === 'sum') {
    series = [
      xSeries,
      { label: share ? 'Summed Goldstein per event of all events' : 'Summed Goldstein', scale: 'n', fill: GOLDSTEIN_COLOR, stroke: GOLDSTEIN_COLOR, width: 0, paths: bars, points: { show: false }, value: (_u, v) => fmt(v) },
    ];
    data = [xs, rows[0]];
    axes = [xAxis, { scale: 'n', label: 'Summed Goldstein', size: 60 }];
  } else {
    series = [xSeries, meanSeries('g')];
    data = [xs, rows[0]];
    axes = [xAxis, { scale: 'g', label: 'Mean Goldstein', size: 50 }];
  }

  const bands = options.bands ?? [];
  let chart: TimelineChart;
  const plot = new uPlot(
    {
      title: options.title,
      width,
      height,
      series,
      scales: {
        x: { time: true },
        n: { range: (_u, min, max) => (measure === 'sum' ? [Math.min(0, min) * 1.1 - 0.5, Math.max(0, max) * 1.1 + 0.5] : [0, Math.max(1, max) * 1.1]) },
        g: { range: [-10, 10] },
      },
      axes,
      cursor: {
        drag: { x: true, y: false, setScale: true },
        sync: { key: options.syncKey },
      },
      legend: { live: true },
      hooks: {
        // Bands under the series: events the buckets cannot place, over the period their date names.
        drawAxes: [
          (u) => {
            if (bands.length === 0) return;
            const { ctx } = u;
            const { top, height: h } = u.bbox;
            ctx.save();
            ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
            ctx.textBaseline = 'top';
            for (const b of bands) {
              const x0 = u.valToPos(b.from, 'x', true);
              const x1 = u.valToPos(b.to, 'x', true);
              ctx.fillStyle = BAND_COLOR;
              ctx.fillRect(x0, top, Math.max(2, x1 - x0), h);
              ctx.fillStyle = GOLDSTEIN_COLOR;
              ctx.fillText(`${b.count}`, x0 + 3, top + 3);
            }
            ctx.restore();
          },
        ],
        setScale: [
          (u, key) => {
            if (key !== 'x' || programmatic) return;
            const { min, max } = u.scales.x;
            if (min == null || max == null) return;
            const full = xs.length > 0 && min <= xs[0] && max >= xs[xs.length - 1];
            options.onRange(full ? null : [min, max], chart);
          },
        ],
      },
    },
    data as uPlot.AlignedData,
    target,
  );

  const resize = new ResizeObserver(() => {
    const w = Math.max(280, target.clientWidth);
    if (Math.abs(w - plot.width) > 4) plot.setSize({ width: w, height });
  });
  resize.observe(target);

  chart = {
    uplot: plot,
    setRange(range) {
      programmatic = true;
      try {
        if (range) plot.setScale('x', { min: range[0], max: range[1] });
        else if (xs.length > 0) plot.setScale('x', { min: xs[0], max: xs[xs.length - 1] });
      } finally {
        programmatic = false;
      }
    },
    destroy() {
      resize.disconnect();
      plot.destroy();
    },
  };
  return chart;
}
