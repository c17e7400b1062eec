/**
 * @module ingest/text/clean-text
 * Plain text as a news user has it (copied from a web page, an e-mail, a text archive) made
 * into the clean article body every later offset points into: characters normalised,
 * page furniture removed, header lines (title, byline, date) turned into metadata, and
 * paragraphs separated by one blank line.
 */
import { normalizeCharacters } from './normalize.js';
import { endsWithCredit, findNavigationRuns, isCreditLine, isFurnitureLine, isPhotoCredit, looksLikeCaption } from './furniture.js';
import { findHeader, parseByline, parseDateLine } from './header.js';
import { buildParagraphs } from './paragraphs.js';

export interface CleanTextOptions {
  /** Look for header lines at the top (title, byline, date). Default true. */
  header?: boolean;
  /** Look for a title line; off when the title is known from metadata. Default true. */
  findTitle?: boolean;
  /** A title known from metadata: a body line equal to it is dropped. */
  knownTitle?: string | null;
}

export interface CleanText {
  text: string;
  title: string | null;
  author: string | null;
  published: string | null;
}

/**
 * Cleans `raw` and reads its header lines.
 * @example
 * cleanText('Skip to content\nTalks resume in Geneva\nBy Jane Doe\n9 Nov 2017\n\nDiplomats met …')
 * // { title: 'Talks resume in Geneva', author: 'Jane Doe', published: '2017-11-09', text: 'Diplomats met …' }
 */
export function cleanText(raw: string, options: CleanTextOptions = {}): CleanText {
  const { header = true, findTitle = true, knownTitle = null } = options;
  const lines = normalizeCharacters(raw).split('\n');
  const removed = removeFurniture(lines);
  const info = header
    ? findHeader(lines, { findTitle, knownTitle })
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
  return { text: paragraphs.join('\n\n'), title: info.title, author: info.author, published: info.published };
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
