/**
 * @module store/sqlite/sqlite-store
 * The default Store: one SQLite file (better-sqlite3). better-sqlite3 is synchronous, so every
 * call runs to completion on the calling thread: writes are naturally serialised within a
 * process, and WAL lets other processes (the API, `detente events`) read during an ingest.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../../model/article.js';
import type { ArticleRecord } from '../../model/record.js';
import { DetenteError, UsageError, errorMessage } from '../../errors.js';
import type {
  FeedState,
  ActorSummary,
  ArticleFilter,
  ClusterDetail,
  ArticleSummary,
  DyadSummary,
  EventFilter,
  EventPage,
  EventTimelineQuery,
  FacetName,
  FacetQuery,
  FacetValue,
  PlaceSummary,
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
import { openDatabase, type Db } from './connection.js';
import { buildEventWhere, codePrefix, dateRange, decodeCursor, dyadBranches, encodeCursor, eventBranches, ftsQuery, isCountry, likeContains, splitsSides, type Where } from './event-filter.js';
import { eventTimeline, facetCounts, placeCounts } from './facets.js';
import { createArticleWriter, createFailureWriter, type WriteArticles, type WriteFailures } from './write.js';
import { createClusterer } from './clusters.js';
import { compareReports } from '../../cluster/summary.js';
import type { Report } from '../../cluster/link.js';
import type { EventLocation } from '../../model/event.js';

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

export const DEFAULT_EVENT_LIMIT = 100;
/** The most of the file a query-answering store maps (SQLite caps it at its compile-time limit). */
const MMAP_BYTES = 4 * 1024 ** 3;
const MAX_LIMIT = 100_000;
/** Actor codes under one prefix queried as branches of their own; more use the prefix range. */
const MAX_ACTOR_BRANCHES = 12;

/** Day, ISO-week (its Monday) and month buckets of a text date; rows whose date is too coarse are left out. */
// sort_date equals date whenever the date is precise enough to bucket, and unlike date it is in
// the covering timeline index.
// dyad_days.day is the sort_date of the events it sums, so the same expressions bucket both.
const BUCKETS: Record<TimelineQuery['bucket'], { period: (column: string) => string; precise: (column: string) => string }> = {
  day: { period: (c) => c, precise: (c) => `length(${c}) = 10` },
  week: {
    period: (c) => `date(${c}, '-' || ((CAST(strftime('%w', ${c}) AS INTEGER) + 6) % 7) || ' days')`,
    precise: (c) => `length(${c}) = 10`,
  },
  month: { period: (c) => `substr(${c}, 1, 7)`, precise: (c) => `length(${c}) >= 7` },
};

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD string as a UTC time, or NaN. */
function dayTime(day: string): number {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? Number.NaN : t;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The weeks (Mondays) or months that lie wholly inside [from, to] (bounds as dateRange takes
 * them), and the days outside those periods that the range still holds: `before` (days < it)
 * and `after` (days > it) are read from the per-day summary. Null when the range cannot be split
 * (an invalid day, or no whole period inside it): read everything from the days.
 */
export function wholePeriods(bucket: 'week' | 'month', from: string | undefined, to: string | undefined): { first?: string; last?: string; before?: string; after?: string } | null {
  if (from === undefined && to === undefined) return {};
  if (bucket === 'month') {
    // A month is inside a range with YYYY or YYYY-MM bounds exactly when all its days are.
    if ((from?.length ?? 0) > 7 || (to?.length ?? 0) > 7) return null;
    const month = (bound: string | undefined, fill: string) => (bound === undefined ? undefined : bound.length === 4 ? `${bound}-${fill}` : bound);
    return { first: month(from, '01'), last: month(to, '12') };
  }
  const lo = from === undefined ? undefined : dayTime(from.length === 4 ? `${from}-01-01` : from.length === 7 ? `${from}-01` : from);
  let hi: number | undefined;
  if (to !== undefined) {
    const [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
    hi = to.length === 4 ? Date.UTC(y, 11, 31) : to.length === 7 ? (m >= 1 && m <= 12 ? Date.UTC(y, m, 0) : Number.NaN) : dayTime(to);
  }
  if (Number.isNaN(lo) || Number.isNaN(hi)) return null;
  const weekday = (t: number) => (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  const firstMonday = lo === undefined ? undefined : weekday(lo) === 0 ? lo : lo + (7 - weekday(lo)) * DAY_MS;
  const lastMonday = hi === undefined ? undefined : hi - weekday(hi) * DAY_MS - (weekday(hi) === 6 ? 0 : 7 * DAY_MS);
  if (firstMonday !== undefined && lastMonday !== undefined && firstMonday > lastMonday) return null;
  return {
    first: firstMonday === undefined ? undefined : isoDay(firstMonday),
    last: lastMonday === undefined ? undefined : isoDay(lastMonday),
    before: firstMonday === undefined || firstMonday === lo ? undefined : isoDay(firstMonday),
    after: lastMonday === undefined || lastMonday + 6 * DAY_MS === hi ? undefined : isoDay(lastMonday + 6 * DAY_MS),
  };
}

function checkLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`limit: expected a positive integer, found ${limit}`);
  return Math.min(limit, MAX_LIMIT);
}

export class SqliteStore implements Store {
  readonly path: string;
  private readonly db: Db;
  private readonly writeArticles: WriteArticles;
  private readonly writeFailures: WriteFailures;
  /** Prepared once: ingest asks hasArticle for every article it reads. */
  private readonly hasStatement: Database.Statement<[string]>;
  /** Commits made through this connection (PRAGMA data_version counts only the others'). */
  private writes = 0;
  /** Read statements by SQL text: queries are built from the filter's shape, so few texts recur. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly dataVersion: Database.Statement;
  /** Whether the file is memory-mapped for reading (see reading()). */
  private mapped = false;

  constructor(path: string) {
    this.path = path;
    this.db = openDatabase(path);
    this.writeArticles = createArticleWriter(this.db);
    this.writeFailures = createFailureWriter(this.db);
    this.hasStatement = this.db.prepare('SELECT 1 FROM articles WHERE id = ?');
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck();
    this.clusterStored();
  }

  /**
   * Events stored before migration 5 have no cluster: they are clustered once, article by article
   * in storage order, when a writable store opens. Later opens find none (an index lookup).
   */
  private clusterStored(): void {
    if (this.db.readonly) return;
    const pending = this.db.prepare('SELECT article_id FROM events WHERE cluster_id IS NULL GROUP BY article_id ORDER BY MIN(rowid)').pluck().all() as string[];
    if (pending.length === 0) return;
    const cluster = createClusterer(this.db);
    const record = this.db.prepare('SELECT record FROM articles WHERE id = ?').pluck();
    this.db.transaction(() => {
      for (const id of pending) cluster(JSON.parse(record.get(id) as string) as ArticleRecord);
    }).immediate();
  }

  /**
   * A prepared statement for `sql`, prepared once per text (preparing a page query cost about a
   * tenth of its time under load). The cache is bounded; output modes are reset on every use.
   */
  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= 500) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, statement);
    } else if (statement.reader) {
      statement.raw(false);
      statement.pluck(false);
    }
    return statement;
  }

  /**
   * Called by the read queries. A store that answers queries (a server) reads the file through a
   * memory map: index and row pages come straight from the operating system's page cache instead
   * of a read() and a copy each, which halved the query time of event pages at 1,000,000 events.
   * A store that only ingests never maps: mapped pages count in the process's memory, which
   * ingest keeps under 500 MB (issue 11).
   */
  private reading(): void {
    if (this.mapped) return;
    this.mapped = true;
    try {
      this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
    } catch {
      // an in-memory or unusual file: read() as before
    }
  }

  async putArticles(articles: Article[]): Promise<PutResult> {
    return this.writing(() => this.writeArticles(articles));
  }

  async putFailures(failures: FailureRecord[]): Promise<void> {
    if (failures.length > 0) this.writing(() => this.writeFailures(failures));
  }

  /** A failed write (disk full, file locked too long, read-only) stops the run with a message naming the file. */
  private writing<T>(write: () => T): T {
    try {
      const result = write();
      this.writes += 1;
      return result;
    } catch (error) {
      throw new DetenteError('E_STORE_WRITE', `cannot write to ${this.path}: ${errorMessage(error)}`, { cause: error });
    }
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.hasStatement.get(id) !== undefined;
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const row = this.prepare('SELECT record FROM articles WHERE id = ?').get(id) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as ArticleRecord) : null;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<ArticleSummary[]> {
    this.reading();
    const where: Where = { clauses: [], params: [] };
    dateRange('a.published', filter.from, filter.to, where);
    if (filter.text !== undefined) {
      where.clauses.push(`a.title LIKE ? ESCAPE '\\'`);
      where.params.push(likeContains(filter.text));
    }
    const limit = checkLimit(filter.limit, 50);
    const offset = filter.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`offset: expected a non-negative integer, found ${offset}`);
    const sql = `
      SELECT a.id, a.title, a.published, a.url, a.source, a.language, a.n_events AS events, a.ingested_at
      FROM articles a ${whereSql(where)}
      ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC
      LIMIT ? OFFSET ?`;
    return this.prepare(sql).all(...where.params, limit, offset) as ArticleSummary[];
  }

  async queryEvents(filter: EventFilter = {}): Promise<EventPage> {
    this.reading();
    const limit = checkLimit(filter.limit, DEFAULT_EVENT_LIMIT);
    const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    // Each branch picks its own newest rows from the events table alone (keys, not documents);
    // only the final page then reads its JSON and article.
    const params: unknown[] = [];
    const actorCodes = filter.actor !== undefined && splitsSides(filter) ? this.actorCodes(filter.actor) : undefined;
    const textFilters = filter.text !== undefined && this.manyTextMatches(filter.text, limit);
    const plan = eventBranches(filter, actorCodes);
    if (plan.length === 0) return { events: [], next: null };
    const branches = plan.map(({ direction, side, code }) => {
      const where = buildEventWhere(filter, direction, side, { code, textFilters });
      if (cursor !== null) {
        where.clauses.push('(e.sort_date, e.rowid) < (?, ?)');
        where.params.push(cursor[0], cursor[1]);
      }
      params.push(...where.params, limit + 1);
      return `SELECT * FROM (SELECT e.rowid AS rid, e.sort_date AS sd FROM events e ${whereSql(where)} ORDER BY e.sort_date DESC, e.rowid DESC LIMIT ?)`;
    });
    const pair = multilateralPair(filter.dyad, filter.directed);
    if (pair !== null) {
      // Multilateral events with both countries among their participants (migration 5's event_pairs).
      const where = buildEventWhere({ ...filter, dyad: undefined, directed: undefined }, 'both', 'either', { textFilters });
      where.clauses.push('e.rowid IN (SELECT event_rowid FROM event_pairs WHERE a = ? AND b = ?)');
      where.params.push(...pair);
      if (cursor !== null) {
        where.clauses.push('(e.sort_date, e.rowid) < (?, ?)');
        where.params.push(cursor[0], cursor[1]);
      }
      params.push(...where.params, limit + 1);
      branches.push(`SELECT * FROM (SELECT e.rowid AS rid, e.sort_date AS sd FROM events e ${whereSql(where)} ORDER BY e.sort_date DESC, e.rowid DESC LIMIT ?)`);
    }
    const keys = branches.length === 1 ? branches[0] : `${branches.join(' UNION ALL ')} ORDER BY sd DESC, rid DESC LIMIT ?`;
    if (branches.length > 1) params.push(limit + 1);
    const sql = `
      SELECT p.rid, p.sd, ev.json, ev.article_id, a.title, a.published, a.url, a.source, ${CLUSTER_COLUMNS}
      FROM (${keys}) p
      JOIN events ev ON ev.rowid = p.rid
      JOIN articles a ON a.id = ev.article_id
      LEFT JOIN clusters c ON c.id = ev.cluster_id
      ORDER BY p.sd DESC, p.rid DESC`;
    const rows = this.prepare(sql).all(...params) as (EventJoinRow & { rid: number; sd: string })[];
    const page = rows.slice(0, limit);
    const events = page.map(toEventRow);
    const last = page[page.length - 1];
    return { events, next: rows.length > limit && last ? encodeCursor(last.sd, last.rid) : null };
  }

  /**
   * The stored codes under an actor prefix on each side, found by skipping through the
   * (source_code | target_code, sort_date) indexes one code at a time, so that each becomes an
   * equality branch read newest first. Undefined when a side has too many (the prefix range then).
   */
  private actorCodes(prefix: string): { source: string[]; target: string[] } | undefined {
    const codes = { source: [] as string[], target: [] as string[] };
    for (const side of ['source', 'target'] as const) {
      const first = this.prepare(`SELECT ${side}_code FROM events WHERE ${side}_code >= ? AND ${side}_code < ? ORDER BY ${side}_code LIMIT 1`).pluck();
      const next = this.prepare(`SELECT ${side}_code FROM events WHERE ${side}_code > ? AND ${side}_code < ? ORDER BY ${side}_code LIMIT 1`).pluck();
      let code = first.get(prefix, prefix + '\uffff') as string | undefined;
      while (code !== undefined) {
        if (codes[side].length === MAX_ACTOR_BRANCHES) return undefined;
        codes[side].push(code);
        code = next.get(code, prefix + '\uffff') as string | undefined;
      }
    }
    return codes;
  }

  /**
   * Whether the evidence words match so many events that walking an index in date order and
   * testing each row is cheaper than reading every match and sorting: more than
   * sqrt(page × events) matches (the two costs are equal there).
   */
  private manyTextMatches(text: string, limit: number): boolean {
    const fts = ftsQuery(text);
    if (fts === null) return false;
    const size = (this.prepare('SELECT max(rowid) FROM events').pluck().get() as number | null) ?? 0;
    const threshold = Math.ceil(Math.sqrt((limit + 1) * size));
    const found = this.prepare('SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? LIMIT ?)').pluck().get(fts, threshold) as number;
    return found >= threshold;
  }

  async getCluster(id: string): Promise<ClusterDetail | null> {
    this.reading();
    const sql = `
      SELECT ev.json, ev.article_id, a.title, a.published, a.url, a.source, ${CLUSTER_COLUMNS}
      FROM events ev JOIN articles a ON a.id = ev.article_id JOIN clusters c ON c.id = ev.cluster_id
      WHERE ev.cluster_id = ?`;
    const reports = (this.prepare(sql).all(id) as EventJoinRow[]).map(toEventRow);
    if (reports.length === 0 || !reports[0].cluster) return null;
    const order = (e: EventRow): Report => ({ article_id: e.article_id, event_id: e.id, outlet: e.article_source ?? null, published: e.article_published, event: e });
    reports.sort((x, y) => compareReports(order(x), order(y)));
    return { ...reports[0].cluster, reports };
  }

  async dyads(options: { limit?: number; from?: string; to?: string; per?: 'cluster' | 'report' } = {}): Promise<DyadSummary[]> {
    this.reading();
    const limit = checkLimit(options.limit, 50);
    if (options.per === 'cluster') {
      // Each cluster once, at its first report: read from the events (no running totals per cluster).
      const where: Where = { clauses: ["e.modality = 'asserted'", 'e.cluster_head = 1', 'e.source_country IS NOT NULL', 'e.target_country IS NOT NULL'], params: [] };
      dateRange('e.sort_date', options.from, options.to, where);
      const sql = `
        SELECT e.source_country, e.target_country, COUNT(*) AS events, AVG(e.goldstein) AS mean_goldstein,
               MIN(NULLIF(e.sort_date, '')) AS first, MAX(NULLIF(e.sort_date, '')) AS last
        FROM events e ${whereSql(where)}
        GROUP BY e.source_country, e.target_country
        ORDER BY events DESC, e.source_country, e.target_country
        LIMIT ?`;
      return this.prepare(sql).all(...where.params, limit) as DyadSummary[];
    }
    if (options.from === undefined && options.to === undefined) {
      // The running totals (migration 2) answer the common, unbounded question without a scan.
      return this.prepare(
          `SELECT source_country, target_country, events, sum_goldstein / events AS mean_goldstein, first, last
           FROM dyad_totals ORDER BY events DESC, source_country, target_country LIMIT ?`,
        )
        .all(limit) as DyadSummary[];
    }
    // A date range: sum the per-day rows of dyad_days (migration 4), not every event.
    const where: Where = { clauses: ["d.modality = 'asserted'"], params: [] };
    dateRange('d.day', options.from, options.to, where);
    const sql = `
      SELECT d.source_country, d.target_country, SUM(d.events) AS events, SUM(d.sum_goldstein) / SUM(d.events) AS mean_goldstein,
             MIN(NULLIF(d.day, '')) AS first, MAX(NULLIF(d.day, '')) AS last
      FROM dyad_days d ${whereSql(where)}
      GROUP BY d.source_country, d.target_country
      ORDER BY events DESC, d.source_country, d.target_country
      LIMIT ?`;
    return this.prepare(sql).all(...where.params, limit) as DyadSummary[];
  }

  async timeline(query: TimelineQuery): Promise<TimelineBucket[]> {
    this.reading();
    const bucket = BUCKETS[query.bucket];
    if (!bucket) throw new UsageError(`bucket: expected day, week or month, found "${query.bucket}"`);
    const filter = { dyad: [query.a, query.b] as [string, string], directed: query.directed, modality: query.modality, per: query.per };
    // The per-day summaries count reports; counting clusters reads the events' first-report flag.
    if (isCountry(query.a) && isCountry(query.b) && query.per !== 'cluster') return this.summaryTimeline(query, filter, bucket);
    // Actor codes ("USAGOV"): one branch per direction over the events themselves, each a scan
    // of an index on (source_code | target_code, sort_date).
    const params: unknown[] = [];
    const branches = dyadBranches(filter).map((direction) => {
      const where = buildEventWhere(filter, direction);
      where.clauses.push(bucket.precise('e.sort_date'));
      dateRange('e.sort_date', query.from, query.to, where);
      params.push(...where.params);
      return `SELECT ${bucket.period('e.sort_date')} AS period, e.quad_class, e.goldstein FROM events e ${whereSql(where)}`;
    });
    const pair = this.pairBranch(query, bucket);
    if (pair !== null) {
      branches.push(pair.sql);
      params.push(...pair.params);
    }
    const sql = `
      SELECT period, COUNT(*) AS events,
             SUM(quad_class = 1) AS q1, SUM(quad_class = 2) AS q2, SUM(quad_class = 3) AS q3, SUM(quad_class = 4) AS q4,
             AVG(goldstein) AS mean_goldstein, SUM(goldstein) AS sum_goldstein
      FROM (${branches.join(' UNION ALL ')})
      GROUP BY period ORDER BY period`;
    type Row = { period: string; events: number; q1: number; q2: number; q3: number; q4: number; mean_goldstein: number; sum_goldstein: number };
    return (this.prepare(sql).all(...params) as Row[]).map((r) => ({
      period: r.period,
      events: r.events,
      quad: [r.q1, r.q2, r.q3, r.q4],
      mean_goldstein: r.mean_goldstein,
      sum_goldstein: r.sum_goldstein,
    }));
  }

  /**
   * Two countries: rows of the per-day, per-week and per-month summaries of migration 4, at most
   * one per period, direction and modality, read in key order and summed into buckets here.
   * Grouping them in SQL sorts every row through a temp B-tree, which cost more than the read
   * itself (measured ~6 ms per direction of USA–RUS at 1M events). Weeks and months come from
   * their own table for the periods wholly inside the date range, and from the days at its edges.
   */
  private summaryTimeline(query: TimelineQuery, filter: { dyad: [string, string]; directed?: boolean }, bucket: (typeof BUCKETS)[TimelineQuery['bucket']]): TimelineBucket[] {
    const modality = query.modality ?? 'asserted';
    const parts: { table: string; period: string; where: Where }[] = [];
    const part = (table: string, column: string, period: string) => {
      const where: Where = { clauses: ['d.source_country = ?', 'd.target_country = ?'], params: [] };
      if (modality !== 'all') where.clauses.push('d.modality = ?');
      parts.push({ table, period, where });
      return where;
    };
    const days = () => {
      const where = part('dyad_days', 'd.day', bucket.period('d.day'));
      where.clauses.push(bucket.precise('d.day'));
      dateRange('d.day', query.from, query.to, where);
      return where;
    };
    const whole = query.bucket === 'day' ? null : wholePeriods(query.bucket, query.from, query.to);
    if (whole === null) days();
    else {
      const column = query.bucket === 'week' ? 'd.week' : 'd.month';
      const where = part(query.bucket === 'week' ? 'dyad_weeks' : 'dyad_months', column, column);
      if (whole.first !== undefined) {
        where.clauses.push(`${column} >= ?`);
        where.params.push(whole.first);
      }
      if (whole.last !== undefined) {
        where.clauses.push(`${column} <= ?`);
        where.params.push(whole.last);
      }
      // The days of partial periods at either end of the range.
      if (whole.before !== undefined) {
        const edge = days();
        edge.clauses.push('d.day < ?');
        edge.params.push(whole.before);
      }
      if (whole.after !== undefined) {
        const edge = days();
        edge.clauses.push('d.day > ?');
        edge.params.push(whole.after);
      }
    }
    const buckets = new Map<string, TimelineBucket>();
    let ordered = true;
    let previous = '';
    for (const { table, period, where } of parts) {
      const statement = this.prepare(`SELECT ${period}, d.events, d.q1, d.q2, d.q3, d.q4, d.sum_goldstein FROM ${table} d ${whereSql(where)}`)
        .raw(true);
      for (const direction of dyadBranches(filter)) {
        const [source, target] = direction === 'backward' ? [query.b, query.a] : [query.a, query.b];
        const params = modality === 'all' ? [source, target, ...where.params] : [source, target, modality, ...where.params];
        for (const row of statement.iterate(...params) as IterableIterator<[string, number, number, number, number, number, number]>) {
          const key = row[0];
          let b = buckets.get(key);
          if (b === undefined) {
            b = { period: key, events: 0, quad: [0, 0, 0, 0], mean_goldstein: 0, sum_goldstein: 0 };
            buckets.set(key, b);
            if (key < previous) ordered = false;
            previous = key;
          }
          b.events += row[1];
          b.quad[0] += row[2];
          b.quad[1] += row[3];
          b.quad[2] += row[4];
          b.quad[3] += row[5];
          b.sum_goldstein += row[6];
        }
      }
    }
    // Multilateral events of both countries: once each, from event_pairs (not in the summaries).
    const pair = this.pairBranch(query, bucket);
    if (pair !== null) {
      for (const [period, quad, goldstein] of this.prepare(pair.sql).raw(true).iterate(...pair.params) as IterableIterator<[string, number, number]>) {
        let b = buckets.get(period);
        if (b === undefined) {
          b = { period, events: 0, quad: [0, 0, 0, 0], mean_goldstein: 0, sum_goldstein: 0 };
          buckets.set(period, b);
          ordered = false;
        }
        b.events += 1;
        b.quad[quad - 1] += 1;
        b.sum_goldstein += goldstein;
      }
    }
    const result = [...buckets.values()];
    if (!ordered) result.sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
    for (const b of result) b.mean_goldstein = b.sum_goldstein / b.events;
    return result;
  }

  /** The timeline rows (period, quad_class, goldstein) of multilateral events with both countries, or null. */
  private pairBranch(query: TimelineQuery, bucket: (typeof BUCKETS)[TimelineQuery['bucket']]): { sql: string; params: unknown[] } | null {
    const pair = multilateralPair([query.a, query.b], query.directed);
    if (pair === null) return null;
    const where = buildEventWhere({ modality: query.modality, per: query.per });
    where.clauses.push(bucket.precise('e.sort_date'), 'e.rowid IN (SELECT event_rowid FROM event_pairs WHERE a = ? AND b = ?)');
    where.params.push(...pair);
    dateRange('e.sort_date', query.from, query.to, where);
    return { sql: `SELECT ${bucket.period('e.sort_date')} AS period, e.quad_class, e.goldstein FROM events e ${whereSql(where)}`, params: where.params };
  }

  async searchActors(query: string, limit?: number): Promise<ActorSummary[]> {
    this.reading();
    const where: Where = { clauses: [], params: [] };
    const byCode = codePrefix('t.code', query.toUpperCase(), where);
    where.clauses.push(`(${byCode} OR t.name LIKE ? ESCAPE '\\')`);
    where.params.push(likeContains(query));
    // actor_totals (migration 2) holds one row per (code, name), kept by trigger.
    const sql = `
      SELECT t.code, NULLIF(t.name, '') AS name, t.country, t.role, t.mentions
      FROM actor_totals t ${whereSql(where)}
      ORDER BY t.mentions DESC, t.code, t.name
      LIMIT ?`;
    return this.prepare(sql).all(...where.params, checkLimit(limit, 20)) as ActorSummary[];
  }

  async facets(query: FacetQuery): Promise<Partial<Record<FacetName, FacetValue[]>>> {
    this.reading();
    return facetCounts(this.db, query);
  }

  async eventTimeline(query: EventTimelineQuery): Promise<TimelineBucket[]> {
    this.reading();
    return eventTimeline(this.db, query);
  }

  async places(filter: EventFilter, limit?: number): Promise<PlaceSummary[]> {
    this.reading();
    return placeCounts(this.db, filter, checkLimit(limit, 500));
  }

  async searchArticles(text: string, limit?: number): Promise<ArticleSummary[]> {
    this.reading();
    const fts = ftsQuery(text);
    if (fts === null) return [];
    const sql = `
      SELECT a.id, a.title, a.published, a.url, a.source, a.language, a.n_events AS events, a.ingested_at
      FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
      WHERE articles_fts MATCH ?
      ORDER BY f.rank, a.rowid LIMIT ?`;
    return this.prepare(sql).all(fts, checkLimit(limit, 50)) as ArticleSummary[];
  }

  async searchQuotes(filter: QuoteFilter): Promise<QuoteRow[]> {
    this.reading();
    const where: Where = { clauses: [], params: [] };
    if (filter.speaker !== undefined) {
      const byCode = codePrefix('q.speaker_code', filter.speaker.toUpperCase(), where);
      where.clauses.push(`(${byCode} OR q.speaker_name LIKE ? ESCAPE '\\')`);
      where.params.push(likeContains(filter.speaker));
    }
    if (filter.text !== undefined) {
      const fts = ftsQuery(filter.text);
      if (fts === null) return [];
      where.clauses.push('q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)');
      where.params.push(fts);
    }
    const sql = `
      SELECT q.json, q.article_id, a.title
      FROM quotes q JOIN articles a ON a.id = q.article_id
      ${whereSql(where)}
      ORDER BY q.rowid DESC LIMIT ?`;
    type Row = { json: string; article_id: string; title: string | null };
    return (this.prepare(sql).all(...where.params, checkLimit(filter.limit, 50)) as Row[]).map((r) => ({
      ...(JSON.parse(r.json) as QuoteRow),
      article_id: r.article_id,
      article_title: r.title,
    }));
  }

  async listFailures(limit?: number): Promise<FailureRecord[]> {
    return this.db
      .prepare('SELECT item, code, message FROM failures ORDER BY last_seen DESC, item LIMIT ?')
      .all(checkLimit(limit, 100)) as FailureRecord[];
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) => (this.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      articles: count('articles'),
      events: count('events'),
      mentions: count('mentions'),
      quotes: count('quotes'),
      failures: count('failures'),
    };
  }

  /** Another connection's commit changes data_version; this one's own commits are counted here. */
  async version(): Promise<string> {
    return `${this.dataVersion.get() as number}.${this.writes}`;
  }

  async dateExtent(): Promise<{ first: string; last: string } | null> {
    // Each end of the events_date index; undated events sort as '' and are skipped.
    const first = this.prepare("SELECT MIN(sort_date) FROM events WHERE sort_date > ''").pluck().get() as string | null;
    if (first === null) return null;
    const last = this.prepare('SELECT MAX(sort_date) FROM events').pluck().get() as string;
    return { first, last };
  }

  async getFeedState(url: string): Promise<FeedState | null> {
    const row = this.prepare('SELECT * FROM watch_feeds WHERE url = ?').get(url) as FeedRow | undefined;
    return row ? fromFeedRow(row) : null;
  }

  async putFeedState(state: FeedState): Promise<void> {
    this.writing(() =>
      this.prepare(`INSERT INTO watch_feeds (url, etag, last_modified, checked_at, failures, retry_at, seen) VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at,
                    failures = excluded.failures, retry_at = excluded.retry_at, seen = excluded.seen`)
        .run(state.url, state.etag, state.lastModified, state.checkedAt, state.failures, state.retryAt, JSON.stringify(state.seen)),
    );
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Lets SQLite refresh the planner statistics it finds stale (cheap; recommended on close).
    // Statistics are an optimisation: a busy or read-only file must not make close() fail.
    try {
      this.db.pragma('optimize');
    } catch {
      // keep the old statistics
    }
    this.db.close();
  }
}

type FeedRow = { url: string; etag: string | null; last_modified: string | null; checked_at: string | null; failures: number; retry_at: string | null; seen: string };

function fromFeedRow(r: FeedRow): FeedState {
  return { url: r.url, etag: r.etag, lastModified: r.last_modified, checkedAt: r.checked_at, failures: r.failures, retryAt: r.retry_at, seen: JSON.parse(r.seen) as string[] };
}

/** Two different countries of a non-directed dyad, ordered as event_pairs keeps them; else null. */
function multilateralPair(dyad: [string, string] | undefined, directed: boolean | undefined): [string, string] | null {
  if (!dyad || directed || !isCountry(dyad[0]) || !isCountry(dyad[1]) || dyad[0] === dyad[1]) return null;
  return dyad[0] < dyad[1] ? [dyad[0], dyad[1]] : [dyad[1], dyad[0]];
}

function whereSql(where: Where): string {
  return where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '';
}

