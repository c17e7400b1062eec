/**
 * @module ingest/text/header
 * Finds the header lines at the top of a copied article (title, byline, date lines) so that
 * their values become metadata and the lines leave the body. Only the top of the text is
 * searched: the header ends at the first line that reads like body prose.
 */
import { normalizeDate } from '../dates.js';
import { endsWithTerminal, isFurnitureLine, wordCount } from './furniture.js';

export interface HeaderInfo {
  title: string | null;
  author: string | null;
  published: string | null;
  /** Indexes of the lines that were header lines. */
  lines: Set<number>;
}

export interface HeaderOptions {
  /** Look for a title line (off when the title is known from elsewhere, e.g. HTML metadata). */
  findTitle?: boolean;
  /** A title known from metadata: a line equal to it is removed. */
  knownTitle?: string | null;
}

const TIME_ONLY = /^(?:(?:last )?updated|posted|published)?:?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$/i;

/** How many non-blank lines at the top may be header lines. */
const HEADER_LINES = 10;

const NAME = "[\\p{Lu}][\\p{L}'’.-]*(?:\\s+(?:(?:de|da|van|von|der|del|la|le|al|bin|ibn)\\s+)?[\\p{Lu}][\\p{L}'’.-]*){0,4}";
const BARE_NAME = new RegExp(`^${NAME}$`, 'u');
const BY_LINE = new RegExp(`^(?:by|written by|words by|reporting by|von|por|par)\\s+(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*)`, 'iu');
const NAME_COMMA_ORG = new RegExp(`^(${NAME}),\\s+([\\p{Lu}][\\p{L}&.' -]{1,40})$`, 'u');
const NAME_BAR_ROLE = new RegExp(`^(${NAME})\\s*[|–—]\\s*([\\p{L}&.' -]{2,40})$`, 'u');
const ROLE_WORDS = /\b(?:writer|reporter|correspondent|editor|columnist|journalist|staff|contributor|bureau|desk|analyst|chief|senior|news|times|post|press|reuters|associated|agency|media|daily|herald|tribune|guardian|journal)\b/i;

const OFFICE_WORDS =
  /\b(?:president|minister|secretary|leader|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|governor|senator|mayor|king|queen|prince|princess|prime|chancellor|ambassador|general|commander|envoy|director|ceo|founder|head|speaker|deputy|member|mp|congressman|congresswoman|representative|candidate)\b/i;

const DATE_WORDS =
  /\b(?:published|updated|last updated|posted|modified|first published|created|on|at|am|pm|a\.m\.|p\.m\.|et|est|edt|ct|cst|pt|pst|pdt|gmt|utc|bst|cet|cest|ist|jst|aest|local time|time|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|of|the)\b\.?/gi;

/** A line that is only a date (with words like "Published", a time and a zone). */
export function parseDateLine(line: string): string | null {
  if (line.length > 90) return null;
  const published = normalizeDate(line);
  if (!published) return null;
  const rest = line
    .replace(DATE_WORDS, ' ')
    .replace(/[\d:/.,\-–—|•·()T+Z]+/g, ' ')
    .trim();
  return wordCount(rest) <= 1 ? published : null;
}

/** The author's name when `line` is a byline. */
export function parseByline(line: string): string | null {
  if (line.length > 120 || (endsWithTerminal(line) && !/\.$/.test(line))) return null;
  let m = BY_LINE.exec(line);
  if (m) return cleanName(m[1]);
  if (endsWithTerminal(line)) return null;
  m = NAME_COMMA_ORG.exec(line);
  // "Jane Doe, Reuters" is a byline; "Vladimir Putin, Russian President" is a name and office.
  if (m && wordCount(m[1]) >= 2 && wordCount(m[2]) <= 5 && !OFFICE_WORDS.test(m[2])) return cleanName(m[1]);
  m = NAME_BAR_ROLE.exec(line);
  if (m && wordCount(m[1]) >= 2 && ROLE_WORDS.test(m[2])) return cleanName(m[1]);
  return null;
}

/** The names alone: "Jane Doe, Diplomatic Correspondent" and "Jane Doe in Moscow" → "Jane Doe". */
function cleanName(name: string): string {
  const names = name
    .replace(/\s+in\s+\p{Lu}[\p{L}\s.'-]*$/u, '')
    .split(/\s*,\s*/)
    // After a comma a role stands alone ("Jane Doe, Defence Editor"); in the first part it may
    // follow the name ("JANIE HAR Associated Press").
    .map((part, i) => (i === 0 ? beforeRole(part) : ROLE_WORDS.test(part) ? '' : part))
    .filter((part) => part !== '')
    .join(', ');
  const cleaned = names.replace(/\s+(?:and|&)\s*$/i, '').replace(/[,.\s]+$/, '').trim();
  return cleaned === '' ? name.trim() : cleaned;
}

/** "JANIE HAR Associated Press" → "JANIE HAR"; "Diplomatic Correspondent" → "" (a role, no name). */
function beforeRole(part: string): string {
  const words = part.split(/\s+/);
  const at = words.findIndex((w) => ROLE_WORDS.test(w));
  if (at < 0) return part;
  return at >= 2 ? words.slice(0, at).join(' ') : '';
}

/** A headline: several words, not a sentence ending in a full stop, not overly long. */
function looksLikeTitle(line: string): boolean {
  const words = wordCount(line);
  return words >= 3 && line.length >= 15 && line.length <= 200 && !/[.,;:]$/.test(line);
}

/** Body prose: a long line that ends like a sentence. */
function looksLikeProse(line: string): boolean {
  return line.length >= 120 && endsWithTerminal(line);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

/**
 * Looks at the top lines of `lines` (blank lines are empty strings) for a title, bylines and
 * date lines. A line holding several parts ("By Jane Doe | 9 Nov 2017") is split on bars and
 * bullets first.
 */
export function findHeader(lines: string[], options: HeaderOptions = {}): HeaderInfo {
  const { findTitle = true, knownTitle = null } = options;
  const info: HeaderInfo = { title: null, author: null, published: null, lines: new Set() };
  let seen = 0;
  let fromUpdate = false;
  for (let i = 0; i < lines.length && seen < HEADER_LINES; i++) {
    const line = lines[i];
    if (line === '') continue;
    seen++;
    if (knownTitle && sameText(line, knownTitle)) {
      info.lines.add(i);
      continue;
    }
    const parts = line.split(/\s+[|•·]\s+/);
    // "Taras Melnyk · 23 December 2017": beside a date, a bare name is the byline.
    const besideDate = parts.length > 1 && parts.some((part) => parseDateLine(part) !== null);
    let allHeader = true;
    for (const part of parts) {
      const published = parseDateLine(part);
      if (published) {
        // The first publication date wins; an "Updated" date only stands in until one is found.
        const isUpdate = /\b(?:updated|modified)\b/i.test(part);
        if (info.published === null || (fromUpdate && !isUpdate)) {
          info.published = published;
          fromUpdate = isUpdate;
        }
        continue;
      }
      const author = parseByline(part);
      if (author) {
        info.author ??= author;
        continue;
      }
      if (besideDate && BARE_NAME.test(part)) {
        info.author ??= cleanName(part);
        continue;
      }
      // "Updated 6:45 p.m. ET", "6 min read" beside a date or byline.
      if (parts.length > 1 && (TIME_ONLY.test(part) || isFurnitureLine(part))) continue;
      allHeader = false;
    }
    if (allHeader) {
      info.lines.add(i);
      continue;
    }
    if (looksLikeProse(line)) break;
    if (findTitle && info.title === null && info.lines.size === 0 && looksLikeTitle(line) && hasBodyAfter(lines, i)) {
      info.title = line;
      info.lines.add(i);
    }
  }
  return info;
}

/** A title needs a body after it: at least one more line of some length. */
function hasBodyAfter(lines: string[], index: number): boolean {
  // A line that runs on into the next one is the start of a wrapped paragraph, not a headline.
  if (/^\p{Ll}/u.test(lines[index + 1] ?? '')) return false;
  for (let j = index + 1; j < lines.length; j++) if (lines[j].length >= 40) return true;
  return false;
}
