/**
 * @module coder/assemble
 * Turns draft events into CodedEvent records: codebook values (root, QuadClass, Goldstein),
 * actors, the clause's date, a place in the sentence, evidence; then merges repeats and
 * numbers the events in text order.
 */
import type { Article } from '../model/article.js';
import type { Actor, CodedEvent, EventLocation, Modality } from '../model/event.js';
import type { Mention } from '../model/mention.js';
import { textSpan } from '../model/span.js';
import type { Codebook } from './cameo/codebook.js';
import { dedupeEvents } from './dedupe.js';
import { CODER_STAGE } from './options.js';
import { tokenRange } from './tokens.js';
import { codePerson } from '../nlp/actors/people.js';
import { syntaxOf, type SyntaxQuery } from '../nlp/syntax/query.js';
import type { Person } from '../nlp/actors/lexicon.js';

/** A raw event before dedupe, holding what assembling the record needs. */
export interface DraftEvent {
  code: string;
  source: Mention | null;
  target: Mention | null;
  sentence: number;
  head: number;
  evidenceStart: number;
  evidenceEnd: number;
  modality: Modality;
  rule: string;
}

function toActor(m: Mention): Actor {
  return { code: m.code ?? '', country: m.country, role: m.role, name: m.name, text: m.text, start: m.start, end: m.end };
}

function locationOf(article: Article, sentence: number, head: number): EventLocation | null {
  const view = article.tokens;
  let best: Mention | null = null;
  let bestScore = -1;
  for (const m of article.mentions) {
    if (m.kind !== 'location' || m.sentence !== sentence) continue;
    const r = tokenRange(article, m.start, m.end);
    const prev = r !== null && r[0] > 0 ? view.normal[r[0] - 1] : '';
    const score = (prev === 'in' || prev === 'at' ? 2 : 0) + (m.start > view.start[head] ? 1 : 0);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  if (best === null) return null;
  return { name: best.name ?? best.text, country: best.country, lat: best.lat ?? null, lon: best.lon ?? null };
}

/** Relations by which a date hangs on an event word itself: "Friday's attack", "the March 8 raid", "talks Monday". */
const OWN_DATE_RELATIONS = new Set(['nmod:poss', 'compound', 'nmod:unmarked', 'obl:unmarked', 'nmod:tmod', 'obl:tmod']);

/** A date the parse attaches to the event's head word, which outranks its clause's date. */
function ownDate(article: Article, q: SyntaxQuery, head: number): string | null {
  const { start, end } = article.tokens;
  for (const c of q.children(head)) {
    if (!OWN_DATE_RELATIONS.has(q.deprel(c))) continue;
    const d = article.dates.find((x) => x.start <= start[c] && end[c] <= x.end);
    if (d !== undefined) return d.value;
  }
  return null;
}

function dateOf(article: Article, q: SyntaxQuery, offset: number, head: number): { date: string | null; date_source: 'text' | 'published' | null } {
  // "retaliation on Monday for Friday's Iranian attack": the attack is Friday's, not the clause's Monday.
  const own = ownDate(article, q, head);
  if (own !== null) return { date: own, date_source: 'text' };
  for (const c of article.clauses) {
    if (offset >= c.start && offset < c.end && c.date !== null) {
      return { date: c.date, date_source: c.dateSource === 'text' || c.dateSource === 'carried' ? 'text' : 'published' };
    }
  }
  return { date: article.meta.published, date_source: article.meta.published === null ? null : 'published' };
}

/** A day inside a date of any precision, to test a tenure against: mid-year, mid-month. */
function dayOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-07-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-15`;
  return date.slice(0, 10);
}

/**
 * The actor stage codes a person by the publication date; an event the text dates itself is
 * coded by the person's office on that date ("in December 2016, Barack Obama expelled ...": USAGOV).
 */
function atEventDate(m: Mention | null, date: string | null, people: Map<string, Person> | undefined): Mention | null {
  if (m === null || date === null || people === undefined || m.kind !== 'person' || m.name === null) return m;
  const person = people.get(m.name);
  if (person === undefined) return m;
  const code = codePerson(person, dayOf(date));
  if (code === null || code === m.code) return m;
  const intl = /^(IGO|NGO|IMG|MNC)/.test(code);
  return { ...m, code, country: intl ? null : code.slice(0, 3), role: !intl && code.length >= 6 ? code.slice(3, 6) : null };
}

/** Turns drafts into CodedEvent records (codebook values, dates, places) and merges repeats. */
export function assembleEvents(article: Article, drafts: DraftEvent[], codebook: Codebook, people?: Map<string, Person>): CodedEvent[] {
  const q = syntaxOf(article);
  const events: CodedEvent[] = drafts.map((d) => {
    const entry = codebook.get(d.code);
    if (entry === undefined) throw new Error(`pattern code ${d.code} is missing from the codebook`);
    const { date, date_source } = dateOf(article, q, article.tokens.start[d.head], d.head);
    if (date_source === 'text') {
      d = { ...d, source: atEventDate(d.source, date, people), target: atEventDate(d.target, date, people) };
    }
    const evidence = textSpan(article.text, d.evidenceStart, d.evidenceEnd);
    return {
      id: '',
      code: d.code,
      root: entry.root,
      quad_class: entry.quadClass,
      goldstein: entry.goldstein,
      source: d.source === null ? null : toActor(d.source),
      target: d.target === null ? null : toActor(d.target),
      date,
      date_source,
      location: locationOf(article, d.sentence, d.head),
      sentence: d.sentence,
      evidence,
      mentions_of_event: [evidence],
      modality: d.modality,
      rule: d.rule,
      via: { stage: CODER_STAGE, rule: d.rule },
    };
  });
  const merged = dedupeEvents(events);
  merged.forEach((e, i) => (e.id = `e${i + 1}`));
  return merged;
}

