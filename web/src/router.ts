/**
 * @module web/router
 * Hash routing: #/ (overview), #/explore?root=16&country=RUS..., #/dyad/USA/RUS?bucket=week,
 * #/article/<id>?event=e2, #/search?q=..., #/glossary. Everything a page shows is in its hash,
 * so a reload or a shared link restores the view.
 * Each navigation aborts the previous page's requests and moves focus to the new page's
 * heading, so keyboard and screen-reader users land on the new content.
 */

export interface Route {
  name: 'overview' | 'explore' | 'dyad' | 'article' | 'search' | 'glossary' | 'missing';
  params: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const query = new URLSearchParams(search);
  if (parts.length === 0) return { name: 'overview', params: [], query };
  if (parts[0] === 'dyad' && parts.length === 3) return { name: 'dyad', params: [parts[1], parts[2]], query };
  if (parts[0] === 'article' && parts.length === 2) return { name: 'article', params: [parts[1]], query };
  if (parts[0] === 'search') return { name: 'search', params: [], query };
  if (parts[0] === 'explore' && parts.length === 1) return { name: 'explore', params: [], query };
  if (parts[0] === 'glossary' && parts.length === 1) return { name: 'glossary', params: [], query };
  return { name: 'missing', params: parts, query };
}

export function dyadHref(a: string, b: string): string {
  return `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
}

export function articleHref(id: string, eventId?: string): string {
  return `#/article/${encodeURIComponent(id)}${eventId ? `?event=${encodeURIComponent(eventId)}` : ''}`;
}

export function searchHref(q: string, kind?: string): string {
  const params = new URLSearchParams({ q });
  if (kind) params.set('kind', kind);
  return `#/search?${params.toString()}`;
}

/** #/explore with the given filter and view parameters (empty values left out). */
export function exploreHref(params: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, v);
  const s = search.toString();
  return `#/explore${s ? `?${s}` : ''}`;
}
