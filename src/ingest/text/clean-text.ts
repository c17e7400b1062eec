/**
 * @module ingest/text/clean-text
 * Plain text as a news user has it (copied from a web page, an e-mail, a text archive) made
 * into the clean article body every later offset points into: characters normalised,
 * page furniture removed, header lines (title, byline, date) turned into metadata, and
 * paragraphs separated by one blank line.
 */
import { normalizeCharacters } from './normalize.js';
import { endsWithCredit, findNavigationRuns, isCreditLine, isFurnitureLine, isPhotoCredit, looksLikeCaption, stripCredit } from './furniture.js';
import { findHeader, parseByline, parseDateLine } from './header.js';
import { buildParagraphs } from './paragraphs.js';
import { selectArticle } from './article-body.js';

export interface CleanTextOptions {
  /** Look for header lines at the top (title, byline, date). Default true. */
  header?: boolean;
  /** Look for a title line; off when the title is known from metadata. Default true. */
  findTitle?: boolean;
  /** A title known from metadata: a body line equal to it is dropped. */
  knownTitle?: string | null;
  /**
   * Look for the article among page furniture (a page copied from a browser or dumped by a
   * terminal browser): the story's blocks and its headline are chosen by shape (see
   * article-body.ts). Off for text that is already the article (the HTML reader's output).
   * Default true.
   */
  findArticle?: boolean;
}

export interface CleanText {
  text: string;
  title: string | null;
  author: string | null;
  published: string | null;
  /** Photo captions found beside the story: kept out of the text (see README, "Input"). */
  captions: string[];
}

/**
 * Cleans `raw` and reads its header lines.
 * @example
 * cleanText('Skip to content\nTalks resume in Geneva\nBy Jane Doe\n9 Nov 2017\n\nDiplomats met …')
 * // { title: 'Talks resume in Geneva', author: 'Jane Doe', published: '2017-11-09', text: 'Diplomats met …' }
 */
export function cleanText(raw: string, options: CleanTextOptions = {}): CleanText {
  const { header = true, findTitle = true, knownTitle = null, findArticle = true } = options;
  let source = raw;
  let selectedTitle: string | null = null;
  let captions: string[] = [];
  if (findArticle) {
    const selection = selectArticle(raw);
    captions = selection.captions.map((c) => stripCredit(normalizeCharacters(c)));
    // Asked to keep the header lines, the headline stays in the body too.
    const top = header ? selection.header : [selection.title ?? '', ...selection.header];
    if (header && findTitle && selection.title !== null) selectedTitle = normalizeCharacters(selection.title).trim();
    source = [...top, ...selection.body].filter((b) => b !== '').join('\n\n');
  }
  const lines = normalizeCharacters(source).split('\n');
  const removed = removeFurniture(lines);
  const info = header
    ? findHeader(lines, { findTitle: findTitle && selectedTitle === null, knownTitle })
    : { title: null, author: null, published: null, lines: new Set<number>() };
  for (const i of info.lines) lines[i] = '';
  // Date-only lines were kept for the header pass; anywhere else they are furniture, and so
  // is a stray "By Reuters" byline below the header.
  for (let i = 0; header && i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    if (parseDateLine(line) !== null || (line.length <= 60 && /^by\s/i.test(line) && parseByline(line) !== null)) lines[i] = '';
  }
  const isHeaderShaped = (i: number) => parseByline(lines[i]) !== null || parseDateLine(lines[i]) !== null;
  for (const i of findNavigationRuns(lines, isHeaderShaped, removed)) lines[i] = '';
  const paragraphs = buildParagraphs(lines);
  return { text: paragraphs.join('\n\n'), title: selectedTitle ?? info.title, author: info.author, published: info.published, captions };
}

/**
 * Blanks furniture lines in place, including the caption that a credit line belongs to, and
 * returns the indexes of the short ones (labels such as "Home"), which may be part of a menu.
 */
function removeFurniture(lines: string[]): Set<number> {
  const labels = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    if (isCreditLine(line)) {
      lines[i] = '';
      // Only a picture credit has a caption above it; a bare "Reuters" may sit under the headline.
      const caption = previousLine(lines, i);
      if (isPhotoCredit(line) && caption >= 0 && looksLikeCaption(lines[caption])) lines[caption] = '';
      continue;
    }
    if (parseDateLine(line) !== null) continue; // the header pass reads it first
    if (isFurnitureLine(line) || endsWithCredit(line)) {
      if (line.length <= 32) labels.add(i);
      lines[i] = '';
    }
  }
  return labels;
}

function previousLine(lines: string[], index: number): number {
  for (let j = index - 1; j >= 0 && j >= index - 3; j--) if (lines[j] !== '') return j;
  return -1;
}
