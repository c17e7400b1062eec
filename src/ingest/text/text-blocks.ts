/**
 * @module ingest/text/text-blocks
 * A copied page as a list of blocks (one paragraph, heading, list item or menu entry each),
 * whatever program made the copy. Terminal browsers and converters add their own marks —
 * lynx's `[12]` link numbers and its "References" list of URLs, form fields such as
 * `(BUTTON)` and `[ ]`, html2text's `***** heading *****` and `linked_words`, w3m's `•`/`□`
 * bullets — and wrap paragraphs at a fixed width. The marks are removed but remembered (a
 * block made of links is a menu; a marked heading may be the headline), and wrapped lines are
 * joined where the wrap test says the renderer broke them.
 */

import { endsWithTerminal, unspaced } from './furniture.js';
import { wrapWidth } from './paragraphs.js';

export interface TextBlock {
  /** The block's text: one line, marks removed. */
  text: string;
  /** Leading spaces of its first line (lynx indents prose and leaves headings at column 0). */
  indent: number;
  /** Started with a list bullet or number. */
  bullet: boolean;
  /** Heading level marked by the renderer (html2text stars, Markdown #), 0 when unmarked. */
  heading: number;
  /** Words that were links (lynx link numbers, html2text underscores). */
  linkWords: number;
  /** A blank line (or the start of the text) comes before it. */
  afterBlank: boolean;
}

/** lynx and w3m list marks, numbers and the symbols sites put before menu entries. */
const BULLET = /^(?:[*+•◦▪▫■□☆★○●►▶·‣⁃–—-]|o(?=\s)|#(?=\s)|\d{1,3}[.)](?=\s))\s+/u;
/** A lynx link number, `[12]`, or an image/field mark it puts inline. */
const LINK_NUMBER = /\[\d{1,4}\]/g;
const FORM_MARKS = /\((?:BUTTON|submit|reset)\)|\[(?:IMG|INLINE|image|_+|\s*|X)\]|\(\s?\*?\s?\)|_{3,}|\[[\w.-]*\.(?:svg|png|jpe?g|gif|webp|ico)\]/gi;
/** A numbered URL of lynx's link list: "  12. https://example.com/…". */
const REFERENCE_LINE = /^\s*\d{1,4}\.\s+(?:https?|ftp|mailto|javascript|file|tel|data|news):\S*\s*$/i;
const REFERENCE_HEADING = /^\s*(?:References|Visible links:?|Hidden links:?)\s*$/i;
/** html2text headings: `****** Title ******` (six stars for the top level). */
const STAR_HEADING = /^\s*(\*{2,6})\s+(.+?)\s+\*{2,6}\s*$/;
const HASH_HEADING = /^\s*(#{1,6})\s+(.+?)\s*#*\s*$/;
/** html2text joins the words of a link with underscores: `Afghan_woman_sees_talks`. */
const UNDERSCORED = /(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])/gu;

/** A line with its renderer marks removed, and with lynx's link numbers put back for measuring its width. */
interface MarkedLine {
  line: string;
  links: number;
  heading: number;
  raw: string;
}

/** Lines of the text with renderer marks removed; lynx's link list is dropped entirely. */
function markedLines(text: string): MarkedLine[] {
  const out: MarkedLine[] = [];
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/\s+$/, '');
    // lynx wraps with its link numbers in the line ("[23]Posted on …"); their width counts.
    const numbered = line.search(LINK_NUMBER) >= 0 ? line.replace(FORM_MARKS, ' ').replace(/(\S) {2,}(?=\S)/g, '$1 ') : null;
    if (REFERENCE_LINE.test(line)) continue;
    // "References" heading followed by numbered URLs: the link list starts here.
    if (REFERENCE_HEADING.test(line) && lines.slice(i + 1, i + 6).some((l) => REFERENCE_LINE.test(l))) continue;
    // The words after a link number, up to the next one, were the link's text (at most six).
    let links = line
      .split(LINK_NUMBER)
      .slice(1)
      .reduce((n, part) => n + Math.min(6, part.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length), 0);
    let heading = 0;
    const star = STAR_HEADING.exec(line);
    const hash = star ? null : HASH_HEADING.exec(line);
    if (star) {
      heading = 7 - star[1].length;
      line = line.slice(0, line.indexOf('*')) + star[2].replace(/^\*+\s*|\s*\*+$/g, '');
    } else if (hash) {
      heading = hash[1].length;
      line = line.slice(0, line.indexOf('#')) + hash[2];
    }
    // Underscored link text (html2text): every joined word was a link.
    for (const m of line.matchAll(/[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+/gu)) links += m[0].split('_').length;
    line = line.replace(UNDERSCORED, ' ').replace(LINK_NUMBER, '').replace(FORM_MARKS, ' ');
    // A leading "#" before a lynx link list of feeds ("#[1]alternate"): page-head links.
    line = line.replace(/^(\s*)#(?=\S)/, '$1');
    if (line.trim() === '' && lines[i].trim() !== '') {
      // A line that held only marks (a button, an image) is no paragraph break.
      continue;
    }
    const shown = line.replace(/(\S) {2,}(?=\S)/g, '$1 ');
    out.push({ line: shown, links, heading, raw: numbered ?? shown });
  }
  return out;
}

/**
 * The column the text is wrapped at, or 0 when it is not hard-wrapped (one paragraph a line,
 * as a browser's copy gives): many lines of several words end close to one common maximum.
 */
export function wrapColumn(lines: string[]): number {
  const lengths = lines.filter((l) => /\S\s+\S+\s+\S/.test(l)).map((l) => l.length);
  if (lengths.length < 5) return 0;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.97)];
  if (width < 40 || width > 160) return 0;
  const near = lengths.filter((n) => n >= width - 15 && n <= width).length;
  // A short text (a two-paragraph wire story) is wrapped only when most of its lines reach the margin.
  const share = lengths.length < 8 ? 0.6 : 0.3;
  return near / lengths.filter((n) => n >= 30).length >= share && (lengths.length >= 8 || near >= 4) ? width : 0;
}

function firstWord(line: string): string {
  return line.trim().split(/\s+/)[0] ?? '';
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Whether paragraphs are marked by indenting their first line only (wire copy, e-mail, typed
 * text: "    Iran said ...\nyesterday. Iraq said ..."), not by blank lines: nearly every indented
 * line is followed by a line at the margin (or ends a one-line paragraph) and most run on to the margin (`width`). lynx indents every line of a paragraph, so there
 * an indented line is followed by another indented line.
 */
export function firstLineIndents(lines: string[], width: number): boolean {
  let indented = 0;
  let hanging = 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    // Rules such as "    - - - -" between wire items say nothing about paragraphs.
    // A paragraph indent is a few spaces; a line far to the right is a second column.
    if (!/\p{L}/u.test(lines[i]) || lines[i + 1].trim() === '' || indentOf(lines[i]) < 2 || indentOf(lines[i]) > 8) continue;
    indented += 1;
    // A paragraph of one line is followed by the next paragraph's indented first line.
    if (indentOf(lines[i + 1]) <= 1 || endsWithTerminal(lines[i].trim())) hanging += 1;
    if (lines[i].trimEnd().length >= width * 0.75) full += 1;
  }
  // A paragraph's first line runs on to the margin; a list of indented headlines, each above
  // its teaser, does not.
  if (indented >= 2) return hanging >= indented * 0.8 && full >= indented * 0.5;
  // A short wire story of two paragraphs has one indented line; with no blank line anywhere,
  // the indent is the only paragraph mark it has.
  return indented === 1 && hanging === 1 && full === 1 && lines.length >= 4 && lines.every((l) => l.trim() !== '');
}

/**
 * The blocks of a copied page. In wrapped text a line is joined to the one before when its
 * first word would not have fitted at the end of that line: that is why the renderer broke
 * there. Where wrapped text indents first lines, an indented line starts a paragraph and a line at the
 * margin goes on with the one before unless that one ended a sentence short of the margin (the
 * first line of a wire story is short where its dateline was cut off, so width alone misses it).
 * Otherwise every line is a block of its own.
 */
export function textBlocks(text: string): TextBlock[] {
  const lines = markedLines(text);
  // The renderer wrapped the lines with their marks ("[23]Posted on …"), so widths are measured on those.
  const width = wrapColumn(lines.map((l) => l.raw)) || wrapWidth(lines.map((l) => l.raw.trim()));
  const edge = width > 0 ? 0 : cjkEdge(lines.map((l) => l.raw.trim()));
  // lynx indents every line of prose; a browser's copy and w3m do not.
  const long = lines.filter((l) => l.raw.trim().length >= 40);
  const indentedProse = long.length > 0 && long.filter((l) => indentOf(l.raw) >= 2).length >= long.length * 0.75;
  const indentsFirstLines = width > 0 && firstLineIndents(lines.map((l) => l.line), width);
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  let previous = '';
  let previousRaw = '';
  let blank = true;
  for (const { line, links, heading, raw } of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      current = null;
      blank = true;
      continue;
    }
    const bullet = BULLET.test(trimmed);
    const joinable = current !== null && !bullet && heading === 0 && current.heading === 0;
    // Wrapped at a known width: the first word did not fit. Otherwise: the line before
    // stops mid-sentence and this one goes on in lower case.
    const fills = width > 0 && previousRaw.length + 1 + firstWord(raw).length > width - 1;
    const wrapped =
      joinable &&
      (indentsFirstLines
        ? indentOf(line) <= 1 && (fills || !endsWithTerminal(previous.trim()))
        : width > 0
          ? fills && indentOf(line) >= (current?.indent ?? 0) - 2
          : !endsWithTerminal(previous.trim()) && (/^\p{Ll}/u.test(trimmed) || /[,\-–—(、]$/.test(previous) || (indentedProse && indentedRunOn(previousRaw, line)) || edge > 0 && unspaced(previous.trim(), trimmed) && columns(previous.trim()) >= edge - 4));
    if (wrapped && current) {
      current.text = (current.text.endsWith('-') && /^\p{Ll}/u.test(trimmed)) || unspaced(current.text, trimmed) ? current.text + trimmed : `${current.text} ${trimmed}`;
      current.linkWords += links;
    } else {
      current = {
        text: bullet ? trimmed.replace(BULLET, '') : trimmed,
        indent: indentOf(line),
        bullet,
        heading,
        linkWords: links,
        afterBlank: blank,
      };
      blocks.push(current);
    }
    previous = line;
    previousRaw = raw;
    blank = false;
  }
  for (const b of blocks) b.text = undoubled(b.text);
  return blocks;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\uFF01-\uFF60]/gu;

/** The columns a line takes in a terminal, a Chinese or Japanese character two of them. */
function columns(line: string): number {
  return line.length + (line.match(CJK)?.length ?? 0);
}

/**
 * The right edge that w3m wrapped Chinese or Japanese lines at (it counts two columns a
 * character, so the width test, which counts characters and spaces, does not see it), or 0:
 * at least three lines of such text end at one column.
 */
export function cjkEdge(lines: string[]): number {
  const wide = lines.filter((l) => (l.match(CJK)?.length ?? 0) >= 10).map(columns).sort((a, b) => a - b);
  if (wide.length < 3) return 0;
  const edge = wide[Math.floor(wide.length * 0.9)];
  return edge >= 60 && edge <= 160 && wide.filter((n) => n >= edge - 4 && n <= edge).length >= 3 ? edge : 0;
}

/**
 * A terminal browser's paragraph that the width test missed (too few wrapped lines among the
 * menus): a long indented line that stops mid-sentence, and the next line at the same indent.
 */
function indentedRunOn(previous: string, line: string): boolean {
  const indent = indentOf(previous);
  return indent >= 2 && indentOf(line) === indent && previous.trim().length >= 60 && /^\S+\s+\S+\s+\S/.test(line.trim());
}

/**
 * "X X" → "X": w3m prints an image's alt text and its caption, often the same words, one right
 * after the other with no blank line, so the wrap test runs them into one block.
 */
export function undoubled(text: string): string {
  if (text.length < 40) return text;
  const half = (text.length - 1) / 2;
  return Number.isInteger(half) && text[half] === ' ' && text.slice(0, half) === text.slice(half + 1) ? text.slice(0, half) : text;
}
