/**
 * @module nlp/dates/relational-rules
 * Dates given relative to another date of the text: "two days after the House passed the
 * bill" (the anchor's date minus two days), "a week before the vote", "two days later",
 * "on the same day", "the previous day". The anchor is the nearest date expression before
 * the phrase in the same sentence; "later", "the same day" and the like may also reach back
 * to the previous sentences of the paragraph; "after"/"before" fall back to the publication
 * date ("Ten years after Russian tanks rolled into Georgia" in an article of 2018-08-08).
 */
import type { DatePrecision } from '../../model/time.js';
import { addDays, addMonths, formatDate, type CalendarDate } from './calendar.js';
import type { DateCandidate } from './candidate.js';
import { NUMBER_WORDS } from './lexicon.js';

const RELATIVE = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|\d{1,3})\s+(day|week|month|year|decade)s?\s+(after|before|later|earlier)\b/gi;
const SAME_DAY = /\b(?:on\s+)?the\s+(same|previous|next|following)\s+day\b|\bthe\s+day\s+(before|after)\b/gi;

/** A date already found, with what the relational rule needs of it. */
export interface Anchor {
  start: number;
  end: number;
  value: string;
  precision: DatePrecision;
  sentence: number;
}

export interface RelationalContext {
  published: CalendarDate | null;
  sentenceOf(offset: number): number;
  /** Whether a line break lies between two offsets (a new paragraph). */
  paragraphBreak(from: number, to: number): boolean;
}

function parseValue(value: string): CalendarDate {
  const [y, m, d] = value.split('-').map(Number);
  return { year: y, month: m ?? 1, day: d ?? 1 };
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

/** The anchor for a phrase at `offset`: same sentence, or (when `reach`) earlier in the paragraph. */
function findAnchor(anchors: Anchor[], offset: number, context: RelationalContext, reach: boolean): Anchor | null {
  const sentence = context.sentenceOf(offset);
  for (let i = anchors.length - 1; i >= 0; i--) {
    const a = anchors[i];
    if (a.end > offset) continue;
    if (a.sentence === sentence) return a;
    if (!reach || context.paragraphBreak(a.end, offset)) return null;
    return a;
  }
  return null;
}

/**
 * Rule name of "N after/before X" read from the publication date ("Ten years after Russian tanks
 * rolled into Georgia, ..."): the value is X's date, not the date of the clause's own event, so
 * the clause dating (nlp/clauses) does not take it.
 */
export const RELATIONAL_PUBLISHED = 'relational-published';

/** Characters after "N after" within which X's own date may stand ("... opened (2003)"). */
const FORWARD_REACH = 80;

/**
 * A date of X right after "N after/before": in the same sentence, before the comma that ends
 * the phrase, within FORWARD_REACH characters.
 */
function forwardAnchor(text: string, anchors: Anchor[], from: number, context: RelationalContext): Anchor | null {
  const sentence = context.sentenceOf(from);
  for (const a of anchors) {
    if (a.start < from) continue;
    if (a.start - from > FORWARD_REACH || a.sentence !== sentence) return null;
    const between = text.slice(from, a.start);
    // "(2003)" may close the phrase; a comma or a clause boundary before the date ends it.
    if (/[,;:]/.test(between)) return null;
    return a;
  }
  return null;
}

export function findRelationalDates(text: string, anchors: Anchor[], context: RelationalContext): DateCandidate[] {
  const out: DateCandidate[] = [];
  const publishedAnchor: Anchor | null = context.published
    ? { start: -1, end: -1, value: formatDate(context.published, 'day'), precision: 'day', sentence: -1 }
    : null;
  for (const m of text.matchAll(RELATIVE)) {
    const quantity = m[1].toLowerCase();
    const n = /^\d/.test(quantity) ? Number(quantity) : NUMBER_WORDS[quantity];
    const unit = m[2].toLowerCase();
    const direction = m[3].toLowerCase();
    const reach = direction === 'later' || direction === 'earlier';
    // "a year after the checkpoints opened (2003), ...": X's own date follows, and the phrase
    // dates the main event from it (2004); the other readings date X from the main event.
    const forward = reach ? null : forwardAnchor(text, anchors, m.index + m[0].length, context);
    const backward = forward ? null : findAnchor(anchors, m.index, context, reach);
    const anchor = forward ?? backward ?? (reach ? null : publishedAnchor);
    if (!anchor) continue;
    // "N after X": X was N before the anchor; "N later": N after it; from X's own date, N after X.
    const sign = forward ? (direction === 'after' ? 1 : -1) : direction === 'after' || direction === 'earlier' ? -1 : 1;
    const rule = forward ? 'relational-forward' : anchor === publishedAnchor ? RELATIONAL_PUBLISHED : 'relational';
    const base = parseValue(anchor.value);
    let date: CalendarDate;
    let precision: DatePrecision;
    if (unit === 'day' || unit === 'week') {
      date = addDays(base, sign * n * (unit === 'week' ? 7 : 1));
      precision = anchor.precision;
    } else if (unit === 'month') {
      date = addMonths(base, sign * n);
      precision = coarser('month', anchor.precision);
    } else if (unit === 'year') {
      date = addMonths(base, sign * 12 * n);
      precision = coarser('month', anchor.precision);
    } else {
      date = addMonths(base, sign * 120 * n);
      precision = 'year';
    }
    out.push({ start: m.index, end: m.index + m[0].length, value: formatDate(date, precision), precision, rule });
  }
  for (const m of text.matchAll(SAME_DAY)) {
    const anchor = findAnchor(anchors, m.index, context, true);
    if (!anchor || anchor.precision !== 'day') continue;
    const which = (m[1] ?? m[2]).toLowerCase();
    const shift = which === 'same' ? 0 : which === 'previous' || which === 'before' ? -1 : 1;
    const date = addDays(parseValue(anchor.value), shift);
    const lead = /^on\s+/i.exec(m[0])?.[0].length ?? 0;
    out.push({ start: m.index + lead, end: m.index + m[0].length, value: formatDate(date, 'day'), precision: 'day', rule: 'relational' });
  }
  return out;
}
