/**
 * @module ingest/html/extract-html
 * One HTML page to its article body and metadata: the page is parsed once with linkedom,
 * metadata is read first (Readability rewrites the document), then Readability picks the
 * main article and its element is turned into paragraphs and cleaned like copied text.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractMetadata, type HtmlMetadata } from './metadata.js';
import { htmlToParagraphs } from './to-paragraphs.js';
import { cleanText } from '../text/clean-text.js';
import { parseDateLine } from '../text/header.js';

export interface ExtractedHtml {
  text: string;
  meta: HtmlMetadata;
}

/** Raised when Readability finds no article in the page; the caller names the item. */
export class NoArticleError extends Error {}

/** Raised when a page goes over an element-count or depth limit; the caller names the item. */
export class PageLimitError extends Error {
  constructor(
    readonly limit: 'maxHtmlElements' | 'maxHtmlDepth',
    readonly value: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bounds on the DOM a page may build (limits.ts holds the defaults). */
export interface PageLimits {
  maxHtmlElements: number;
  maxHtmlDepth: number;
}

const UNBOUNDED: PageLimits = { maxHtmlElements: Number.POSITIVE_INFINITY, maxHtmlDepth: Number.POSITIVE_INFINITY };

/** Start tags in markup, counted in one pass before anything is built from them. */
function countStartTags(html: string): number {
  let count = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const c = html.charCodeAt(at + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) count++;
  }
  return count;
}

/**
 * The deepest element nesting under `root`, walked without recursion, stopping as soon as it
 * passes `limit`. Readability's scoring walks ancestors of every node, so its time grows with
 * the cube of the depth: 2,000 nested divs took two minutes; real pages stay under 60.
 */
function depthOver(root: Element, limit: number): number | null {
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > limit) return depth;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return null;
}

/**
 * The article in `html`, or a NoArticleError when the page has none (an index page, an
 * error page, an empty shell filled by scripts).
 * @example extractHtml(page).meta.title // 'Talks resume in Geneva'
 */
export function extractHtml(html: string, limits: PageLimits = UNBOUNDED): ExtractedHtml {
  // linkedom builds no <body> for a bare fragment, and Readability needs one.
  const page = stripInert(/<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  // Both bounds are checked before Readability sees the page: the count on the markup, before
  // a DOM of millions of nodes is built; the depth on the DOM, where implied end tags are known.
  const elements = countStartTags(page);
  if (elements > limits.maxHtmlElements) {
    throw new PageLimitError('maxHtmlElements', limits.maxHtmlElements, `the page has ${elements} elements`);
  }
  const { document } = parseHTML(page);
  const deep = document.documentElement ? depthOver(document.documentElement as unknown as Element, limits.maxHtmlDepth) : null;
  if (deep !== null) {
    throw new PageLimitError('maxHtmlDepth', limits.maxHtmlDepth, `the page nests elements more than ${limits.maxHtmlDepth} deep`);
  }
  const meta = extractMetadata(document as unknown as Document);
  pruneNonContent(document as unknown as Document);
  const reader = new Readability(document as unknown as Document, {
    keepClasses: true,
    charThreshold: 200,
    serializer: (node: Node) => node,
  });
  let parsed: ReturnType<typeof reader.parse>;
  try {
    parsed = reader.parse();
  } catch (error) {
    throw new NoArticleError(`no article found (the page could not be analysed: ${(error as Error).message})`);
  }
  const content = parsed?.content as unknown as Node | null | undefined;
  if (!parsed || !content) throw new NoArticleError('no article found in the page');
  meta.title ??= parsed.title?.trim() || null;
  meta.author ??= cleanByline(parsed.byline);
  meta.source ??= parsed.siteName?.trim() || null;
  const cleaned = cleanText(htmlToParagraphs(content), { findTitle: false, knownTitle: meta.title, findArticle: false });
  meta.author ??= cleaned.author;
  meta.published ??= cleaned.published;
  if (cleaned.text.trim() === '') throw new NoArticleError('no article found: the main block of the page holds no text');
  return { text: cleaned.text, meta };
}

/**
 * Text of an HTML fragment that is itself the article (a feed item's content), without
 * Readability's search for the main block.
 */
export function htmlFragmentToText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  return htmlToParagraphs(document.body as unknown as Node);
}

/**
 * Removes what can never be article text before the page is parsed: scripts (except JSON-LD,
 * which holds metadata), styles, inline SVG and comments. On a modern news page these are
 * most of the bytes, and dropping them first makes parsing and Readability much faster.
 */
export function stripInert(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, '');
}

/** Readability's byline without "By" and without a date beside it ("9 July 2016 · Herald staff"). */
/**
 * Removes elements that never hold article text before Readability scores the page: it
 * would discard them itself, but only after walking them, and on linkedom that walk is the
 * main cost of reading a page.
 */
function pruneNonContent(document: Document): void {
  for (const el of Array.from(document.querySelectorAll('nav, aside, iframe, noscript, button, select, textarea, template'))) {
    el.remove();
  }
}

function cleanByline(byline: string | null | undefined): string | null {
  const parts = (byline ?? '')
    .replace(/\s+/g, ' ')
    .split(/\s+[|•·]\s+/)
    .map((part) => part.replace(/^by\s+/i, '').trim())
    .filter((part) => part !== '' && parseDateLine(part) === null);
  const s = parts.join(', ');
  return s && s.length <= 100 ? s : null;
}
