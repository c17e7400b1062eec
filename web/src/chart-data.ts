/**
 * @module web/chart-data
 * What a timeline chart draws, computed from the API's buckets: the period axis (every period
 * from first to last, padded when there is only one so a single bucket still has a width), the
 * values of the chosen measure (event counts by QuadClass, summed or mean Goldstein), a
 * trailing moving average, normalisation by the volume of all events, and the shaded bands for
 * events dated only to a month or a year. Pure functions: no DOM.
 */
import type { Bucket, FacetValue, ViewBucket } from './api.js';

export type Measure = 'count' | 'sum' | 'mean';

export const MEASURES: Record<Measure, string> = {
  count: 'Event counts by QuadClass',
  sum: 'Summed Goldstein',
  mean: 'Mean Goldstein',
};

/** Unix seconds of a period start ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), UTC. */
export function periodStart(period: string): number {
  const iso = period.length === 4 ? `${period}-01-01` : period.length === 7 ? `${period}-01` : period;
  return Date.parse(`${iso}T00:00:00Z`) / 1000;
}

/** The start of the period after the one starting at `seconds`. */
export function nextPeriod(seconds: number, bucket: ViewBucket, step = 1): number {
  const d = new Date(seconds * 1000);
  if (bucket === 'year') d.setUTCFullYear(d.getUTCFullYear() + step);
  else if (bucket === 'month') d.setUTCMonth(d.getUTCMonth() + step);
  else d.setUTCDate(d.getUTCDate() + step * (bucket === 'week' ? 7 : 1));
  return d.getTime() / 1000;
}

/** An ISO label of a period start at the bucket's precision: 2017, 2017-07, 2017-07-03. */
export function periodLabel(seconds: number, bucket: ViewBucket): string {
  const iso = new Date(seconds * 1000).toISOString();
  return bucket === 'year' ? iso.slice(0, 4) : bucket === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** Most periods drawn on one axis; beyond it only periods with events are drawn. */
const MAX_PERIODS = 20_000;

/**
 * Every period from the first to the last of `seconds`, so bars are evenly spaced and an empty
 * stretch shows as a gap. A single period gets its neighbours, so that it is drawn with a width.
 */
export function periodAxis(seconds: number[], bucket: ViewBucket): number[] {
  const present = [...new Set(seconds)].sort((x, y) => x - y);
  if (present.length === 0) return [];
  if (present.length === 1) return [nextPeriod(present[0], bucket, -1), present[0], nextPeriod(present[0], bucket)];
  const all: number[] = [];
  let t = present[0];
  const last = present[present.length - 1];
  while (t <= last && all.length <= MAX_PERIODS) {
    all.push(t);
    t = nextPeriod(t, bucket);
  }
  return all.length > MAX_PERIODS ? present : all;
}

/** Trailing moving average over `window` periods (1 = none); nulls are skipped, a window of only nulls stays null. */
export function movingAverage(values: (number | null)[], window: number): (number | null)[] {
  if (window <= 1) return values;
  return values.map((_, i) => {
    const slice = values.slice(Math.max(0, i - window + 1), i + 1).filter((v): v is number => v !== null);
    return slice.length === 0 ? null : slice.reduce((s, v) => s + v, 0) / slice.length;
  });
}

export interface ChartValues {
  /** count: one row per QuadClass 1..4; sum: one row; mean: one row. */
  rows: (number | null)[][];
  /** Mean Goldstein per period, for the line drawn over count bars. */
  mean: (number | null)[];
}

/**
 * The measure per period. `totals` (events of every kind per period) turns counts and sums
 * into shares of the volume: percent of all events, Goldstein per event of all events.
 */
export function chartValues(xs: number[], buckets: Bucket[], measure: Measure, smooth: number, totals?: Map<number, number>): ChartValues {
  const byX = new Map(buckets.map((b) => [periodStart(b.period), b]));
  const scale = (x: number, v: number, percent: boolean): number | null => {
    if (!totals) return v;
    const total = totals.get(x) ?? 0;
    return total === 0 ? null : (percent ? 100 : 1) * (v / total);
  };
  const mean = movingAverage(
    xs.map((x) => {
      const b = byX.get(x);
      return b && b.events > 0 ? b.mean_goldstein : null;
    }),
    smooth,
  );
  if (measure === 'mean') return { rows: [mean], mean };
  if (measure === 'sum') return { rows: [movingAverage(xs.map((x) => scale(x, byX.get(x)?.sum_goldstein ?? 0, false)), smooth)], mean };
  const rows = [0, 1, 2, 3].map((q) => movingAverage(xs.map((x) => scale(x, byX.get(x)?.quad[q] ?? 0, true)), smooth));
  return { rows, mean };
}

export interface Band {
  from: number;
  to: number;
  count: number;
  label: string;
}

/**
 * Events a chart of `bucket` cannot place in one period, from the partial_date facet: a
 * coarser date becomes a band over the whole month or year it names (month-only dates fit a
 * month or year bucket and need no band). Undated events are counted apart.
 */
export function partialBands(partial: FacetValue[] | undefined, bucket: ViewBucket): { bands: Band[]; undated: number; banded: number } {
  const bands: Band[] = [];
  let undated = 0;
  let banded = 0;
  for (const { value, count } of partial ?? []) {
    if (value === '') {
      undated += count;
      continue;
    }
    const fits = value.length === 7 ? bucket === 'month' || bucket === 'year' : bucket === 'year';
    if (fits) continue;
    const from = periodStart(value);
    const to = nextPeriod(from, value.length === 4 ? 'year' : 'month');
    bands.push({ from, to, count, label: `${count} dated only to ${value}` });
    banded += count;
  }
  return { bands, undated, banded };
}

/** A bucket for a span of periods when the reader has not chosen one: never days over long ranges. */
export function autoBucket(months: number): ViewBucket {
  if (months > 15 * 12) return 'year';
  if (months <= 3) return 'week';
  return 'month';
}
