/**
 * @module store/sqlite/facets
 * The analyst's views over any event filter: facet counts (how many events have each value of
 * a field), a timeline per day/week/month/year, and the located places. Each is one GROUP BY
 * over `events e` with the WHERE clause event-filter.ts builds, so every filter the event list
 * takes narrows these too.
 */
import { UsageError } from '../../errors.js';
import type { EventFilter, EventTimelineQuery, FacetName, FacetQuery, FacetValue, PlaceSummary, TimelineBucket } from '../store.js';
import { FACET_NAMES } from '../store.js';
import type { Db } from './connection.js';
import { buildEventWhere, type Where } from './event-filter.js';

const MAX_FACET_VALUES = 1000;

/** The filter fields a facet ignores, so that its other values stay countable. */
const OWN_FIELDS: Record<FacetName, (keyof EventFilter)[]> = {
  root: ['root', 'code'],
  code: ['code'],
  quad_class: ['quadClass'],
  source_country: ['source'],
  target_country: ['target'],
  country: ['country'],
  dyad: ['dyad', 'directed'],
  role: ['role'],
  actor: ['actor'],
  name: ['name'],
  modality: ['modality'],
  outlet: ['outlet'],
  date_precision: [],
  partial_date: [],
};

/** One column per event, or a pair of columns (source and target) counted once per event. */
type FacetSource = { column: string; join?: string; extra?: string } | { pair: [string, string] };

const SOURCES: Record<FacetName, FacetSource> = {
  root: { column: 'e.root' },
  code: { column: 'e.code' },
  quad_class: { column: 'CAST(e.quad_class AS TEXT)' },
  source_country: { column: 'e.source_country' },
  target_country: { column: 'e.target_country' },
  country: { pair: ['e.source_country', 'e.target_country'] },
  dyad: { column: "e.source_country || '>' || e.target_country" },
  role: { pair: ['e.source_role', 'e.target_role'] },
  actor: { pair: ['e.source_code', 'e.target_code'] },
  name: { pair: ['e.source_name', 'e.target_name'] },
  modality: { column: 'e.modality' },
  outlet: { column: 'a.source', join: 'JOIN articles a ON a.id = e.article_id' },
  date_precision: { column: "CASE length(e.sort_date) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' ELSE 'none' END" },
  partial_date: { column: 'e.sort_date', extra: 'length(e.sort_date) < 10' },
};

function whereSql(where: Where, extra: string[] = []): string {
  const clauses = [...where.clauses, ...extra];
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
}

/** The filter without paging and without the facet's own fields; `modality` falls back to every modality. */
function facetFilter(filter: EventFilter, name: FacetName): EventFilter {
  const copy: EventFilter = { ...filter, cursor: undefined, limit: undefined };
  for (const field of OWN_FIELDS[name]) delete copy[field];
  if (name === 'modality') copy.modality = 'all';
  return copy;
}

export function facetCounts(db: Db, query: FacetQuery): Partial<Record<FacetName, FacetValue[]>> {
  const limit = query.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`limit: expected a positive integer, found ${limit}`);
  const out: Partial<Record<FacetName, FacetValue[]>> = {};
  for (const name of query.facets) {
    if (!FACET_NAMES.includes(name)) throw new UsageError(`facet: expected one of ${FACET_NAMES.join(', ')}, found "${name}"`);
    const source = SOURCES[name];
    const where = buildEventWhere(facetFilter(query.filter, name));
    let sql: string;
    let params: unknown[];
    if ('pair' in source) {
      // UNION (not ALL) keeps one (event, value) pair: an event with GOV on both sides counts once.
      const [s, t] = source.pair;
      sql = `SELECT v AS value, COUNT(*) AS count FROM (
               SELECT e.rowid AS rid, ${s} AS v FROM events e ${whereSql(where, [`${s} IS NOT NULL`])}
               UNION
               SELECT e.rowid AS rid, ${t} AS v FROM events e ${whereSql(where, [`${t} IS NOT NULL`])})
             GROUP BY v ORDER BY count DESC, value LIMIT ?`;
      params = [...where.params, ...where.params, Math.min(limit, MAX_FACET_VALUES)];
    } else {
      const extra = [`(${source.column}) IS NOT NULL`, ...(source.extra ? [source.extra] : [])];
      sql = `SELECT ${source.column} AS value, COUNT(*) AS count FROM events e ${source.join ?? ''} ${whereSql(where, extra)}
             GROUP BY 1 ORDER BY count DESC, value LIMIT ?`;
      params = [...where.params, Math.min(limit, MAX_FACET_VALUES)];
    }
    out[name] = db.prepare(sql).all(...params) as FacetValue[];
  }
  return out;
}

/** Period start of `sort_date` and the precision a date needs to fall in one. */
const PERIODS: Record<EventTimelineQuery['bucket'], { period: string; precise: string }> = {
  day: { period: 'e.sort_date', precise: 'length(e.sort_date) = 10' },
  week: {
    period: "date(e.sort_date, '-' || ((CAST(strftime('%w', e.sort_date) AS INTEGER) + 6) % 7) || ' days')",
    precise: 'length(e.sort_date) = 10',
  },
  month: { period: 'substr(e.sort_date, 1, 7)', precise: 'length(e.sort_date) >= 7' },
  year: { period: 'substr(e.sort_date, 1, 4)', precise: 'length(e.sort_date) >= 4' },
};

export function eventTimeline(db: Db, query: EventTimelineQuery): TimelineBucket[] {
  const bucket = PERIODS[query.bucket];
  if (!bucket) throw new UsageError(`bucket: expected day, week, month or year, found "${query.bucket}"`);
  const where = buildEventWhere({ ...query.filter, cursor: undefined, limit: undefined });
  const sql = `
    SELECT ${bucket.period} AS period, COUNT(*) AS events,
           SUM(e.quad_class = 1) AS q1, SUM(e.quad_class = 2) AS q2, SUM(e.quad_class = 3) AS q3, SUM(e.quad_class = 4) AS q4,
           SUM(e.goldstein) AS sum_goldstein
    FROM events e ${whereSql(where, [bucket.precise])}
    GROUP BY 1 ORDER BY 1`;
  type Row = { period: string; events: number; q1: number; q2: number; q3: number; q4: number; sum_goldstein: number };
  return (db.prepare(sql).all(...where.params) as Row[]).map((r) => ({
    period: r.period,
    events: r.events,
    quad: [r.q1, r.q2, r.q3, r.q4],
    mean_goldstein: r.sum_goldstein / r.events,
    sum_goldstein: r.sum_goldstein,
  }));
}

export function placeCounts(db: Db, filter: EventFilter, limit: number): PlaceSummary[] {
  const where = buildEventWhere({ ...filter, cursor: undefined, limit: undefined });
  const sql = `
    SELECT e.location_name AS name, e.location_country AS country, e.location_lat AS lat, e.location_lon AS lon, COUNT(*) AS events
    FROM events e ${whereSql(where, ['e.location_lat IS NOT NULL', 'e.location_lon IS NOT NULL', 'e.location_name IS NOT NULL'])}
    GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name LIMIT ?`;
  return db.prepare(sql).all(...where.params, limit) as PlaceSummary[];
}
