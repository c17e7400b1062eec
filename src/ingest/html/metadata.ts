/**
 * @module ingest/html/metadata
 * Article metadata from a parsed HTML page, before Readability rewrites the document:
 * JSON-LD (NewsArticle and its kin, also inside @graph and arrays), OpenGraph and article:*
 * meta tags, <meta name=author>, <time datetime>, <link rel=canonical> and <html lang>.
 * Structured data is preferred because publishers fill it for search engines with care.
 */
import { normalizeDate } from '../dates.js';

export interface HtmlMetadata {
  title: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  /** The declared page language (ISO 639-1), from <html lang> or og:locale. */
  language: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

/**
 * Reads the page's metadata. Never throws: a broken JSON-LD block is ignored.
 * @example extractMetadata(parseHTML(html).document).published // '2017-11-09'
 */
export function extractMetadata(document: Document): HtmlMetadata {
  const ld = findJsonLdArticle(document);
  // One pass over the <meta> elements: attribute selectors walk the whole tree each time.
  const metas = new Map<string, string>();
  for (const el of Array.from(document.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !metas.has(key)) metas.set(key, content);
    }
  }
  const meta = (key: string): string | null => metas.get(key.toLowerCase()) ?? null;
  const timeEl = Array.from(document.getElementsByTagName('time')).find((t) => t.getAttribute('datetime'));
  const canonical =
    Array.from(document.getElementsByTagName('link'))
      .find((l) => l.getAttribute('rel')?.toLowerCase() === 'canonical')
      ?.getAttribute('href')
      ?.trim() || null;
  const lang = document.documentElement?.getAttribute('lang') || meta('og:locale') || null;
  const metaAuthor = [meta('author'), meta('article:author'), meta('byl'), meta('parsely-author'), meta('dc.creator')].find(
    (a) => a !== null && !/^https?:/i.test(a),
  );
  const source = firstText(ldName(ld?.publisher), meta('og:site_name'), meta('application-name'));
  const pageTitle = firstText(
    meta('og:title'),
    meta('twitter:title'),
    document.getElementsByTagName('title')[0]?.textContent,
    document.getElementsByTagName('h1')[0]?.textContent,
  );
  return {
    title: firstText(ldString(ld?.headline), pageTitle ? stripSiteName(pageTitle, source) : null),
    author: firstText(ldAuthor(ld?.author), metaAuthor),
    published: firstDate(
      ldString(ld?.datePublished),
      meta('article:published_time'),
      meta('datePublished'),
      meta('pubdate'),
      meta('publish-date'),
      meta('date'),
      meta('dc.date'),
      meta('dc.date.issued'),
      meta('sailthru.date'),
      meta('parsely-pub-date'),
      timeEl?.getAttribute('datetime'),
      ldString(ld?.dateCreated),
      ldString(ld?.dateModified),
    ),
    url: firstText(absolute(canonical), absolute(meta('og:url')), absolute(ldUrl(ld))),
    source,
    language: lang ? (lang.toLowerCase().match(/^[a-z]{2}(?![a-z])/)?.[0] ?? null) : null,
  };
}

/** The first JSON-LD object typed as a news article, searching arrays and @graph. */
export function findJsonLdArticle(document: Document): Record<string, Json> | null {
  for (const script of Array.from(document.getElementsByTagName('script'))) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    let data: Json;
    try {
      data = JSON.parse(script.textContent ?? '') as Json;
    } catch {
      continue;
    }
    const found = searchArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function searchArticle(node: Json, depth: number): Record<string, Json> | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = searchArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return node;
  if (node['@graph']) return searchArticle(node['@graph'], depth + 1);
  if (node.mainEntity) return searchArticle(node.mainEntity, depth + 1);
  return null;
}

function ldString(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return ldString(value[0]);
  return null;
}

function ldName(value: Json | undefined): string | null {
  if (typeof value === 'string') return /^https?:/i.test(value) ? null : value;
  if (Array.isArray(value)) return ldName(value[0]);
  if (value && typeof value === 'object') return ldString(value.name);
  return null;
}

function ldAuthor(value: Json | undefined): string | null {
  const names = (Array.isArray(value) ? value : [value]).map((v) => ldName(v ?? null)).filter((n): n is string => !!n?.trim());
  return names.length > 0 ? [...new Set(names.map((n) => n.trim()))].join(', ') : null;
}

function ldUrl(ld: Record<string, Json> | null): string | null {
  if (!ld) return null;
  const main = ld.mainEntityOfPage;
  if (main && typeof main === 'object' && !Array.isArray(main) && typeof main['@id'] === 'string') return main['@id'];
  return ldString(ld.url) ?? (typeof main === 'string' ? main : null);
}

function absolute(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/**
 * "Talks resume | The Courier" → "Talks resume": page titles often end with the site's name.
 * The tail is dropped when it is the known site name, or a short name after a bar.
 */
export function stripSiteName(title: string, source: string | null): string {
  const m = /^(.{10,}?)\s+(?:[|–—]|-|::|·)\s+([^|–—]{1,60})$/.exec(title.trim());
  if (!m) return title.trim();
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const tail = m[2].trim();
  if (source && (norm(tail) === norm(source) || norm(tail).includes(norm(source)) || norm(source).includes(norm(tail)))) return m[1].trim();
  if (/\s\|\s/.test(title) && tail.split(/\s+/).length <= 4) return m[1].trim();
  return title.trim();
}

function firstText(...values: (string | null | undefined)[]): string | null {
  for (const v of values) {
    const s = v?.replace(/\s+/g, ' ').trim();
    if (s) return s;
  }
  return null;
}

function firstDate(...values: (string | null | undefined)[]): string | null {
  for (const v of values) {
    const date = normalizeDate(v);
    if (date) return date;
  }
  return null;
}
