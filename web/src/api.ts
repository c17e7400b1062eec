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
} from '../../src/store/store.js';

export type { Actor, EventRecord, EventRow, EventPage, Dyad, Bucket, Mention, Quote, ArticleRecord, ActorSummary, QuoteRow, Stats };

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

type Params = Record<string, string | number | boolean | undefined | null>;

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

export interface EventQuery {
  dyad?: string;
  directed?: boolean;
  actor?: string;
  country?: string;
  from?: string;
  to?: string;
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export const api = {
  stats: (signal?: AbortSignal) => get<Stats>('/stats', {}, signal),
  events: (q: EventQuery, signal?: AbortSignal) => get<EventPage>('/events', { ...q }, signal),
  dyads: (limit: number, signal?: AbortSignal) => get<{ dyads: Dyad[] }>('/dyads', { limit }, signal),
  timeline: (a: string, b: string, params: { bucket: string; directed?: boolean; from?: string; to?: string }, signal?: AbortSignal) =>
    get<Timeline>(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`, params, signal),
  article: (id: string, signal?: AbortSignal) => get<ArticleRecord>(`/articles/${encodeURIComponent(id)}`, {}, signal),
  articles: (params: { limit?: number; q?: string }, signal?: AbortSignal) => get<{ articles: ArticleSummary[] }>('/articles', params, signal),
  actors: (q: string, signal?: AbortSignal) => get<{ actors: ActorSummary[] }>('/actors', { q, limit: 25 }, signal),
  quotes: (params: { q?: string; speaker?: string }, signal?: AbortSignal) => get<{ quotes: QuoteRow[] }>('/quotes', { ...params, limit: 50 }, signal),
  codes: () => get<{ codes: EventCode[] }>('/codes'),
};
