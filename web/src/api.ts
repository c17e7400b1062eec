/**
 * @module web/api
 * Typed calls to the public HTTP API; the dashboard uses nothing else. Errors carry the API's
 * own message so the page can show it. Requests that a newer navigation has made pointless are
 * aborted through the page's AbortSignal.
 */

export interface Actor {
  code: string;
  country: string | null;
  role: string | null;
  name: string | null;
  text: string;
  start: number;
  end: number;
}

export interface EventRecord {
  id: string;
  code: string;
  root: string;
  quad_class: 1 | 2 | 3 | 4;
  goldstein: number;
  source: Actor | null;
  target: Actor | null;
  date: string | null;
  date_source: 'text' | 'published' | null;
  location: { name: string; country: string | null } | null;
  sentence: number;
  evidence: { start: number; end: number; text: string };
  modality: 'asserted' | 'negated' | 'hypothetical';
  rule: string;
}

export interface EventRow extends EventRecord {
  article_id: string;
  article_title: string | null;
  article_published: string | null;
}

export interface EventPage {
  events: EventRow[];
  next: string | null;
}

export interface Dyad {
  source_country: string;
  target_country: string;
  events: number;
  mean_goldstein: number;
  first: string | null;
  last: string | null;
}

export interface Bucket {
  period: string;
  events: number;
  quad: [number, number, number, number];
  mean_goldstein: number;
  sum_goldstein: number;
}

export interface Timeline {
  a: string;
  b: string;
  directed: boolean;
  bucket: 'day' | 'week' | 'month';
  buckets: Bucket[];
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: string;
  code: string | null;
  country: string | null;
  role: string | null;
  name: string | null;
  sentence: number;
}

export interface Quote {
  start: number;
  end: number;
  text: string;
  kind: 'direct' | 'reported';
  speaker: { name: string | null; code: string | null; affiliation: string | null } | null;
}

export interface ArticleRecord {
  id: string;
  title: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  text: string;
  sentences: { start: number; end: number }[];
  mentions: Mention[];
  events: EventRecord[];
  quotes: Quote[];
  errors: string[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  events: number;
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

export interface Stats {
  articles: number;
  events: number;
  mentions: number;
  quotes: number;
  failures: number;
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
