/**
 * @module ingest/prepare
 * The last step of every reader: one document (plain text or HTML) and whatever metadata
 * its container gave (JSONL fields, feed item, WARC headers) become an `Article` with clean
 * text, merged metadata, detected language and a stable id. Problems become ItemErrors that
 * name the item.
 */
import { newArticle, type Article, type ArticleMeta, type Provenance } from '../model/article.js';
import { itemName } from '../model/item-name.js';
import { ItemError } from '../errors.js';
import { cleanText } from './text/clean-text.js';
import { extractHtml, NoArticleError, PageLimitError } from './html/extract-html.js';
import { DEFAULT_LIMITS, overLimit, type ReadLimits } from './limits.js';
import { detectLanguage } from './language.js';
import { articleId } from './article-id.js';
import { normalizeDate } from './dates.js';

/** Metadata given by the input's container; given values win over values found in the document. */
export interface GivenMeta extends Partial<ArticleMeta> {
  /** Id given by the input (JSONL `id`); otherwise a hash of the text. */
  id?: string | null;
  /** Publication date to use when neither the container nor the document has one. */
  fallbackPublished?: string | null;
}

/** The item as users name it in error messages (one rule, in model/item-name.ts). */
export { itemName };

/**
 * An article from plain text (copied from a page, an e-mail, a text file).
 * @throws ItemError E_EMPTY when nothing is left after cleaning.
 * @example prepareText('Talks resume\n\nDiplomats met on Monday …', {}, { reader: 'ingest.text.v1', input: 'a.txt', item: null })
 */
export function prepareText(text: string, given: GivenMeta, provenance: Provenance): Article {
  const cleaned = cleanText(text, { findTitle: !given.title, knownTitle: given.title ?? null });
  return finish(cleaned.text, given, { title: cleaned.title, author: cleaned.author, published: cleaned.published }, provenance);
}

/**
 * An article from an HTML page, through Readability.
 * @throws ItemError E_NO_ARTICLE when the page holds no article, E_EMPTY when it is empty.
 */
export function prepareHtml(html: string, given: GivenMeta, provenance: Provenance, limits: ReadLimits = DEFAULT_LIMITS): Article {
  if (html.trim() === '') throw new ItemError('E_EMPTY', itemName(provenance), 'the page is empty');
  let extracted;
  try {
    extracted = extractHtml(html, limits);
  } catch (error) {
    if (error instanceof PageLimitError) throw overLimit(itemName(provenance), error.limit, error.value, error.message);
    if (error instanceof NoArticleError) throw new ItemError('E_NO_ARTICLE', itemName(provenance), error.message);
    throw new ItemError('E_HTML', itemName(provenance), `the HTML could not be read: ${(error as Error).message}`, { cause: error });
  }
  return finish(extracted.text, given, extracted.meta, provenance);
}

function finish(text: string, given: GivenMeta, found: Partial<ArticleMeta>, provenance: Provenance): Article {
  if (text.trim() === '') {
    throw new ItemError('E_EMPTY', itemName(provenance), 'no text left after removing page furniture (the input is empty or holds only navigation)');
  }
  const detected = detectLanguage(text);
  const url = webUrl(given.url ?? found.url ?? null);
  const meta: ArticleMeta = {
    title: given.title ?? found.title ?? null,
    author: given.author ?? found.author ?? null,
    source: given.source ?? found.source ?? null,
    url: url.url,
    published:
      normalizeDate(given.published) ?? normalizeDate(found.published) ?? normalizeDate(given.fallbackPublished) ?? null,
    // A declared page language stands in only when the text is too short to tell.
    language: given.language ?? detected ?? found.language ?? null,
  };
  const article = newArticle({ id: articleId(given.id, text), text, meta, provenance });
  if (url.dropped) article.notes.push(`url dropped: only http and https addresses are kept (found a ${url.dropped}: address)`);
  if (meta.language !== null && meta.language !== 'en') article.notes.push(`not coded: language ${meta.language}`);
  if (given.published && normalizeDate(given.published) === null) {
    article.errors.push(`published "${given.published}" is not a date (expected YYYY-MM-DD); ignored`);
  }
  return article;
}

/**
 * An article's address is kept only when it is http(s): a `javascript:` or `data:` URL from a
 * hostile page or record would otherwise be stored and rendered as a link by every client.
 * Others are dropped, and the scheme is noted on the article.
 */
export function webUrl(raw: string | null): { url: string | null; dropped: string | null } {
  if (raw === null || raw.trim() === '') return { url: null, dropped: null };
  const value = raw.trim();
  // What a URL parser takes as the scheme: tabs and newlines inside it are ignored ("java\tscript:").
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''));
  // No scheme: a relative address, which cannot run anything; kept as given.
  if (!scheme) return { url: value, dropped: null };
  const name = scheme[1].toLowerCase();
  if (name === 'http' || name === 'https') return { url: value, dropped: null };
  return { url: null, dropped: name.slice(0, 20) };
}
