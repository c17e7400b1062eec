/**
 * @module api/bucket-cap
 * Timelines pick a coarser bucket when the one asked for would cut the date range into more than
 * `max_buckets` periods (default 1,000): days over twenty-six years are 9,500 buckets and a
 * megabyte of JSON that no chart can draw, and they cost a busy server hundreds of milliseconds.
 * The range is the one asked for, its open ends closed by the first and last stored event dates.
 * A caller who wants every day of a long range says so with a larger `max_buckets`; the answer
 * always names the bucket it used (and the one asked for, when they differ).
 */
import type { Store } from '../store/store.js';

export const DEFAULT_MAX_BUCKETS = 1000;
/** A hard ceiling even when asked: 30 years of days. */
export const MAX_MAX_BUCKETS = 11_000;

export type Bucket = 'day' | 'week' | 'month' | 'year';
const ORDER: Bucket[] = ['day', 'week', 'month', 'year'];
const DAY_MS = 86_400_000;

/** First day of a YYYY / YYYY-MM / YYYY-MM-DD prefix, in ms since the epoch. */
function startOf(prefix: string): number {
  const [y, m = '01', d = '01'] = prefix.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

/** Last day of a prefix. */
function endOf(prefix: string): number {
  const [y, m, d] = prefix.split('-');
  if (d !== undefined) return Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (m !== undefined) return Date.UTC(Number(y), Number(m), 1) - DAY_MS;
  return Date.UTC(Number(y) + 1, 0, 1) - DAY_MS;
}

/** How many periods of `bucket` the days [start, end] touch, at most. */
export function periodsIn(bucket: Bucket, start: number, end: number): number {
  const days = Math.floor((end - start) / DAY_MS) + 1;
  if (bucket === 'day') return days;
  if (bucket === 'week') return Math.floor(days / 7) + 2;
  const a = new Date(start);
  const b = new Date(end);
  if (bucket === 'month') return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  return b.getUTCFullYear() - a.getUTCFullYear() + 1;
}

/**
 * The bucket to use: `requested`, or the first coarser one among `allowed` whose periods over
 * the range fit in `maxBuckets` (the coarsest allowed when none fits).
 */
export async function chooseBucket<B extends Bucket>(
  store: Store,
  requested: B,
  range: { from?: string; to?: string },
  maxBuckets: number = DEFAULT_MAX_BUCKETS,
  allowed: readonly B[] = ORDER as B[],
  version?: string,
): Promise<B> {
  if (requested === allowed[allowed.length - 1]) return requested;
  let from = range.from;
  let to = range.to;
  if ((from === undefined || to === undefined) && store.dateExtent) {
    const extent = await extentAt(store, version);
    if (extent === null) return requested;
    from ??= extent.first;
    to ??= extent.last;
  }
  if (from === undefined || to === undefined) return requested;
  const start = startOf(from);
  const end = endOf(to);
  if (!(end >= start)) return requested;
  const candidates = allowed.filter((b) => ORDER.indexOf(b) >= ORDER.indexOf(requested));
  for (const bucket of candidates) if (periodsIn(bucket, start, end) <= maxBuckets) return bucket;
  return candidates[candidates.length - 1];
}

/** The last date extent read per store, with the store version it was read at. */
const extents = new WeakMap<Store, { version: string; extent: { first: string; last: string } | null }>();

/**
 * The store's date extent, read once per store version when the request's version is known (a
 * query, or on PostgreSQL a round trip, saved for most timelines).
 */
async function extentAt(store: Store, version: string | undefined): Promise<{ first: string; last: string } | null> {
  const known = version === undefined ? undefined : extents.get(store);
  if (known !== undefined && known.version === version) return known.extent;
  const extent = await store.dateExtent!();
  if (version !== undefined) extents.set(store, { version, extent });
  return extent;
}
