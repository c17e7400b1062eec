/**
 * @module web/components/timeline-chart
 * One direction of a dyad over time, drawn with uPlot: QuadClass counts as stacked bars (left
 * axis) and mean Goldstein as a line (right axis, -10..+10). Dragging across the plot selects
 * a time range; the chart zooms to it and reports it, and charts created with the same sync
 * key zoom together. uPlot has no stacking, so bars are drawn as cumulative totals back to front.
 */
import uPlot from 'uplot';
import type { Bucket } from '../api.js';
import { goldstein as fmtGoldstein, periodSeconds, QUAD_NAMES } from '../format.js';

export const QUAD_COLORS = ['#4f8fd6', '#2a9d6f', '#e39b2d', '#d1495b'];
const GOLDSTEIN_COLOR = '#6a4c93';

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
  /** Called with the visible range after a drag (or null after a reset). */
  onRange(range: [number, number] | null, source: TimelineChart): void;
  syncKey: string;
}

function aligned(xs: number[], buckets: Bucket[]): { quad: number[][]; mean: (number | null)[] } {
  const byX = new Map(buckets.map((b) => [periodSeconds(b.period), b]));
  const quad = [0, 1, 2, 3].map((q) => xs.map((x) => byX.get(x)?.quad[q] ?? 0));
  const mean = xs.map((x) => {
    const b = byX.get(x);
    return b && b.events > 0 ? b.mean_goldstein : null;
  });
  return { quad, mean };
}

export function timelineChart(target: HTMLElement, options: TimelineChartOptions): TimelineChart {
  const { xs, buckets } = options;
  const { quad, mean } = aligned(xs, buckets);
  // Cumulative totals, highest first: each later (shorter) bar is painted over the earlier one.
  const cumulative = [3, 2, 1, 0].map((top) => xs.map((_, i) => quad.slice(0, top + 1).reduce((s, q) => s + q[i], 0)));
  const bars = uPlot.paths.bars!({ size: [0.7, 48], align: 0 });
  const width = Math.max(280, target.clientWidth || 600);
  let programmatic = false;

  const series: uPlot.Series[] = [
    { label: 'Period', value: (_u, v) => (v == null ? '—' : new Date(v * 1000).toISOString().slice(0, 10)) },
    ...[3, 2, 1, 0].map(
      (q): uPlot.Series => ({
        label: QUAD_NAMES[q],
        scale: 'n',
        fill: QUAD_COLORS[q],
        stroke: QUAD_COLORS[q],
        width: 0,
        paths: bars,
        points: { show: false },
        // The legend shows this class's own count, not the cumulative height.
        value: (_u, _v, _si, idx) => (idx == null ? '—' : String(quad[q][idx])),
      }),
    ),
    {
      label: 'Mean Goldstein',
      scale: 'g',
      stroke: GOLDSTEIN_COLOR,
      width: 2,
      spanGaps: false,
      points: { show: true, size: 5, fill: GOLDSTEIN_COLOR },
      value: (_u, v) => (v == null ? '—' : fmtGoldstein(v)),
    },
  ];

  let chart: TimelineChart;
  const plot = new uPlot(
    {
      title: options.title,
      width,
      height: 260,
      series,
      scales: {
        x: { time: true },
        n: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
        g: { range: [-10, 10] },
      },
      axes: [
        {},
        { scale: 'n', label: 'Events', size: 50 },
        { scale: 'g', side: 1, label: 'Goldstein', grid: { show: false }, size: 50 },
      ],
      cursor: {
        drag: { x: true, y: false, setScale: true },
        sync: { key: options.syncKey },
      },
      legend: { live: true },
      hooks: {
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
    [xs, ...cumulative, mean] as uPlot.AlignedData,
    target,
  );

  const resize = new ResizeObserver(() => {
    const w = Math.max(280, target.clientWidth);
    if (Math.abs(w - plot.width) > 4) plot.setSize({ width: w, height: 260 });
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
