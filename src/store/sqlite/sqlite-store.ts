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
import { openDatabase, type Db } from './connection.js';
import { buildEventWhere, codePrefix, dateRange, decodeCursor, dyadBranches, encodeCursor, ftsQuery, likeContains, type Where } from './event-filter.js';
import { createArticleWriter, createFailureWriter, type WriteArticles, type WriteFailures } from './write.js';

export const DEFAULT_EVENT_LIMIT = 100;
const MAX_LIMIT = 100_000;

/** Day, ISO-week (its Monday) and month buckets of a text date; rows whose date is too coarse are left out. */
// sort_date equals date whenever the date is precise enough to bucket, and unlike date it is in
// the covering timeline index.
const BUCKETS: Record<TimelineQuery['bucket'], { period: string; precise: string }> = {
  day: { period: 'e.sort_date', precise: 'length(e.sort_date) = 10' },
  week: {
    period: `date(e.sort_date, '-' || ((CAST(strftime('%w', e.sort_date) AS INTEGER) + 6) % 7) || ' days')`,
    precise: 'length(e.sort_date) = 10',
  },
  month: { period: 'substr(e.sort_date, 1, 7)', precise: 'length(e.sort_date) >= 7' },
};

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

  constructor(path: string) {
    this.path = path;
    this.db = openDatabase(path);
    this.writeArticles = createArticleWriter(this.db);
    this.writeFailures = createFailureWriter(this.db);
    this.hasStatement = this.db.prepare('SELECT 1 FROM articles WHERE id = ?');
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
      return write();
    } catch (error) {
      throw new DetenteError('E_STORE_WRITE', `cannot write to ${this.path}: ${errorMessage(error)}`, { cause: error });
    }
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.hasStatement.get(id) !== undefined;
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const row = this.db.prepare('SELECT record FROM articles WHERE id = ?').get(id) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as ArticleRecord) : null;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<ArticleSummary[]> {
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
    return this.db.prepare(sql).all(...where.params, limit, offset) as ArticleSummary[];
  }

  async queryEvents(filter: EventFilter = {}): Promise<EventPage> {
    const limit = checkLimit(filter.limit, DEFAULT_EVENT_LIMIT);
    const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
    // Each branch picks its own newest rows from the events table alone (keys, not documents);
    // only the final page then reads its JSON and article.
    const params: unknown[] = [];
    const branches = dyadBranches(filter).map((direction) => {
      const where = buildEventWhere(filter, direction);
      if (cursor !== null) {
        where.clauses.push('(e.sort_date, e.rowid) < (?, ?)');
        where.params.push(cursor[0], cursor[1]);
      }
      params.push(...where.params, limit + 1);
      return `SELECT * FROM (SELECT e.rowid AS rid, e.sort_date AS sd FROM events e ${whereSql(where)} ORDER BY e.sort_date DESC, e.rowid DESC LIMIT ?)`;
    });
    const keys = branches.length === 1 ? branches[0] : `${branches.join(' UNION ALL ')} ORDER BY sd DESC, rid DESC LIMIT ?`;
    if (branches.length > 1) params.push(limit + 1);
    const sql = `
      SELECT p.rid, p.sd, ev.json, ev.article_id, a.title, a.published, a.url
      FROM (${keys}) p
      JOIN events ev ON ev.rowid = p.rid
      JOIN articles a ON a.id = ev.article_id
      ORDER BY p.sd DESC, p.rid DESC`;
    type Row = { rid: number; sd: string; json: string; article_id: string; title: string | null; published: string | null; url: string | null };
    const rows = this.db.prepare(sql).all(...params) as Row[];
    const page = rows.slice(0, limit);
    const events: EventRow[] = page.map((r) => ({
      ...(JSON.parse(r.json) as EventRow),
      article_id: r.article_id,
      article_title: r.title,
      article_published: r.published,
      article_url: r.url,
    }));
    const last = page[page.length - 1];
    return { events, next: rows.length > limit && last ? encodeCursor(last.sd, last.rid) : null };
  }

  async dyads(options: { limit?: number; from?: string; to?: string } = {}): Promise<DyadSummary[]> {
    const limit = checkLimit(options.limit, 50);
    if (options.from === undefined && options.to === undefined) {
      // The running totals (migration 2) answer the common, unbounded question without a scan.
      return this.db
        .prepare(
          `SELECT source_country, target_country, events, sum_goldstein / events AS mean_goldstein, first, last
           FROM dyad_totals ORDER BY events DESC, source_country, target_country LIMIT ?`,
        )
        .all(limit) as DyadSummary[];
    }
    const where: Where = {
      clauses: ["e.modality = 'asserted'", 'e.source_country IS NOT NULL', 'e.target_country IS NOT NULL'],
      params: [],
    };
    dateRange('e.sort_date', options.from, options.to, where);
    const sql = `
      SELECT e.source_country, e.target_country, COUNT(*) AS events, AVG(e.goldstein) AS mean_goldstein,
             MIN(NULLIF(e.sort_date, '')) AS first, MAX(NULLIF(e.sort_date, '')) AS last
      FROM events e ${whereSql(where)}
      GROUP BY e.source_country, e.target_country
      ORDER BY events DESC, e.source_country, e.target_country
      LIMIT ?`;
    return this.db.prepare(sql).all(...where.params, limit) as DyadSummary[];
  }

  async timeline(query: TimelineQuery): Promise<TimelineBucket[]> {
    const bucket = BUCKETS[query.bucket];
    if (!bucket) throw new UsageError(`bucket: expected day, week or month, found "${query.bucket}"`);
    const filter = { dyad: [query.a, query.b] as [string, string], directed: query.directed, modality: query.modality };
    // One branch per direction, each a scan of the covering events_dyad_timeline index (migration 3).
    const params: unknown[] = [];
    const branches = dyadBranches(filter).map((direction) => {
      const where = buildEventWhere(filter, direction);
      where.clauses.push(bucket.precise);
      dateRange('e.sort_date', query.from, query.to, where);
      params.push(...where.params);
      return `SELECT ${bucket.period} AS period, e.quad_class, e.goldstein FROM events e ${whereSql(where)}`;
    });
    const sql = `
      SELECT period, COUNT(*) AS events,
             SUM(quad_class = 1) AS q1, SUM(quad_class = 2) AS q2, SUM(quad_class = 3) AS q3, SUM(quad_class = 4) AS q4,
             AVG(goldstein) AS mean_goldstein, SUM(goldstein) AS sum_goldstein
      FROM (${branches.join(' UNION ALL ')})
      GROUP BY period ORDER BY period`;
    type Row = { period: string; events: number; q1: number; q2: number; q3: number; q4: number; mean_goldstein: number; sum_goldstein: number };
    return (this.db.prepare(sql).all(...params) as Row[]).map((r) => ({
      period: r.period,
      events: r.events,
      quad: [r.q1, r.q2, r.q3, r.q4],
      mean_goldstein: r.mean_goldstein,
      sum_goldstein: r.sum_goldstein,
    }));
  }

  async searchActors(query: string, limit?: number): Promise<ActorSummary[]> {
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
    return this.db.prepare(sql).all(...where.params, checkLimit(limit, 20)) as ActorSummary[];
  }

  async searchQuotes(filter: QuoteFilter): Promise<QuoteRow[]> {
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
    return (this.db.prepare(sql).all(...where.params, checkLimit(filter.limit, 50)) as Row[]).map((r) => ({
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
    const count = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      articles: count('articles'),
      events: count('events'),
      mentions: count('mentions'),
      quotes: count('quotes'),
      failures: count('failures'),
    };
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

function whereSql(where: Where): string {
  return where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '';
}

