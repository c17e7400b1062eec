/**
 * @module web/view-state
 * The view lives in the URL: which filter and view parameters a page reads from its hash query,
 * and how a control changes one of them. Pages re-render from the hash, so what is on screen
 * and what a shared link shows are the same thing.
 */
import type { EventQuery } from './api.js';

/** Filter parameters, named as the API names them. */
export const FILTER_KEYS = [
  'dyad', 'directed', 'actor', 'country', 'source', 'target', 'root', 'code', 'quad_class', 'role', 'name', 'outlet', 'place', 'article_q', 'modality', 'from', 'to', 'q',
  'cluster', 'per',
] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];

/** The API filter of a hash query. */
export function filterOf(query: URLSearchParams): EventQuery {
  const filter: Record<string, string | boolean> = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value !== null && value !== '') filter[key] = key === 'directed' ? value !== 'false' : value;
  }
  return filter as EventQuery;
}

/** The hash of `path` with `query` changed: null or '' removes a parameter. */
export function withParams(path: string, query: URLSearchParams, changes: Record<string, string | null | undefined>): string {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') next.delete(k);
    else next.set(k, v);
  }
  next.sort();
  const s = next.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

/** Replaces the hash without a navigation (no re-render): for state a page already shows, such as a brushed range. */
export function replaceHash(hash: string): void {
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}
