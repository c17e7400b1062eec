/**
 * @module store/postgres/pg-store
 * The Store on PostgreSQL (`pg`), for several writers (ingest workers on any number of
 * machines) and readers at once. It answers every query as the SQLite store does — the same
 * conformance suite runs against both — from the same tables and summaries (migrations.ts).
 */
import type pg from 'pg';
import type { Article } from '../../model/article.js';
import type { ArticleRecord } from '../../model/record.js';
import { StoreError, UsageError, errorMessage } from '../../errors.js';
import type { EventLocation } from '../../model/event.js';
import type { Report } from '../../cluster/link.js';
import { compareReports } from '../../cluster/summary.js';
import { FACET_NAMES } from '../store.js';
import type {
  FeedState,
  ClusterDetail,
  EventTimelineQuery,
  FacetName,
  FacetQuery,
  FacetValue,
  PlaceSummary,
  ActorSummary,
  ArticleFilter,
  ArticleSummary,
  DyadSummary,
  EventFilter,
  EventPage,
  EventRow,
  FailureRecord,
  PutResult,
  QuoteFilter,
  QuoteRow,
  Store,
  StoreStats,
  TimelineBucket,
  TimelineQuery,
} from '../store.js';
import { decodeCursor, dyadBranches, encodeCursor, eventBranches, isCountry, splitsSides, type Branch } from '../sqlite/event-filter.js';
import { wholePeriods } from '../sqlite/sqlite-store.js';
import { openPool, parsePgLocation, type PgLocation } from './connection.js';
import { codePrefix, dateRange, eventWhere, likeContains, Params, queryWords, whereSql } from './event-filter.js';
import { isoWeek } from './summaries.js';
import { writeArticles, writeFailures } from './write.js';

const DEFAULT_EVENT_LIMIT = 100;
const MAX_LIMIT = 100_000;
/** Actor codes under one prefix queried as branches of their own; more use the prefix range. */
const MAX_ACTOR_BRANCHES = 12;

function checkLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`limit: expected a positive integer, found ${limit}`);
  return Math.min(limit, MAX_LIMIT);
}

/** The bucket a summary day falls in, or null when the day is too coarse for it. */
function bucketOf(day: string, bucket: TimelineQuery['bucket']): string | null {
  if (bucket === 'month') return day.length >= 7 ? day.slice(0, 7) : null;
  if (bucket === 'week') return isoWeek(day);
  return day.length === 10 ? day : null;
}

/** Two different countries of a non-directed dyad, ordered as event_pairs keeps them; else null. */
function multilateralPair(dyad: [string, string] | undefined, directed: boolean | undefined): [string, string] | null {
  if (!dyad || directed || !isCountry(dyad[0]) || !isCountry(dyad[1]) || dyad[0] === dyad[1]) return null;
  return dyad[0] < dyad[1] ? [dyad[0], dyad[1]] : [dyad[1], dyad[0]];
}

const byPeriod = (x: TimelineBucket, y: TimelineBucket) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0);

/** Rows summed per stored date, added up into the buckets `bucketFor` names (null: left out). */
function sumBuckets(rows: SummaryRow[], bucketFor: (day: string) => string | null): TimelineBucket[] {
  const buckets = new Map<string, TimelineBucket>();
  for (const r of rows) {
    const period = bucketFor(r.period);
    if (period === null) continue;
    let b = buckets.get(period);
    if (!b) {
      b = { period, events: 0, quad: [0, 0, 0, 0], mean_goldstein: 0, sum_goldstein: 0 };
      buckets.set(period, b);
    }
    b.events += r.events;
    b.quad[0] += r.q1;
    b.quad[1] += r.q2;
    b.quad[2] += r.q3;
    b.quad[3] += r.q4;
    b.sum_goldstein += r.sum_goldstein;
  }
  const result = [...buckets.values()].sort(byPeriod);
  for (const b of result) b.mean_goldstein = b.sum_goldstein / b.events;
  return result;
}

/** A filter applied as one branch over both sides. */
const EITHER: Branch = { direction: 'both', side: 'either' };

/** The filter fields a facet ignores, so that its other values stay countable (as in the SQLite store). */
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

function facetFilter(filter: EventFilter, name: FacetName): EventFilter {
  const copy: EventFilter = { ...filter, cursor: undefined, limit: undefined };
  for (const field of OWN_FIELDS[name]) delete copy[field];
  if (name === 'modality') copy.modality = 'all';
  return copy;
}

/** One column per event, or a pair of columns (source and target) counted once per event. */
const FACET_SOURCES: Record<FacetName, { column: string; join?: string; extra?: string } | { pair: [string, string] }> = {
  root: { column: 'e.root' },
  code: { column: 'e.code' },
  quad_class: { column: 'e.quad_class::text' },
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

/** The cluster columns read with every event row (clusters c LEFT JOINed on ev.cluster_id). */
const CLUSTER_COLUMNS = `c.id AS c_id, c.mentions AS c_mentions, c.articles AS c_articles, c.sources AS c_sources, c.code AS c_code,
  c.date AS c_date, c.location AS c_location, c.first_article_id AS c_first_article, c.first_event_id AS c_first_event`;

type EventJoinRow = {
  json: string; article_id: string; title: string | null; published: string | null; url: string | null; source: string | null;
  c_id: string | null; c_mentions: number; c_articles: number; c_sources: number; c_code: string; c_date: string | null;
  c_location: string | null; c_first_article: string; c_first_event: string;
};

function toEventRow(r: EventJoinRow): EventRow {
  // Fields added to the parsed event in place: an object spread of it cost four times the parse
  // (0.8 ms per page of 100 events), most of an event page's time outside SQL.
  return Object.assign(JSON.parse(r.json) as EventRow, {
    article_id: r.article_id,
    article_title: r.title,
    article_published: r.published,
    article_url: r.url,
    article_source: r.source,
    cluster:
      r.c_id === null
        ? null
        : {
            id: r.c_id,
            mentions: r.c_mentions,
            articles: r.c_articles,
            sources: r.c_sources,
            code: r.c_code,
            date: r.c_date,
            location: r.c_location === null ? null : (JSON.parse(r.c_location) as EventLocation),
            first_article_id: r.c_first_article,
            first_event_id: r.c_first_event,
          },
  });
}

type SummaryRow = { period: string; events: number; q1: number; q2: number; q3: number; q4: number; sum_goldstein: number };

export class PgStore implements Store {
  private constructor(
    private readonly pool: pg.Pool,
    readonly location: PgLocation,
  ) {}

  /** Connects to `url` (postgres://…, optionally with ?schema=NAME) and migrates the schema. */
  static async open(url: string, options: { poolSize?: number } = {}): Promise<PgStore> {
    const location = parsePgLocation(url);
    return new PgStore(await openPool(location, options.poolSize), location);
  }

  async putArticles(articles: Article[]): Promise<PutResult> {
    if (articles.length === 0) return { inserted: 0, duplicates: 0, events: 0, insertedIds: [], duplicateIds: [] };
    return this.writing(() => writeArticles(this.pool, articles));
  }

  async putFailures(failures: FailureRecord[]): Promise<void> {
    if (failures.length > 0) await this.writing(() => writeFailures(this.pool, failures));
  }

  private async writing<T>(write: () => Promise<T>): Promise<T> {
    try {
      const result = await write();
      // After the commit, never inside the transaction: a reader that sees the new version must
      // also see the new rows (a sequence advances outside transactions, so no lock is taken).
      await this.pool.query("SELECT nextval('store_version')");
      return result;
    } catch (error) {
      throw new StoreError('E_STORE_WRITE', `cannot write to ${this.location.display}: ${errorMessage(error)}`, { cause: error });
    }
  }

  private async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async hasArticle(id: string): Promise<boolean> {
    return (await this.rows('SELECT 1 FROM articles WHERE id = $1', [id])).length > 0;
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const [row] = await this.rows<{ record: string }>('SELECT record FROM articles WHERE id = $1', [id]);
    return row ? (JSON.parse(row.record) as ArticleRecord) : null;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<ArticleSummary[]> {
    const p = new Params();
    const clauses: string[] = [];
    dateRange('a.published', filter.from, filter.to, p, clauses);
    if (filter.text !== undefined) clauses.push(`a.title ILIKE ${p.add(likeContains(filter.text))}`);
    const limit = checkLimit(filter.limit, 50);
    const offset = filter.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`offset: expected a non-negative integer, found ${offset}`);
    return this.rows<ArticleSummary>(
      `SELECT a.id, a.title, a.published, a.url, a.source, a.language, a.n_events AS events, a.ingested_at
       FROM articles a ${whereSql(clauses)}
       ORDER BY a.published DESC NULLS LAST, a.seq DESC
       LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    );
  }

  async queryEvents(filter: EventFilter = {}): Promise<EventPage> {
    const limit = checkLimit(filter.limit, DEFAULT_EVENT_LIMIT);
    const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    // An actor is always queried as one branch per stored code and side (equality on the code, so
    // each branch walks its (code, sort_date, id) index newest first), even beside another indexed
    // filter: PostgreSQL misjudges a prefix range OR-ed over two columns, and with a root or a dyad
    // beside it walked the date index through 100,000 rows for a rare actor (actor with root: 19 ms
    // at the median, 150 ms at p90 at 1,000,000 events). The SQLite store keeps one branch there.
    const actorCodes = filter.actor !== undefined ? await this.actorCodes(filter.actor) : undefined;
    const plan: Branch[] =
      actorCodes !== undefined && !splitsSides(filter)
        ? dyadBranches(filter).flatMap((direction) => [
            ...actorCodes.source.map((code) => ({ direction, side: 'source' as const, code })),
            ...actorCodes.target.map((code) => ({ direction, side: 'target' as const, code })),
          ])
        : eventBranches(filter, actorCodes);
    if (plan.length === 0) return { events: [], next: null };
    // As in the SQLite store: each branch picks its newest keys from its own index; only the
    // final page reads the event JSON and the article.
    const p = new Params();
    const branches = plan.map((branch) => {
      const clauses = eventWhere(filter, branch, p);
      if (cursor !== null) clauses.push(`(e.sort_date, e.id) < (${p.add(cursor[0])}, ${p.add(cursor[1])})`);
      return `(SELECT e.id AS rid, e.sort_date AS sd FROM events e ${whereSql(clauses)} ORDER BY e.sort_date DESC, e.id DESC LIMIT ${p.add(limit + 1)})`;
    });
    const pair = multilateralPair(filter.dyad, filter.directed);
    if (pair !== null) {
      // Multilateral events with both countries among their participants (event_pairs).
      const clauses = eventWhere({ ...filter, dyad: undefined, directed: undefined }, EITHER, p);
      clauses.push(`e.id IN (SELECT event_id FROM event_pairs WHERE a = ${p.add(pair[0])} AND b = ${p.add(pair[1])})`);
      if (cursor !== null) clauses.push(`(e.sort_date, e.id) < (${p.add(cursor[0])}, ${p.add(cursor[1])})`);
      branches.push(`(SELECT e.id AS rid, e.sort_date AS sd FROM events e ${whereSql(clauses)} ORDER BY e.sort_date DESC, e.id DESC LIMIT ${p.add(limit + 1)})`);
    }
    const keys = branches.length === 1 ? branches[0] : `${branches.join(' UNION ALL ')} ORDER BY sd DESC, rid DESC LIMIT ${p.add(limit + 1)}`;
    const rows = await this.rows<EventJoinRow & { rid: string; sd: string }>(
      `SELECT k.rid, k.sd, ev.json, ev.article_id, a.title, a.published, a.url, a.source, ${CLUSTER_COLUMNS}
       FROM (${keys}) k
       JOIN events ev ON ev.id = k.rid
       JOIN articles a ON a.id = ev.article_id
       LEFT JOIN clusters c ON c.id = ev.cluster_id
       ORDER BY k.sd DESC, k.rid DESC`,
      p.values,
    );
    const page = rows.slice(0, limit);
    const events = page.map(toEventRow);
    const last = page[page.length - 1];
    return { events, next: rows.length > limit && last ? encodeCursor(last.sd, Number(last.rid)) : null };
  }

  /** The stored codes under an actor prefix on each side (a loose index scan per side, one round trip), or undefined when a side has too many. */
  private async actorCodes(prefix: string): Promise<{ source: string[]; target: string[] } | undefined> {
    const scan = (column: string) => `
      (WITH RECURSIVE c AS (
         SELECT min(${column}) AS code FROM events WHERE ${column} >= $1 AND ${column} < $2
         UNION ALL
         SELECT (SELECT min(${column}) FROM events WHERE ${column} > c.code AND ${column} < $2) FROM c WHERE c.code IS NOT NULL
       )
       SELECT '${column}' AS side, code FROM c WHERE code IS NOT NULL LIMIT $3)`;
    const found = await this.rows<{ side: string; code: string }>(`${scan('source_code')} UNION ALL ${scan('target_code')}`, [
      prefix,
      prefix + '\uffff',
      MAX_ACTOR_BRANCHES + 1,
    ]);
    const codes = { source: [] as string[], target: [] as string[] };
    for (const r of found) codes[r.side === 'source_code' ? 'source' : 'target'].push(r.code);
    if (codes.source.length > MAX_ACTOR_BRANCHES || codes.target.length > MAX_ACTOR_BRANCHES) return undefined;
    return codes;
  }

  async dyads(options: { limit?: number; from?: string; to?: string; per?: 'cluster' | 'report' } = {}): Promise<DyadSummary[]> {
    const limit = checkLimit(options.limit, 50);
    if (options.per === 'cluster') {
      // Each cluster once, at its first report: read from the events (no running totals per cluster).
      const p = new Params();
      const clauses = ["e.modality = 'asserted'", 'e.cluster_head', 'e.source_country IS NOT NULL', 'e.target_country IS NOT NULL'];
      dateRange('e.sort_date', options.from, options.to, p, clauses);
      return this.rows<DyadSummary>(
        `SELECT e.source_country, e.target_country, COUNT(*)::int AS events, AVG(e.goldstein) AS mean_goldstein,
                MIN(NULLIF(e.sort_date, '')) AS first, MAX(NULLIF(e.sort_date, '')) AS last
         FROM events e ${whereSql(clauses)}
         GROUP BY e.source_country, e.target_country
         ORDER BY events DESC, e.source_country, e.target_country
         LIMIT ${p.add(limit)}`,
        p.values,
      );
    }
    if (options.from === undefined && options.to === undefined) {
      return this.rows<DyadSummary>(
        `SELECT source_country, target_country, events, sum_goldstein / events AS mean_goldstein, first, last
         FROM dyad_totals ORDER BY events DESC, source_country, target_country LIMIT $1`,
        [limit],
      );
    }
    const p = new Params();
    const clauses = ["d.modality = 'asserted'"];
    dateRange('d.day', options.from, options.to, p, clauses);
    return this.rows<DyadSummary>(
      `SELECT d.source_country, d.target_country, SUM(d.events)::int AS events, SUM(d.sum_goldstein) / SUM(d.events) AS mean_goldstein,
              MIN(NULLIF(d.day, '')) AS first, MAX(NULLIF(d.day, '')) AS last
       FROM dyad_days d ${whereSql(clauses)}
       GROUP BY d.source_country, d.target_country
       ORDER BY events DESC, d.source_country, d.target_country
       LIMIT ${p.add(limit)}`,
      p.values,
    );
  }

  async timeline(query: TimelineQuery): Promise<TimelineBucket[]> {
    if (!['day', 'week', 'month'].includes(query.bucket)) throw new UsageError(`bucket: expected day, week or month, found "${query.bucket}"`);
    const filter = { dyad: [query.a, query.b] as [string, string], directed: query.directed, modality: query.modality, per: query.per };
    const buckets = new Map<string, TimelineBucket>();
    const add = (period: string | null, r: SummaryRow) => {
      if (period === null) return;
      let b = buckets.get(period);
      if (!b) {
        b = { period, events: 0, quad: [0, 0, 0, 0], mean_goldstein: 0, sum_goldstein: 0 };
        buckets.set(period, b);
      }
      b.events += r.events;
      b.quad[0] += r.q1;
      b.quad[1] += r.q2;
      b.quad[2] += r.q3;
      b.quad[3] += r.q4;
      b.sum_goldstein += r.sum_goldstein;
    };
    const sums = 'SUM(events)::int AS events, SUM(q1)::int AS q1, SUM(q2)::int AS q2, SUM(q3)::int AS q3, SUM(q4)::int AS q4, SUM(sum_goldstein) AS sum_goldstein';
    const eventSums = `COUNT(*)::int AS events,
                COUNT(*) FILTER (WHERE e.quad_class = 1)::int AS q1, COUNT(*) FILTER (WHERE e.quad_class = 2)::int AS q2,
                COUNT(*) FILTER (WHERE e.quad_class = 3)::int AS q3, COUNT(*) FILTER (WHERE e.quad_class = 4)::int AS q4,
                SUM(e.goldstein) AS sum_goldstein`;
    // Every part of the answer is one SELECT of one statement, so a timeline is one round trip to
    // the server (it was up to five: each waited for a server process on a busy machine). Rows of
    // kind 'p' are whole periods; rows of kind 'd' are days (or coarser dates), bucketed here.
    const p = new Params();
    const parts: string[] = [];
    // Multilateral events of both countries: once each, from event_pairs (not in the summaries).
    const pair = multilateralPair([query.a, query.b], query.directed);
    if (isCountry(query.a) && isCountry(query.b) && query.per !== 'cluster') {
      // Two countries: the per-day, per-week and per-month summaries (at most one row per period and direction).
      const modality = query.modality ?? 'asserted';
      const directions = dyadBranches(filter).map((d) => (d === 'backward' ? [query.b, query.a] : [query.a, query.b]));
      const read = (kind: 'p' | 'd', table: string, column: string, extra: (clauses: string[]) => void) => {
        const pairs = directions.map(([src, tgt]) => `(d.source_country = ${p.add(src)} AND d.target_country = ${p.add(tgt)})`);
        const clauses = [`(${pairs.join(' OR ')})`];
        if (modality !== 'all') clauses.push(`d.modality = ${p.add(modality)}`);
        extra(clauses);
        parts.push(`(SELECT '${kind}' AS kind, d.${column} AS period, ${sums} FROM ${table} d ${whereSql(clauses)} GROUP BY d.${column})`);
      };
      const days = (extra: (clauses: string[]) => void = () => {}) =>
        read('d', 'dyad_days', 'day', (clauses) => {
          clauses.push(query.bucket === 'month' ? 'length(d.day) >= 7' : 'length(d.day) = 10');
          dateRange('d.day', query.from, query.to, p, clauses);
          extra(clauses);
        });
      const whole = query.bucket === 'day' ? null : wholePeriods(query.bucket, query.from, query.to);
      if (whole === null) days();
      else {
        const [table, column] = query.bucket === 'week' ? ['dyad_weeks', 'week'] : ['dyad_months', 'month'];
        read('p', table, column, (clauses) => {
          if (whole.first !== undefined) clauses.push(`d.${column} >= ${p.add(whole.first)}`);
          if (whole.last !== undefined) clauses.push(`d.${column} <= ${p.add(whole.last)}`);
        });
        // The days of partial periods at either end of the range.
        if (whole.before !== undefined) days((c) => c.push(`d.day < ${p.add(whole.before)}`));
        if (whole.after !== undefined) days((c) => c.push(`d.day > ${p.add(whole.after)}`));
      }
    } else {
      // Actor codes: the events themselves, summed per day in SQL and bucketed here.
      const branches = dyadBranches(filter).map((direction) => {
        const clauses = eventWhere(filter, { direction, side: 'either' }, p);
        clauses.push(query.bucket === 'month' ? 'length(e.sort_date) >= 7' : 'length(e.sort_date) = 10');
        dateRange('e.sort_date', query.from, query.to, p, clauses);
        return `SELECT e.sort_date, e.quad_class, e.goldstein FROM events e ${whereSql(clauses)}`;
      });
      parts.push(`(SELECT 'd' AS kind, e.sort_date AS period, ${eventSums} FROM (${branches.join(' UNION ALL ')}) e GROUP BY e.sort_date)`);
    }
    if (pair !== null) {
      const clauses = eventWhere({ modality: query.modality, per: query.per }, EITHER, p);
      clauses.push(query.bucket === 'month' ? 'length(e.sort_date) >= 7' : 'length(e.sort_date) = 10');
      clauses.push(`e.id IN (SELECT event_id FROM event_pairs WHERE a = ${p.add(pair[0])} AND b = ${p.add(pair[1])})`);
      dateRange('e.sort_date', query.from, query.to, p, clauses);
      parts.push(`(SELECT 'd' AS kind, e.sort_date AS period, ${eventSums} FROM events e ${whereSql(clauses)} GROUP BY e.sort_date)`);
    }
    for (const r of await this.rows<SummaryRow & { kind: 'p' | 'd' }>(parts.join(' UNION ALL '), p.values)) {
      add(r.kind === 'p' ? r.period : bucketOf(r.period, query.bucket), r);
    }
    const result = [...buckets.values()].sort(byPeriod);
    for (const b of result) b.mean_goldstein = b.sum_goldstein / b.events;
    return result;
  }

  async searchActors(query: string, limit?: number): Promise<ActorSummary[]> {
    const p = new Params();
    const byCode = codePrefix('t.code', query.toUpperCase(), p);
    return this.rows<ActorSummary>(
      `SELECT t.code, NULLIF(t.name, '') AS name, t.country, t.role, t.mentions
       FROM actor_totals t WHERE ${byCode} OR t.name ILIKE ${p.add(likeContains(query))}
       ORDER BY t.mentions DESC, t.code, t.name
       LIMIT ${p.add(checkLimit(limit, 20))}`,
      p.values,
    );
  }

  async searchQuotes(filter: QuoteFilter): Promise<QuoteRow[]> {
    const p = new Params();
    const clauses: string[] = [];
    if (filter.speaker !== undefined) {
      const byCode = codePrefix('q.speaker_code', filter.speaker.toUpperCase(), p);
      clauses.push(`(${byCode} OR q.speaker_name ILIKE ${p.add(likeContains(filter.speaker))})`);
    }
    if (filter.text !== undefined) {
      const words = queryWords(filter.text);
      if (words === null) return [];
      clauses.push(`q.words @@ plainto_tsquery('english', ${p.add(words)})`);
    }
    type Row = { json: string; article_id: string; title: string | null };
    const rows = await this.rows<Row>(
      `SELECT q.json, q.article_id, a.title FROM quotes q JOIN articles a ON a.id = q.article_id
       ${whereSql(clauses)} ORDER BY q.id DESC LIMIT ${p.add(checkLimit(filter.limit, 50))}`,
      p.values,
    );
    return rows.map((r) => ({ ...(JSON.parse(r.json) as QuoteRow), article_id: r.article_id, article_title: r.title }));
  }

  async listFailures(limit?: number): Promise<FailureRecord[]> {
    return this.rows<FailureRecord>('SELECT item, code, message FROM failures ORDER BY last_seen DESC, item LIMIT $1', [checkLimit(limit, 100)]);
  }

  async stats(): Promise<StoreStats> {
    const [row] = await this.rows<StoreStats>(
      `SELECT (SELECT COUNT(*) FROM articles)::int AS articles, (SELECT COUNT(*) FROM events)::int AS events,
              (SELECT COUNT(*) FROM mentions)::int AS mentions, (SELECT COUNT(*) FROM quotes)::int AS quotes,
              (SELECT COUNT(*) FROM failures)::int AS failures`,
    );
    return row;
  }

  private closed = false;

  async getCluster(id: string): Promise<ClusterDetail | null> {
    const rows = await this.rows<EventJoinRow>(
      `SELECT ev.json, ev.article_id, a.title, a.published, a.url, a.source, ${CLUSTER_COLUMNS}
       FROM events ev JOIN articles a ON a.id = ev.article_id JOIN clusters c ON c.id = ev.cluster_id
       WHERE ev.cluster_id = $1`,
      [id],
    );
    const reports = rows.map(toEventRow);
    if (reports.length === 0 || !reports[0].cluster) return null;
    const order = (e: EventRow): Report => ({ article_id: e.article_id, event_id: e.id, outlet: e.article_source ?? null, published: e.article_published, event: e });
    reports.sort((x, y) => compareReports(order(x), order(y)));
    return { ...reports[0].cluster, reports };
  }

  async facets(query: FacetQuery): Promise<Partial<Record<FacetName, FacetValue[]>>> {
    const limit = query.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`limit: expected a positive integer, found ${limit}`);
    const out: Partial<Record<FacetName, FacetValue[]>> = {};
    for (const name of query.facets) {
      if (!FACET_NAMES.includes(name)) throw new UsageError(`facet: expected one of ${FACET_NAMES.join(', ')}, found "${name}"`);
      const source = FACET_SOURCES[name];
      const p = new Params();
      const where = eventWhere(facetFilter(query.filter, name), EITHER, p);
      const max = p.add(Math.min(limit, 1000));
      let sql: string;
      if ('pair' in source) {
        // UNION (not ALL) keeps one (event, value) pair: an event with GOV on both sides counts once.
        const [a, b] = source.pair;
        sql = `SELECT v AS value, COUNT(*)::int AS count FROM (
                 SELECT e.id, ${a} AS v FROM events e ${whereSql([...where, `${a} IS NOT NULL`])}
                 UNION
                 SELECT e.id, ${b} AS v FROM events e ${whereSql([...where, `${b} IS NOT NULL`])}) x
               GROUP BY v ORDER BY count DESC, value LIMIT ${max}`;
      } else {
        const extra = [`(${source.column}) IS NOT NULL`, ...(source.extra ? [source.extra] : [])];
        sql = `SELECT ${source.column} AS value, COUNT(*)::int AS count FROM events e ${source.join ?? ''} ${whereSql([...where, ...extra])}
               GROUP BY 1 ORDER BY count DESC, value LIMIT ${max}`;
      }
      out[name] = await this.rows<FacetValue>(sql, p.values);
    }
    return out;
  }

  async eventTimeline(query: EventTimelineQuery): Promise<TimelineBucket[]> {
    const precise = { day: 'length(e.sort_date) = 10', week: 'length(e.sort_date) = 10', month: 'length(e.sort_date) >= 7', year: 'length(e.sort_date) >= 4' }[query.bucket];
    if (!precise) throw new UsageError(`bucket: expected day, week, month or year, found "${query.bucket}"`);
    const p = new Params();
    const where = eventWhere({ ...query.filter, cursor: undefined, limit: undefined }, EITHER, p);
    // Summed per stored date in SQL, bucketed here (weeks need a calendar, and dates stay text).
    const rows = await this.rows<SummaryRow>(
      `SELECT e.sort_date AS period, COUNT(*)::int AS events,
              COUNT(*) FILTER (WHERE e.quad_class = 1)::int AS q1, COUNT(*) FILTER (WHERE e.quad_class = 2)::int AS q2,
              COUNT(*) FILTER (WHERE e.quad_class = 3)::int AS q3, COUNT(*) FILTER (WHERE e.quad_class = 4)::int AS q4,
              SUM(e.goldstein) AS sum_goldstein
       FROM events e ${whereSql([...where, precise])} GROUP BY e.sort_date`,
      p.values,
    );
    return sumBuckets(rows, (day) => (query.bucket === 'year' ? day.slice(0, 4) : bucketOf(day, query.bucket)));
  }

  async places(filter: EventFilter, limit?: number): Promise<PlaceSummary[]> {
    const p = new Params();
    const where = eventWhere({ ...filter, cursor: undefined, limit: undefined }, EITHER, p);
    return this.rows<PlaceSummary>(
      `SELECT e.location_name AS name, e.location_country AS country, e.location_lat AS lat, e.location_lon AS lon, COUNT(*)::int AS events
       FROM events e ${whereSql([...where, 'e.location_lat IS NOT NULL', 'e.location_lon IS NOT NULL', 'e.location_name IS NOT NULL'])}
       GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name LIMIT ${p.add(checkLimit(limit, 500))}`,
      p.values,
    );
  }

  async searchArticles(text: string, limit?: number): Promise<ArticleSummary[]> {
    const words = queryWords(text);
    if (words === null) return [];
    return this.rows<ArticleSummary>(
      `SELECT a.id, a.title, a.published, a.url, a.source, a.language, a.n_events AS events, a.ingested_at
       FROM articles a, plainto_tsquery('english', $1) q
       WHERE a.words @@ q
       ORDER BY ts_rank(a.words, q) DESC, a.seq LIMIT $2`,
      [words, checkLimit(limit, 50)],
    );
  }

  /** The store_version sequence, advanced after every committed write of any process. */
  async version(): Promise<string> {
    const [r] = await this.rows<{ last_value: string; is_called: boolean }>('SELECT last_value, is_called FROM store_version');
    return r.is_called ? r.last_value : '0';
  }

  async dateExtent(): Promise<{ first: string; last: string } | null> {
    const [r] = await this.rows<{ first: string | null; last: string | null }>(
      "SELECT (SELECT MIN(sort_date) FROM events WHERE sort_date > '') AS first, (SELECT MAX(sort_date) FROM events) AS last",
    );
    return r.first === null || r.last === null ? null : { first: r.first, last: r.last };
  }

  async getFeedState(url: string): Promise<FeedState | null> {
    const [r] = await this.rows<{ url: string; etag: string | null; last_modified: string | null; checked_at: string | null; failures: number; retry_at: string | null; seen: string }>(
      'SELECT * FROM watch_feeds WHERE url = $1',
      [url],
    );
    return r ? { url: r.url, etag: r.etag, lastModified: r.last_modified, checkedAt: r.checked_at, failures: r.failures, retryAt: r.retry_at, seen: JSON.parse(r.seen) as string[] } : null;
  }

  async putFeedState(state: FeedState): Promise<void> {
    await this.writing(() =>
      this.pool.query(
        `INSERT INTO watch_feeds (url, etag, last_modified, checked_at, failures, retry_at, seen) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at,
           failures = excluded.failures, retry_at = excluded.retry_at, seen = excluded.seen`,
        [state.url, state.etag, state.lastModified, state.checkedAt, state.failures, state.retryAt, JSON.stringify(state.seen)],
      ),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
