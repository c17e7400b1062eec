/**
 * @module coder/multilateral
 * Stage `coder.multilateral.v1`, run after the CAMEO coder: a sentence in which a grouping of
 * states (data/actors/groupings.tsv: "the G20", "the six world powers") or three or more states
 * meet, talk or sign (data/cameo/multilateral-triggers.tsv) reports ONE event with a participant
 * list, not one event per pair. The pairwise events the coder found in that sentence between
 * participants, with a code of the same family, are folded into it. Pairs are made on request
 * (`expandDyadic`, `detente events --dyadic`); stores count the event once per pair in dyad
 * timelines and keep it out of the dyad overview.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../model/article.js';
import type { Actor, CodedEvent, Modality } from '../model/event.js';
import type { Mention } from '../model/mention.js';
import { textSpan } from '../model/span.js';
import { defineStage } from '../pipeline/stage.js';
import { defaultDataDir } from '../nlp/actors/tsv.js';
import { loadCodebook, type Codebook } from './cameo/codebook.js';
import { syntaxOf, type SyntaxQuery } from '../nlp/syntax/query.js';

export const MULTILATERAL_STAGE = 'coder.multilateral.v1';

export interface Grouping {
  name: string;
  /** Lower-cased names (and case-kept abbreviations) that name it in text. */
  patterns: RegExp[];
  code: string | null;
  members: string[];
}

export interface MultilateralResources {
  groupings: Grouping[];
  triggers: Map<string, string>;
  codebook: Codebook;
}

function tsvRows(path: string): string[][] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return lines.slice(1).map((l) => l.split('\t'));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name as a whole-word pattern: all-capital names and names with digits keep their case ("G20", "BRICS"). */
function namePattern(name: string): RegExp {
  const exact = /^[A-Z0-9+\-\s]+$/.test(name) && /[A-Z]/.test(name);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, exact ? 'gu' : 'giu');
}

export function loadMultilateralResources(dataDir = defaultDataDir()): MultilateralResources {
  const groupings = tsvRows(join(dataDir, 'actors', 'groupings.tsv')).map(([name, aliases = '', code = '', members = '']) => ({
    name,
    patterns: [name, ...aliases.split('|').filter((a) => a !== '')].map(namePattern),
    code: code === '' ? null : code,
    members: members.split('|').filter((m) => m !== ''),
  }));
  const triggers = new Map(tsvRows(join(dataDir, 'cameo', 'multilateral-triggers.tsv')).map(([lemma, code]) => [lemma, code]));
  return { groupings, triggers, codebook: loadCodebook() };
}

/** The code families a pairwise reading of a meeting or an accord may carry (folded into the event). */
const FOLDED_ROOTS = new Set(['03', '04', '05', '06']);

/**
 * How a participant hangs on the meeting or signing word in the parse: as its subject ("Russia,
 * Iran and Turkey signed"), as a with/between/among partner ("met with", "talks between"), or
 * inside such a phrase ("the leaders of Russia and Ukraine"). A country that is a topic ("discuss
 * Syria") or an object of something else is not a participant.
 */
const PARTICIPANT_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'obl', 'nmod', 'obj']);
const PARTNER_PREPOSITIONS = new Set(['with', 'between', 'among', 'amongst', 'by']);
/** Relations that keep a word inside the participant phrase while climbing to its head. */
const PHRASE_RELATIONS = new Set(['conj', 'compound', 'flat', 'flat:name', 'appos', 'amod', 'nmod:poss', 'nmod', 'det', 'nummod']);
/** Prepositions that make a grouping the occasion of a meeting rather than a party to it ("at the G20 summit"). */
const VENUE_PREPOSITIONS = new Set(['at', 'during', 'on', 'ahead', 'before', 'after', 'on the sidelines of', 'in']);

/** Last token of a mention (the head of a name in English). */
function mentionToken(article: Article, m: Mention, s: number): number {
  const { tokenStart, tokenEnd } = article.sentences[s];
  let last = -1;
  for (let i = tokenStart; i < tokenEnd; i += 1) if (article.tokens.start[i] >= m.start && article.tokens.end[i] <= m.end) last = i;
  return last;
}

/** The tokens that stand for the meeting: the trigger and, for a noun ("talks", "summit"), the verb it is the object or subject of. */
function meetingHeads(q: SyntaxQuery, trigger: number): Set<number> {
  const heads = new Set([trigger]);
  const rel = q.deprel(trigger);
  if (rel === 'obj' || rel === 'nsubj' || rel === 'nsubj:pass' || rel === 'compound') heads.add(q.head(trigger));
  for (const c of q.conjuncts(trigger)) heads.add(c);
  return heads;
}

/** Is token t, climbing through its phrase, a participant of the meeting? */
function isParticipant(q: SyntaxQuery, t: number, heads: Set<number>): boolean {
  let x = t;
  for (let guard = 0; guard < 12 && x >= 0; guard += 1) {
    const up = q.head(x);
    if (up < 0) return false;
    const rel = q.deprel(x);
    if (heads.has(up)) {
      if (rel === 'nsubj' || rel === 'nsubj:pass' || rel === 'nmod:poss' || rel === 'compound' || rel === 'amod') return true;
      if (rel === 'obj') return true;
      if (PARTICIPANT_RELATIONS.has(rel) || rel.startsWith('obl') || rel.startsWith('nmod')) {
        const prep = q.preposition(x);
        return prep !== null && PARTNER_PREPOSITIONS.has(prep);
      }
      return rel === 'conj';
    }
    if (!PHRASE_RELATIONS.has(rel) && !rel.startsWith('nmod')) return false;
    x = up;
  }
  return false;
}

/** How many different states the sentence names outside the grouping. */
function namedSides(article: Article, s: number, grouping: { start: number; end: number }): number {
  const sides = new Set<string>();
  for (const m of article.mentions) {
    if (m.sentence === s && m.kind !== 'location' && m.country !== null && (m.end <= grouping.start || m.start >= grouping.end)) sides.add(m.country);
  }
  return sides.size;
}

/** Is the grouping the occasion ("at the G20 summit") rather than a party? */
function isVenue(q: SyntaxQuery, article: Article, s: number, start: number, end: number): boolean {
  const { tokenStart, tokenEnd } = article.sentences[s];
  for (let i = tokenStart; i < tokenEnd; i += 1) {
    if (article.tokens.start[i] < start || article.tokens.end[i] > end) continue;
    let x = i;
    for (let guard = 0; guard < 4 && x >= 0; guard += 1) {
      const prep = q.preposition(x);
      if (prep !== null) return VENUE_PREPOSITIONS.has(prep);
      if (q.deprel(x) !== 'compound' && q.deprel(x) !== 'nmod' && q.deprel(x) !== 'amod') break;
      x = q.head(x);
    }
  }
  return false;
}

/** A member code as an actor of the sentence (a state or an organisation named only through the grouping). */
function memberActor(code: string, grouping: Grouping, start: number, end: number, text: string): Actor {
  const country = /^[A-Z]{3}$/.test(code) ? code : null;
  return { code, country, role: null, name: null, text: text.slice(start, end), start, end };
}

function mentionActor(m: Mention): Actor {
  return { code: m.code ?? m.country ?? '', country: m.country, role: m.role, name: m.name, text: m.text, start: m.start, end: m.end };
}

function dateAt(article: Article, offset: number): { date: string | null; date_source: 'text' | 'published' | null } {
  for (const c of article.clauses) {
    if (offset >= c.start && offset < c.end && c.date !== null) return { date: c.date, date_source: c.dateSource === 'published' ? 'published' : 'text' };
  }
  return { date: article.meta.published, date_source: article.meta.published === null ? null : 'published' };
}

/** The multilateral events of one article, with the pairwise events they replace removed. */
export function codeMultilateral(article: Article, resources: MultilateralResources): Article {
  const { tokens, text } = article;
  const made: CodedEvent[] = [];
  const folded = new Set<CodedEvent>();
  // The parse is read once per article; every sentence queries it.
  const q = syntaxOf(article);
  article.sentences.forEach((sentence, s) => {
    // The first trigger word of the sentence.
    let trigger = -1;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i += 1) {
      if (resources.triggers.has(tokens.lemma[i]) || resources.triggers.has(tokens.normal[i])) {
        trigger = i;
        break;
      }
    }
    if (trigger < 0) return;
    const words = text.slice(sentence.start, sentence.end);
    let grouping: { g: Grouping; start: number; end: number } | null = null;
    for (const g of resources.groupings) {
      for (const p of g.patterns) {
        p.lastIndex = 0;
        const m = p.exec(words);
        if (m && (grouping === null || sentence.start + m.index < grouping.start)) grouping = { g, start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
      }
    }
    const parsed = q.parsed(trigger);
    const heads = parsed ? meetingHeads(q, trigger) : null;
    // Named states that take part, read from the parse (every state of the sentence when it was not parsed).
    const states = article.mentions.filter((m) => {
      if (m.sentence !== s || m.kind === 'location' || m.country === null) return false;
      if (grouping !== null && m.start < grouping.end && m.end > grouping.start) return false;
      if (heads === null) return true;
      const t = mentionToken(article, m, s);
      return t >= 0 && isParticipant(q, t, heads);
    });
    // Two named sides meeting "at the G20 summit" are a bilateral meeting at the summit, not the summit.
    if (grouping !== null && parsed && namedSides(article, s, grouping) >= 2 && isVenue(q, article, s, grouping.start, grouping.end)) grouping = null;
    const participants: Actor[] = [];
    const seen = new Set<string>();
    if (grouping) {
      for (const code of grouping.g.members) {
        seen.add(code);
        participants.push(memberActor(code, grouping.g, grouping.start, grouping.end, text));
      }
    }
    for (const m of states) {
      if (seen.has(m.country!)) continue;
      seen.add(m.country!);
      participants.push(mentionActor(m));
    }
    if (participants.length < 3) return;
    const lemma = resources.triggers.has(tokens.lemma[trigger]) ? tokens.lemma[trigger] : tokens.normal[trigger];
    const code = resources.triggers.get(lemma)!;
    const entry = resources.codebook.get(code);
    if (!entry) return;
    let modality: Modality = 'asserted';
    if (parsed) {
      const cues = q.cues(q.clauseOf(trigger));
      if (cues.negated) modality = 'negated';
      else if (cues.modal !== null || cues.future || cues.intention !== null || cues.condition !== null || cues.question) modality = 'hypothetical';
    } else if (tokens.negated[trigger]) modality = 'negated';
    const place = article.mentions.find((m) => m.sentence === s && m.kind === 'location');
    const { date, date_source } = dateAt(article, tokens.start[trigger]);
    // The coder's pairwise readings of this same meeting or accord.
    const inside = new Set(participants.map((p) => p.country ?? p.code));
    const pairwise = article.events.filter(
      (e) => e.sentence === s && FOLDED_ROOTS.has(e.root) && (e.source === null || inside.has(e.source.country ?? e.source.code)) && (e.target === null || inside.has(e.target.country ?? e.target.code)),
    );
    for (const e of pairwise) folded.add(e);
    const organisation = grouping ? { name: grouping.g.name, code: grouping.g.code } : null;
    const orgActor: Actor | null =
      grouping && grouping.g.code ? { code: grouping.g.code, country: null, role: null, name: grouping.g.name, text: text.slice(grouping.start, grouping.end), start: grouping.start, end: grouping.end } : null;
    made.push({
      id: '',
      code,
      root: entry.root,
      quad_class: entry.quadClass,
      goldstein: entry.goldstein,
      source: orgActor,
      target: null,
      date,
      date_source,
      location: place ? { name: place.name ?? place.text, country: place.country, lat: place.lat ?? null, lon: place.lon ?? null } : null,
      sentence: s,
      evidence: textSpan(text, sentence.start, sentence.end),
      modality,
      rule: `multilateral:${lemma}${grouping ? `+${grouping.g.name}` : ''}`,
      participants,
      organisation,
      dyads: pairwise.map((e) => ({ source: e.source, target: e.target, code: e.code, modality: e.modality })),
      via: { stage: MULTILATERAL_STAGE },
    });
  });
  if (made.length === 0) return article;
  const events = [...article.events.filter((e) => !folded.has(e)), ...made].sort((x, y) => x.evidence.start - y.evidence.start || x.sentence - y.sentence);
  // Ids stay "e1", "e2", ... in text order, as the coder gives them.
  article.events = events.map((e, i) => ({ ...e, id: `e${i + 1}` }));
  return article;
}

export const multilateralStage = defineStage<Record<string, never>>({
  name: MULTILATERAL_STAGE,
  requires: ['events', 'mentions', 'tokens', 'clauses', 'sentences', 'meta', 'syntax'],
  assigns: ['events'],
  create() {
    const resources = loadMultilateralResources();
    return (article) => codeMultilateral(article, resources);
  },
});
