/**
 * @module store/store
 * The narrow boundary between Détente and where its data lives. SQLite is the default
 * backend; a PostgreSQL backend implements the same interface and passes the same
 * conformance suite (store/conformance.ts). Callers never see SQL.
 */
import type { Article } from '../model/article.js';
import type { ArticleRecord } from '../model/record.js';
import type { CodedEvent, EventLocation } from '../model/event.js';
import type { Quote } from '../model/quote.js';

export interface PutResult {
  /** Articles stored for the first time. */
  inserted: number;
  /** Articles whose id was already stored: nothing was written for them. */
  duplicates: number;
  /** Events stored with the inserted articles. */
  events: number;
  insertedIds: string[];
  duplicateIds: string[];
}

export interface FailureRecord {
  item: string;
  code: string;
  message: string;
}

export interface EventFilter {
  /** Both directions of a country pair, e.g. ["USA", "RUS"]. */
  dyad?: [string, string];
  /** Only source=dyad[0], target=dyad[1]. */
  directed?: boolean;
  /** Actor code prefix matched on source or target ("USA", "USAGOV"). */
  actor?: string;
  /** Country code matched on source or target country. */
  country?: string;
  source?: string;
  target?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD (inclusive; compared on the event date's prefix). */
  from?: string;
  to?: string;
  root?: string;
  /** Code prefix ("16" matches 16, 160, 163, 1621). */
  code?: string;
  quadClass?: number;
  modality?: 'asserted' | 'negated' | 'hypothetical' | 'all';
  /**
   * Full-text search over the evidence text and the source and target names, with stemming
   * ("expel" finds "expelled", "sanction" finds "sanctions"); words are ANDed.
   */
  text?: string;
  /** Full-text search (stemmed, words ANDed) over the title and text of the event's article. */
  articleText?: string;
  /** Actor role ("GOV", "MIL", "REB") on the source or the target: the actor's role, exactly. */
  role?: string;
  /** Actor name on the source or the target, exactly but ignoring case: a person's events ("Vladimir Putin"), not their government's. */
  name?: string;
  /** The article's source (outlet), exactly. */
  outlet?: string;
  /** The event's located place name, exactly (a point on the map). */
  place?: string;
  articleId?: string;
  /** Events of one cross-story cluster (every report of it). */
  clusterId?: string;
  /**
   * 'report' (default): every stored event. 'cluster': one row per cluster of reports of the same
   * happening, its first report; the other filters apply to that report.
   */
  per?: 'cluster' | 'report';
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

/** A cross-story event cluster: the reports of one happening (src/cluster/). */
export interface ClusterInfo {
  id: string;
  /** Spans reporting the event, over all its reports. */
  mentions: number;
  articles: number;
  sources: number;
  /** Representative code, date and place (most reports' code, the most precise date, most reports' place). */
  code: string;
  date: string | null;
  location: EventLocation | null;
  first_article_id: string;
  first_event_id: string;
}

/** A cluster with every report of it, first report first. */
export interface ClusterDetail extends ClusterInfo {
  reports: EventRow[];
}

/** A stored event with the article it belongs to. */
export interface EventRow extends CodedEvent {
  article_id: string;
  article_title: string | null;
  article_published: string | null;
  /** The article's URL (for GDELT-style SOURCEURL); optional so that older callers still type-check. */
  article_url?: string | null;
  /** The article's outlet. */
  article_source?: string | null;
  /** The cross-story cluster this report belongs to, with its counts (absent on stores without clusters). */
  cluster?: ClusterInfo | null;
}

export interface EventPage {
  events: EventRow[];
  /** Cursor for the next page, or null at the end. */
  next: string | null;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  language: string | null;
  events: number;
  ingested_at: string;
}

export interface ArticleFilter {
  from?: string;
  to?: string;
  text?: string;
  limit?: number;
  offset?: number;
}

export interface StoreStats {
  articles: number;
  events: number;
  mentions: number;
  quotes: number;
  failures: number;
}

export interface DyadSummary {
  source_country: string;
  target_country: string;
  events: number;
  mean_goldstein: number;
  first: string | null;
  last: string | null;
}

export interface TimelineBucket {
  /** Bucket start: YYYY-MM-DD (day, ISO week's Monday), YYYY-MM (month) or YYYY (year). */
  period: string;
  events: number;
  quad: [number, number, number, number];
  mean_goldstein: number;
  sum_goldstein: number;
}

export interface TimelineQuery {
  a: string;
  b: string;
  /** a→b only when true; both directions otherwise. */
  directed?: boolean;
  bucket: 'day' | 'week' | 'month';
  from?: string;
  to?: string;
  /** Which events count; asserted only by default. */
  modality?: 'asserted' | 'negated' | 'hypothetical' | 'all';
  /** 'report' (default) counts every report; 'cluster' counts each cluster once, at its first report. */
  per?: 'cluster' | 'report';
}

export interface ActorSummary {
  code: string;
  name: string | null;
  country: string | null;
  role: string | null;
  mentions: number;
}

export interface QuoteRow extends Quote {
  article_id: string;
  article_title: string | null;
}

export interface QuoteFilter {
  speaker?: string;
  text?: string;
  limit?: number;
}

/**
 * Facets: how many events of a filtered view have each value of a field. Every facet ignores
 * the filter on its own field (the `modality` facet counts every modality, the `root` facet
 * ignores `root` and `code`), so the alternatives to the current choice stay visible. Events
 * that have no value for a field are not counted in that facet, except `date_precision`.
 */
export type FacetName =
  /** CAMEO root ("16"). */
  | 'root'
  /** Full CAMEO code ("163"). */
  | 'code'
  /** QuadClass as a string ("1".."4"). */
  | 'quad_class'
  | 'source_country'
  | 'target_country'
  /** Country on either side, each event counted once (the `country` filter). */
  | 'country'
  /** Directed country pair "USA>RUS" (the `dyad` filter with directed=true). */
  | 'dyad'
  /** Actor role on either side, each event counted once. */
  | 'role'
  /** Actor code on either side, each event counted once. */
  | 'actor'
  /** Actor name on either side, each event counted once. */
  | 'name'
  | 'modality'
  /** The article's source. */
  | 'outlet'
  /** "day", "month", "year" or "none": how precisely events are dated. */
  | 'date_precision'
  /** The dates coarser than a day as stored ("2017", "2017-07"; "" for undated): what a day/week chart cannot place. */
  | 'partial_date';

export const FACET_NAMES: readonly FacetName[] = [
  'root', 'code', 'quad_class', 'source_country', 'target_country', 'country', 'dyad', 'role', 'actor', 'name', 'modality', 'outlet', 'date_precision', 'partial_date',
];

export interface FacetValue {
  value: string;
  count: number;
}

export interface FacetQuery {
  filter: EventFilter;
  facets: FacetName[];
  /** Values per facet, most events first (then by value); default 20. */
  limit?: number;
}

/** The events of a view counted per period, any filter (not only a dyad). */
export interface EventTimelineQuery {
  filter: EventFilter;
  bucket: 'day' | 'week' | 'month' | 'year';
}

/** Events with coordinates, counted per located place. */
export interface PlaceSummary {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
}

/** What `detente watch` remembers of a feed between polls and restarts. */
export interface FeedState {
  url: string;
  /** Validators from the last full answer, sent back for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  checkedAt: string | null;
  /** Failed polls in a row (backoff), and when the feed may be polled again. */
  failures: number;
  retryAt: string | null;
  /** Item links already ingested or queued, newest last (bounded by the watcher). */
  seen: string[];
}

export interface Store {
  /** Stores a batch in one transaction. Articles whose id is already stored are left as they are. */
  putArticles(articles: Article[]): Promise<PutResult>;
  /** Remembers items that failed, so `stats` and the user can see them. Idempotent per (item, code). */
  putFailures(failures: FailureRecord[]): Promise<void>;
  hasArticle(id: string): Promise<boolean>;
  getArticle(id: string): Promise<ArticleRecord | null>;
  listArticles(filter?: ArticleFilter): Promise<ArticleSummary[]>;
  queryEvents(filter?: EventFilter): Promise<EventPage>;
  dyads(options?: { limit?: number; from?: string; to?: string; per?: 'cluster' | 'report' }): Promise<DyadSummary[]>;
  /** One cross-story cluster with all its reports, or null. */
  getCluster(id: string): Promise<ClusterDetail | null>;
  timeline(query: TimelineQuery): Promise<TimelineBucket[]>;
  searchActors(query: string, limit?: number): Promise<ActorSummary[]>;
  /** Facet counts for a filtered view of events (cursor and limit of the filter are ignored). */
  facets(query: FacetQuery): Promise<Partial<Record<FacetName, FacetValue[]>>>;
  /**
   * Events of a filtered view per period (day, ISO week's Monday, month "YYYY-MM", year "YYYY"),
   * time order, empty periods omitted. Only events dated precisely enough for the bucket are
   * counted; the `partial_date` facet counts the others.
   */
  eventTimeline(query: EventTimelineQuery): Promise<TimelineBucket[]>;
  /** Located places of a filtered view's events, most events first. */
  places(filter: EventFilter, limit?: number): Promise<PlaceSummary[]>;
  /** Articles whose title or text match the words (stemmed, ANDed), best match first. */
  searchArticles(text: string, limit?: number): Promise<ArticleSummary[]>;
  searchQuotes(filter: QuoteFilter): Promise<QuoteRow[]>;
  listFailures(limit?: number): Promise<FailureRecord[]>;
  stats(): Promise<StoreStats>;
  /**
   * A token that changes whenever stored data changes, whether this process or another one
   * wrote it (an ingest beside `serve`, workers on PostgreSQL). Cheap: no table is read. The API
   * keys its response cache and its ETags on it. Optional so that wrappers need not forward it;
   * without it nothing is cached.
   */
  version?(): Promise<string>;
  /**
   * The earliest and latest event dates stored (as events sort: YYYY, YYYY-MM or YYYY-MM-DD),
   * undated events left out; null when no event is dated. Two index lookups. The API uses it to
   * cap how many buckets a timeline over an open range would hold.
   */
  dateExtent?(): Promise<{ first: string; last: string } | null>;
  /** The watch state of a feed, or null before its first poll. */
  getFeedState(url: string): Promise<FeedState | null>;
  /** Saves a feed's watch state (replacing the previous one). */
  putFeedState(state: FeedState): Promise<void>;
  close(): Promise<void>;
}
