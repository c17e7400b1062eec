/**
 * @module cluster/summary
 * A cluster's identity and summary from its reports: the first report (which also names the
 * cluster), counts of mentions, articles and sources, and a representative code, date and place.
 */
import { createHash } from 'node:crypto';
import type { EventLocation } from '../model/event.js';
import type { Report } from './link.js';

export interface ClusterSummary {
  id: string;
  /** The earliest report: by publication date, then article id, then event id. */
  first: { article_id: string; event_id: string; published: string | null };
  /**
   * The report that stands for the cluster in per-cluster views (the store's cluster head): the
   * first asserted report, else the first report. A plan reported before it was carried out ("will
   * impose tariffs", then "imposed tariffs") is one cluster that counts as the asserted event.
   */
  head: { article_id: string; event_id: string };
  /** Every span that reports the event, over all its reports (at least one per report). */
  mentions: number;
  articles: number;
  /** Distinct outlets; an article without one counts as its own source. */
  sources: number;
  /** The code most reports give (ties: the first report's). */
  code: string;
  root: string;
  /** The most precise date the reports give, the most frequent among those. */
  date: string | null;
  /** The place most reports give, if any gives one. */
  location: EventLocation | null;
  source_code: string | null;
  target_code: string | null;
}

/** Reports in "first report" order. */
export function compareReports(x: Report, y: Report): number {
  const px = x.published ?? '\uffff';
  const py = y.published ?? '\uffff';
  if (px !== py) return px < py ? -1 : 1;
  if (x.article_id !== y.article_id) return x.article_id < y.article_id ? -1 : 1;
  const [ix, iy] = [Number(x.event_id.slice(1)), Number(y.event_id.slice(1))];
  if (ix !== iy && !Number.isNaN(ix) && !Number.isNaN(iy)) return ix - iy;
  return x.event_id < y.event_id ? -1 : x.event_id > y.event_id ? 1 : 0;
}

/**
 * A cluster's id is a hash of its first report, so that the same reports give the same id whatever
 * order they came in. It changes only when an earlier report joins (or two clusters merge).
 */
export function clusterId(first: { article_id: string; event_id: string }): string {
  return `c${createHash('sha1').update(`${first.article_id}\u0000${first.event_id}`).digest('hex').slice(0, 15)}`;
}

/** The most frequent value; ties go to the value seen first (reports come in first-report order). */
function mode<T>(values: T[], key: (v: T) => string): T | undefined {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const entry = counts.get(k);
    if (entry) entry.n += 1;
    else counts.set(k, { value: v, n: 1 });
  }
  let best: { value: T; n: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.n > best.n) best = entry;
  return best?.value;
}

/** The summary of a non-empty set of reports. */
export function summarise(reports: Report[]): ClusterSummary {
  if (reports.length === 0) throw new Error('summarise: a cluster has at least one report');
  const ordered = [...reports].sort(compareReports);
  const first = ordered[0];
  const events = ordered.map((r) => r.event);
  const code = mode(events.map((e) => e.code), (c) => c) ?? first.event.code;
  const dated = events.map((e) => e.date).filter((d): d is string => d !== null);
  const finest = Math.max(0, ...dated.map((d) => d.length));
  const date = mode(dated.filter((d) => d.length === finest), (d) => d) ?? null;
  const places = events.map((e) => e.location).filter((l): l is EventLocation => l !== null);
  const location = mode(places, (l) => l.name.toLowerCase()) ?? null;
  const outlets = new Set(ordered.map((r) => r.outlet ?? `article:${r.article_id}`));
  const articles = new Set(ordered.map((r) => r.article_id));
  const representative = events.find((e) => e.code === code) ?? first.event;
  const head = ordered.find((r) => r.event.modality === 'asserted') ?? first;
  return {
    id: clusterId(first),
    first: { article_id: first.article_id, event_id: first.event_id, published: first.published },
    head: { article_id: head.article_id, event_id: head.event_id },
    mentions: events.reduce((n, e) => n + Math.max(1, e.mentions_of_event?.length ?? 1), 0),
    articles: articles.size,
    sources: outlets.size,
    code,
    root: code.slice(0, 2),
    date,
    location,
    source_code: representative.source?.code ?? null,
    target_code: representative.target?.code ?? null,
  };
}
