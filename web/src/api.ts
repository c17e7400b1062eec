/**
 * @module web/api
 * Typed calls to the public HTTP API; the dashboard uses nothing else. Errors carry the API's
 * own message so the page can show it. Requests that a newer navigation has made pointless are
 * aborted through the page's AbortSignal.
 */

// The API's shapes are the engine's own types (type-only imports: nothing of the engine is bundled).
import type { Actor, CodedEvent as EventRecord, Quote, ArticleRecord, MentionRecord as Mention } from '../../src/model/index.js';
import type {
  EventRow,
  EventPage,
  DyadSummary as Dyad,
  TimelineBucket as Bucket,
  ActorSummary,
  QuoteRow,
  StoreStats as Stats,
  FacetName,
  FacetValue,
  PlaceSummary as Place,
} from '../../src/store/store.js';

export type { Actor, EventRecord, EventRow, EventPage, Dyad, Bucket, Mention, Quote, ArticleRecord, ActorSummary, QuoteRow, Stats, FacetName, FacetValue, Place };

export interface Timeline {
  a: string;
  b: string;
  directed: boolean;
  bucket: 'day' | 'week' | 'month';
  buckets: Bucket[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  events: number;
}

export interface EventCode {
  code: string;
  root: string;
  quad_class: number;
  goldstein: number;
  name: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export type Params = Record<string, string | number | boolean | undefined | null>;

function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api${path}${query(params)}`, { headers: { accept: 'application/json' }, signal });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // keep the status line
    }
    throw new ApiError(res.status, message);
  }
  return (await res.json()) as T;
}

/** The filter parameters of /api/events, /api/facets, /api/timeline and /api/places. */
export interface EventQuery {
  dyad?: string;
  directed?: boolean;
  actor?: string;
  country?: string;
  source?: string;
  target?: string;
  root?: string;
  code?: string;
  quad_class?: string;
  role?: string;
  name?: string;
  outlet?: string;
  place?: string;
  article_q?: string;
  modality?: string;
  from?: string;
  to?: string;
  q?: string;
  /** The reports of one cross-story cluster. */
  cluster?: string;
  /** 'report' (default): every report; 'cluster': each happening once. */
  per?: string;
  limit?: number;
  cursor?: string | null;
}

export interface Glossary {
  countries: { code: string; name: string; numeric: string | null }[];
  roles: { code: string; name: string; description: string }[];
  organizations: { code: string; name: string }[];
  quad_classes: { quad_class: number; name: string; description: string }[];
  goldstein: string;
  modalities: { modality: string; description: string }[];
}

export type ViewBucket = 'day' | 'week' | 'month' | 'year';

/** The URL of an API list in a download format, for the current filter. */
export function downloadUrl(path: string, params: Params, format: string): string {
  return `/api${path}${query({ ...params, format })}`;
}

export const api = {
  stats: (signal?: AbortSignal) => get<Stats>('/stats', {}, signal),
  events: (q: EventQuery, signal?: AbortSignal) => get<EventPage>('/events', { ...q }, signal),
  dyads: (limit: number, signal?: AbortSignal) => get<{ dyads: Dyad[] }>('/dyads', { limit }, signal),
  timeline: (a: string, b: string, params: { bucket: string; directed?: boolean; from?: string; to?: string; modality?: string; per?: string }, signal?: AbortSignal) =>
    get<Timeline>(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`, params, signal),
  article: (id: string, signal?: AbortSignal) => get<ArticleRecord>(`/articles/${encodeURIComponent(id)}`, {}, signal),
  articles: (params: { limit?: number; q?: string }, signal?: AbortSignal) => get<{ articles: ArticleSummary[] }>('/articles', params, signal),
  actors: (q: string, signal?: AbortSignal) => get<{ actors: ActorSummary[] }>('/actors', { q, limit: 25 }, signal),
  quotes: (params: { q?: string; speaker?: string }, signal?: AbortSignal) => get<{ quotes: QuoteRow[] }>('/quotes', { ...params, limit: 50 }, signal),
  codes: () => get<{ codes: EventCode[] }>('/codes'),
  glossary: () => get<Glossary>('/glossary'),
  facets: (q: EventQuery, facets: FacetName[], limit: number, signal?: AbortSignal) =>
    get<{ facets: Partial<Record<FacetName, FacetValue[]>> }>('/facets', { ...q, facets: facets.join(','), limit }, signal),
  viewTimeline: (q: EventQuery, bucket: ViewBucket, signal?: AbortSignal) => get<{ bucket: ViewBucket; buckets: Bucket[] }>('/timeline', { ...q, bucket }, signal),
  places: (q: EventQuery, signal?: AbortSignal) => get<{ places: Place[] }>('/places', { ...q }, signal),
  searchArticles: (search: string, signal?: AbortSignal) => get<{ articles: ArticleSummary[] }>('/articles', { search, limit: 20 }, signal),
};
