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

const MODAL = new Set(['will', 'would', 'could', 'may', 'might', 'shall', 'should', 'plan', 'expect', 'hope', 'to']);
const NEGATION = new Set(['not', "n't", 'never', 'no']);

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
    const states = article.mentions.filter((m) => m.sentence === s && m.kind !== 'location' && m.country !== null && (grouping === null || m.start >= grouping.end || m.end <= grouping.start));
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
    for (let k = Math.max(sentence.tokenStart, trigger - 3); k < trigger; k += 1) {
      if (NEGATION.has(tokens.normal[k]) || tokens.negated[trigger]) modality = 'negated';
      else if (MODAL.has(tokens.normal[k]) && modality === 'asserted') modality = 'hypothetical';
    }
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
  requires: ['events', 'mentions', 'tokens', 'clauses', 'sentences', 'meta'],
  assigns: ['events'],
  create() {
    const resources = loadMultilateralResources();
    return (article) => codeMultilateral(article, resources);
  },
});
