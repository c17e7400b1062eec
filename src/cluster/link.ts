/**
 * @module cluster/link
 * Whether two reports (events of two articles) describe the same happening. The decision is a
 * pure function of the two reports, so that clusters, the connected components of this relation,
 * do not depend on the order or the batches in which articles arrive.
 *
 * Two reports are the same event when all the hard constraints hold (agreeing modalities, same pair
 * of actors, compatible codes, dates and places) and enough evidence says so (the same code, the
 * same text-given day, the same place, shared words besides the actors' names).
 */
import type { CodedEvent } from '../model/event.js';
import { codesCompatible, type ClusterRules } from './rules.js';

/** What linking reads of one stored event. */
export interface Report {
  article_id: string;
  event_id: string;
  /** The article's outlet (counted in a cluster's sources). */
  outlet: string | null;
  /** The article's publication date, which orders reports (the first report). */
  published: string | null;
  event: CodedEvent;
  /** Content words of the sentence that carries the event (reportWords); the evidence's own when absent. */
  words?: ReadonlySet<string>;
}

/** The side of an actor that clustering compares: its country, else its code (IGOs, groups). */
export function actorKey(actor: CodedEvent['source']): string {
  if (actor === null) return '-';
  return actor.country ?? actor.code;
}

/**
 * Reports of one happening may differ in modality only as a plan and its execution do: "will impose
 * tariffs" (hypothetical) and "imposed tariffs" (asserted) tell of the same tariffs. A denial or a
 * question ("did not attack", "did they attack?") links only with reports that deny or ask the
 * same: it never joins the reports that say it happened.
 */
export function modalitiesAgree(a: CodedEvent, b: CodedEvent): boolean {
  if (a.modality === b.modality) return true;
  const planOrDone = (m: CodedEvent['modality']) => m === 'asserted' || m === 'hypothetical';
  return planOrDone(a.modality) && planOrDone(b.modality);
}

/**
 * The blocking key of an event: its two sides, unordered. Only events with the same key are ever
 * compared, and the store finds candidates by it. Null when the event cannot be clustered
 * (no date, or no actor at all).
 */
export function clusterKey(event: CodedEvent): string | null {
  if (event.date === null) return null;
  const [a, b] = [actorKey(event.source), actorKey(event.target)];
  if (a === '-' && b === '-') return null;
  return a <= b ? `${a}|${b}` : `${b}|${a}`;
}

const DAY_MS = 86_400_000;

/** Days between two YYYY-MM-DD dates. */
function dayGap(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}

/**
 * Days two reports of one happening may differ by: one when the text gives both days ("late
 * Sunday" in Washington is Monday in the Gulf; an overnight raid is dated by the night or by the
 * morning), though a day apart needs one more sign (strikes on consecutive days are separate
 * happenings); a few when a day is only the publication date (the happening lies a few days
 * before it, and so does another outlet's report).
 */
export const DAY_TOLERANCE = { text: 1, published: 3 };

const WEEKDAYS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/** Do both texts name weekdays, and no weekday in common? */
function namedWeekdaysDiffer(x: string, y: string): boolean {
  const days = (t: string) => new Set([...t.matchAll(WEEKDAYS)].map((m) => m[1].toLowerCase()));
  const [dx, dy] = [days(x), days(y)];
  return dx.size > 0 && dy.size > 0 && ![...dx].some((d) => dy.has(d));
}

/** Two text-given days that differ: the reports agree only across a time zone or a night. */
function adjacentTextDays(a: CodedEvent, b: CodedEvent): boolean {
  return a.date !== null && b.date !== null && a.date.length === 10 && b.date.length === 10 && a.date !== b.date && a.date_source === 'text' && b.date_source === 'text';
}

/**
 * Dates agree given their precision: a month contains its days, a year its months and days;
 * two days lie within DAY_TOLERANCE of each other.
 */
export function datesCompatible(a: CodedEvent, b: CodedEvent): boolean {
  if (a.date === null || b.date === null) return false;
  if (a.date.length === 10 && b.date.length === 10) {
    const tolerance = a.date_source === 'published' || b.date_source === 'published' ? DAY_TOLERANCE.published : DAY_TOLERANCE.text;
    return dayGap(a.date, b.date) <= tolerance;
  }
  return a.date.startsWith(b.date) || b.date.startsWith(a.date);
}

/**
 * The date range, as sort_date bounds and coarser prefixes, in which a compatible report's date
 * lies: what a store asks for when it looks up candidates.
 */
export function dateWindow(date: string): { from: string; to: string; coarser: string[] } {
  const coarser = date.length === 10 ? [date.slice(0, 7), date.slice(0, 4)] : date.length === 7 ? [date.slice(0, 4)] : [];
  if (date.length === 10) {
    const t = Date.parse(`${date}T00:00:00Z`);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const reach = DAY_TOLERANCE.published * DAY_MS;
    return { from: day(t - reach), to: day(t + reach), coarser };
  }
  // A month or a year: every finer date under it (sort_date compares as text).
  return { from: date, to: `${date}\uffff`, coarser };
}

const EARTH_KM = 6371;

function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Places of one event lie within this distance (a city and its suburbs, a front-line district). */
export const SAME_PLACE_KM = 60;

/** 'same', 'unknown' (one or both without a place) or 'different'. */
export function placesAgree(a: CodedEvent, b: CodedEvent): 'same' | 'unknown' | 'different' {
  const [p, q] = [a.location, b.location];
  if (p === null || q === null) return 'unknown';
  if (p.name.toLowerCase() === q.name.toLowerCase()) return 'same';
  if (p.country !== null && q.country !== null && p.country !== q.country) return 'different';
  if (p.lat !== null && p.lon !== null && q.lat !== null && q.lon !== null) {
    return kmBetween(p.lat, p.lon, q.lat, q.lon) <= SAME_PLACE_KM ? 'same' : 'different';
  }
  return 'unknown';
}

/**
 * Sides compared as the blocking key does (countries), in the same direction or, for symmetric
 * roots, either. Roles are not compared: outlets name one strike's side "US forces" (USAMIL)
 * or "Washington" (USAGOV), one moratorium's creditors "US banks" or "the US".
 */
function sidesAgree(a: CodedEvent, b: CodedEvent, rules: ClusterRules): boolean {
  if (actorKey(a.source) === actorKey(b.source) && actorKey(a.target) === actorKey(b.target)) return true;
  if (!rules.symmetricRoots.has(a.root) || !rules.symmetricRoots.has(b.root)) return false;
  return actorKey(a.source) === actorKey(b.target) && actorKey(a.target) === actorKey(b.source);
}

/** Words too common to say that two reports describe one happening. */
const COMMON = new Set(
  (
    'the a an and or of to in on at by for with from into over after before about against than that this these those ' +
    'its their his her our your is was were are be been has have had will would could should may might said says say ' +
    'also new not but as up out more most other some any all one two three which who whom what when where while ' +
    'today yesterday monday tuesday wednesday thursday friday saturday sunday week month year last next'
  ).split(' '),
);

/**
 * Content words of `text` as crude stems (the first five letters: "attacked" ~ "attack"), and
 * numbers of two or more digits ("300 mln"), without common words and the words that name the
 * event's actors (every report of a dyad names them).
 */
function contentWords(event: CodedEvent, text: string): Set<string> {
  const names = new Set<string>();
  for (const actor of [event.source, event.target]) {
    for (const w of `${actor?.text ?? ''} ${actor?.name ?? ''}`.toLowerCase().match(/\p{L}+/gu) ?? []) names.add(w);
  }
  const words = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}{3,}|\d{2,}/gu) ?? []) {
    if (!COMMON.has(w) && !names.has(w)) words.add(w.length > 5 ? w.slice(0, 5) : w);
  }
  return words;
}

/** Content words of the evidence alone. */
export function evidenceWords(event: CodedEvent): Set<string> {
  return contentWords(event, event.evidence.text);
}

/** Content words of the sentence that carries the event (what a store keeps with each report). */
export function reportWords(event: CodedEvent, text: string, sentences: { start: number; end: number }[]): Set<string> {
  const sentence = sentences[event.sentence];
  const span = sentence && sentence.start <= event.evidence.start && event.evidence.end <= sentence.end ? text.slice(sentence.start, sentence.end) : event.evidence.text;
  return contentWords(event, span);
}

export interface LinkDecision {
  same: boolean;
  /** Why not (the first hard constraint that failed), or the evidence that was found. */
  reasons: string[];
}

/** Evidence needed to link two reports: one sign is chance, two say it is the same happening. */
export const MIN_EVIDENCE = 2;
/** Shared content words of the two sentences that make one sign (twice as many make two). */
export const SHARED_WORDS = 2;

/**
 * The pairwise decision. Reports of one article are never linked with each other: the coder has
 * already merged the mentions of one event within an article, so two events there are two events.
 */
export function sameEvent(x: Report, y: Report, rules: ClusterRules): LinkDecision {
  const [a, b] = [x.event, y.event];
  if (x.article_id === y.article_id) return { same: false, reasons: ['same article'] };
  if (!modalitiesAgree(a, b)) return { same: false, reasons: ['modality'] };
  if (clusterKey(a) === null || clusterKey(a) !== clusterKey(b)) return { same: false, reasons: ['actors'] };
  if (!sidesAgree(a, b, rules)) return { same: false, reasons: ['direction'] };
  if (!codesCompatible(a.code, b.code, rules)) return { same: false, reasons: ['codes'] };
  if (!datesCompatible(a, b)) return { same: false, reasons: ['dates'] };
  const place = placesAgree(a, b);
  if (place === 'different') return { same: false, reasons: ['places'] };
  const reasons: string[] = [];
  if (a.code === b.code) reasons.push('same code');
  // A day the text gives on at least one side (two publication dates alone say little).
  if (a.date === b.date && a.date !== null && a.date.length === 10 && (a.date_source === 'text' || b.date_source === 'text')) reasons.push('same day');
  if (place === 'same') reasons.push('same place');
  const wa = x.words ?? evidenceWords(a);
  let shared = 0;
  for (const w of y.words ?? evidenceWords(b)) if (wa.has(w)) shared += 1;
  if (shared >= SHARED_WORDS) reasons.push(`${shared} shared words`);
  // One more shared word than a sign needs counts as a second sign: the same story in the same words.
  const signs = reasons.length + (shared >= SHARED_WORDS + 1 ? 1 : 0);
  // A month or a year holds many happenings of one kind: a coarse date needs one more sign.
  // Adjacent text-given days hold the same doubt: one more sign.
  const coarse = a.date !== null && b.date !== null && (a.date.length < 10 || b.date.length < 10);
  // Each report naming its own, different weekday ("on Monday" / "on Tuesday") tells of two days:
  // shelling on consecutive days is two happenings however alike the words.
  if (adjacentTextDays(a, b) && namedWeekdaysDiffer(a.evidence.text, b.evidence.text)) return { same: false, reasons: [...reasons, 'different named days'] };
  const needed = coarse || adjacentTextDays(a, b) ? MIN_EVIDENCE + 1 : MIN_EVIDENCE;
  return { same: signs >= needed, reasons };
}
