/**
 * @module nlp/dates/dates
 * The dates step: split clauses (their tense steers weekday and month resolution), find
 * the date expressions, then date every clause. Without a publication date only
 * expressions that carry their own year resolve, and undated clauses stay null.
 */
import type { Article } from '../../model/article.js';
import { verbGroups, type Tense, type VerbGroup } from '../clauses/tense.js';
import { dateClauses } from '../clauses/date-clauses.js';
import { splitClauses, type ClauseSpan } from '../clauses/split-clauses.js';
import { parseIsoDate } from './calendar.js';
import { findDates } from './find-dates.js';
import { findQuoteSpans } from '../quotes/quote-marks.js';

export function addDates(article: Article): Article {
  const published = parseIsoDate(article.meta.published);
  const spans = splitClauses(article);
  const near = createTenseNear(article);
  // Without a verb group near the date, the clause decides, but only a clear past or future:
  // a bare present ("Russia beat Croatia on Monday") is as likely a past form.
  const tenseAt = (offset: number): Tense | null => {
    const nearest = near(offset);
    if (nearest) return nearest;
    const clause = clauseAt(spans, offset)?.tense ?? null;
    return clause === 'present' ? null : clause;
  };
  const quotes = findQuoteSpans(article.text);
  const inQuote = (offset: number) => quotes.some((q) => q.open < offset && offset < q.close);
  article.dates = findDates(article, { published, tenseAt, inQuote });
  article.clauses = dateClauses(article, spans, article.dates, published);
  return article;
}

function clauseAt(spans: ClauseSpan[], offset: number): ClauseSpan | null {
  let lo = 0;
  let hi = spans.length - 1;
  let found: ClauseSpan | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = spans[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The tense of the verb group nearest to an offset in its sentence. A date belongs to the
 * verb it modifies, which is usually next to it: "the Kremlin said on Thursday, although they
 * could still talk" (said), "migrants arriving from Sunday will be sent back" (will be sent).
 * A comma or subordinator between date and verb counts as ten tokens: it usually opens another
 * clause ("told the Assembly on Wednesday that Tehran would not negotiate": told).
 */
function createTenseNear(article: Article): (offset: number) => Tense | null {
  const { tokens } = article;
  const cache = new Map<number, VerbGroup[]>();
  return (offset) => {
    const token = firstTokenAt(tokens.start, tokens.end, offset);
    if (token < 0) return null;
    const s = tokens.sentence[token];
    const sentence = article.sentences[s];
    let groups = cache.get(s);
    if (!groups) {
      groups = verbGroups(tokens, sentence.tokenStart, sentence.tokenEnd);
      cache.set(s, groups);
    }
    let best: VerbGroup | null = null;
    let bestCost = Infinity;
    for (const g of groups) {
      const [a, b] = g.to <= token ? [g.to, token] : [token + 1, g.from];
      let cost = Math.abs(b - a) + 1;
      let opens = false;
      for (let k = a; k < b; k++) {
        if (tokens.normal[k] === ',' || tokens.pos[k] === 'SCONJ') cost += 10;
        if (SUBORDINATE_OPENERS.has(tokens.normal[k]) || tokens.pos[k] === 'SCONJ') opens = true;
      }
      // "warning in August that further threats would be met": a verb after a subordinator
      // belongs to another clause, which the date does not modify.
      if (opens && g.from > token) continue;
      // On a tie the verb before the date wins ("said on Monday that ... will").
      if (cost < bestCost || (cost === bestCost && g.to <= token)) {
        best = g;
        bestCost = cost;
      }
    }
    return best?.tense ?? null;
  };
}

/** Words that open a subordinate clause after a date ("in August that ...", "on Monday when ..."). */
const SUBORDINATE_OPENERS = new Set(['that', 'which', 'who', 'when', 'if', 'unless', 'because', 'whether']);

/** Index of the token that holds (or starts after) `offset`, -1 if none. */
function firstTokenAt(start: Int32Array, end: Int32Array, offset: number): number {
  let lo = 0;
  let hi = start.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (end[mid] > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}
