/**
 * @module coder/triggers
 * Finds event predicates ("triggers") in one sentence: a token whose base form heads a
 * pattern, plus the pattern's other words found near it. The most specific pattern that
 * matches wins ("expel diplomats" over "expel"); words a trigger uses cannot head another
 * trigger ("held talks": "talks" belongs to "hold talk").
 */
import type { Pattern, PatternElement, PatternIndex, PatternKind } from './cameo/patterns.js';
import type { TokenView } from './tokens.js';

export interface Trigger {
  pattern: Pattern;
  /** Token index of the head word. */
  head: number;
  /** Token indexes of the pattern's other words that were found. */
  parts: number[];
  /** First and last token the predicate covers. */
  first: number;
  last: number;
  /** The preposition token (from an optional element) that introduces the target, if found. */
  targetPrep: number | null;
  passive: boolean;
  /** How the head was used. */
  kind: PatternKind;
}

/** How far after the head a pattern's words may lie. */
const WINDOW = 9;
const HARD_STOP = new Set([';', ':', '.', '?', '!', '(', ')', '—', '–']);
const NOUN_DETERMINERS = new Set([
  'a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'your', 'this', 'that', 'these', 'those', 'new', 'fresh', 'further',
  'any', 'no', "'s", '’s', 'of', 'more', 'first', 'second', 'latest', 'recent', 'joint', 'planned', 'proposed',
  'heavy', 'fierce', 'intense', 'renewed', 'deadly', 'bloody', 'major', 'massive', 'large-scale', 'sporadic',
]);

/** Nouns that undo what their object names ("the lifting of sanctions"). */
const REVERSAL_NOUNS = new Set(['lifting', 'easing', 'removal', 'relaxation', 'suspension', 'end', 'withdrawal', 'cancellation', 'repeal', 'waiver']);

interface Candidate {
  pattern: Pattern;
  parts: number[];
  targetPrep: number | null;
  score: number;
  passive: boolean;
}

/** Where the element's words match at token j: the last token of the match (a phrase spans several), else -1. */
function matchAt(view: TokenView, el: PatternElement, j: number, limit: number): number {
  if (view.is(j, el.words)) return j;
  for (const ph of el.phrases) {
    if (j + ph.length > limit) continue;
    let ok = true;
    for (let k = 0; k < ph.length && ok; k++) ok = view.forms(j + k).includes(ph[k]);
    if (ok) return j + ph.length - 1;
  }
  return -1;
}

/** First match of the element's words in [from, to): [first token, last token], or null. */
function findForward(view: TokenView, el: PatternElement, from: number, to: number): [number, number] | null {
  for (let j = from; j < to; j++) {
    const e = matchAt(view, el, j, to);
    if (e >= 0) return [j, e];
  }
  return null;
}

/** How far after its preposition a prepositional slot's noun may stand ("to the Turkish border"). */
const PREP_REACH = 4;

/** How many words an object phrase may have before its head noun ("a new $50 billion economic aid package"). */
const OBJECT_REACH = 6;
const OBJECT_BREAKS = new Set(['that', 'which', 'who', 'whether', 'because', 'if', ',', ';', ':']);

/** One past the last token that can still belong to the object phrase starting at `from`. */
function objectPhraseEnd(view: TokenView, from: number, windowEnd: number, passive = false): number {
  let j = from;
  const limit = Math.min(windowEnd, from + OBJECT_REACH);
  while (j < limit) {
    const p = view.pos(j);
    // After a passive head, "by" opens the agent: "was hit by Iraqi jets" has no object "jets".
    if (OBJECT_BREAKS.has(view.normal(j)) || ((p === 'VERB' || p === 'AUX') && j > from) || (passive && view.normal(j) === 'by')) break;
    j++;
  }
  return Math.max(j, Math.min(from + 1, windowEnd));
}

/** A `prep:` slot after `from`: the preposition and, unless any object will do, its noun. Tokens used, or null. */
function findPrepSlot(view: TokenView, el: PatternElement, from: number, to: number): { prep: number; parts: number[] } | null {
  for (let j = from; j < to; j++) {
    if (el.preps === null || !el.preps.has(view.normal(j))) continue;
    if (el.anyObject) return { prep: j, parts: [j] };
    const m = findForward(view, el, j + 1, Math.min(to, j + 1 + PREP_REACH));
    // The phrase's noun is not claimed: "killed in a clash with Chinese troops" leaves "clash" free to code the clash itself.
    if (m !== null) return { prep: j, parts: [j] };
  }
  return null;
}

/**
 * A verb after the head's own object noun opens a phrase of its own ("signed a decree
 * suspending a 2000 agreement"): the head's object words must not be looked for beyond it.
 */
function startsNewVerbPhrase(view: TokenView, head: number, j: number): boolean {
  return j > head + 2 && view.pos(j) === 'VERB' && view.pos(j - 1) === 'NOUN';
}

/** How far before the head a subject slot's word may stand ("police on Monday fired"). */
const SUBJECT_REACH = 6;

function matchPattern(view: TokenView, p: Pattern, head: number, sStart: number, windowEnd: number, passive: boolean): Candidate | null {
  for (let j = head + 1; j < windowEnd; j++) if (p.forbid.size > 0 && view.is(j, p.forbid)) return null;
  const parts: number[] = [];
  let score = 0;
  for (const el of p.before) {
    const reach = el.slot === 'subj' ? SUBJECT_REACH : 3;
    let found = -1;
    for (let j = head - 1; j >= Math.max(sStart, head - reach) && found < 0; j--) if (matchAt(view, el, j, head) >= 0) found = j;
    if (found < 0) return null;
    parts.push(found);
    score += 2;
  }
  let pos = head + 1;
  let targetPrep: number | null = null;
  let ok = true;
  for (const el of p.after) {
    if (el.slot === 'prep') {
      const m = findPrepSlot(view, el, pos, windowEnd);
      if (m !== null) {
        parts.push(...m.parts);
        pos = m.parts[m.parts.length - 1] + 1;
        score += el.optional ? 1 : 2;
        if (el.target) targetPrep = m.prep;
      } else if (!el.optional) {
        ok = false;
        break;
      }
      continue;
    }
    // A particle or preposition the pattern needs ("call on", "hand over") must follow closely;
    // a named object stays inside the verb's own object phrase.
    const to = !el.optional && el.particle ? Math.min(windowEnd, pos + 2) : el.slot === 'obj' ? objectPhraseEnd(view, pos, windowEnd, passive) : windowEnd;
    let m = findForward(view, el, pos, to);
    // "attacked … on Monday": a bare target preposition that opens a date is no target slot (nor a part of the phrase).
    if (m !== null && el.optional && el.target && m[1] === m[0] && m[0] + 1 < windowEnd && view.inDate(m[0] + 1)) m = null;
    if (m !== null) {
      parts.push(m[1]);
      pos = m[1] + 1;
      score += el.optional ? 1 : 2;
      if (el.target) targetPrep = m[0];
    } else if (!el.optional) {
      ok = false;
      break;
    }
  }
  if (!ok && passive) {
    // "Sanctions were imposed on Iran": the object words stand before a passive head.
    parts.length = p.before.length;
    score = 2 * p.before.length;
    targetPrep = null;
    for (const el of p.after) {
      if (el.slot === 'prep') {
        const m = findPrepSlot(view, el, head + 1, windowEnd);
        if (m === null && !el.optional) return null;
        if (m !== null) {
          parts.push(...m.parts);
          score += el.optional ? 1 : 2;
          if (el.target) targetPrep = m.prep;
        }
        continue;
      }
      if (el.optional) {
        const m = findForward(view, el, head + 1, windowEnd);
        if (m !== null && el.target) targetPrep = m[0];
        continue;
      }
      let found = -1;
      for (let j = head - 1; j >= Math.max(sStart, head - 12) && found < 0; j--) if (matchAt(view, el, j, head) >= 0) found = j;
      if (found < 0) return null;
      // "The lifting of sanctions on Iran was announced": the object belongs to the noun before it, not to the verb.
      let k = found - 1;
      while (k > sStart && (view.pos(k) === 'ADJ' || view.pos(k) === 'DET' || view.pos(k) === 'NUM')) k--;
      if (k > sStart && view.normal(k) === 'of' && view.is(k - 1, REVERSAL_NOUNS)) return null;
      parts.push(found);
      score += 2;
    }
    ok = true;
  }
  if (!ok) return null;
  return { pattern: p, parts, targetPrep, score, passive };
}

function bestMatch(view: TokenView, list: Pattern[] | undefined, head: number, sStart: number, windowEnd: number, passive: boolean) {
  if (list === undefined) return null;
  let best: Candidate | null = null;
  // A curated pattern that matches outranks every pattern of the broad lexicon (tier 1).
  for (const p of list) {
    if (best !== null && p.tier > best.pattern.tier) continue;
    const m = matchPattern(view, p, head, sStart, windowEnd, passive);
    if (m !== null && (best === null || m.pattern.tier < best.pattern.tier || (m.pattern.tier === best.pattern.tier && m.score > best.score))) best = m;
  }
  return best;
}

function lookupAll(view: TokenView, index: PatternIndex, kind: PatternKind, i: number): Pattern[] | undefined {
  let merged: Pattern[] | undefined;
  for (const f of view.forms(i)) {
    const list = index.lookup(kind, f);
    if (list === undefined) continue;
    merged = merged === undefined ? list : [...merged, ...list.filter((p) => !merged?.includes(p))];
  }
  return merged;
}

/** The trigger headed by token i in this pass, or null. */
function triggerAt(view: TokenView, index: PatternIndex, i: number, sStart: number, sEnd: number, pass: PatternKind): Trigger | null {
  const pos = view.pos(i);
  // The second half of a compound ("test-fired", "US-drafted", "rebel-held") is not a predicate of its own.
  if (i > sStart && view.normal(i - 1) === '-') return null;
  if (pos === 'PUNCT' || pos === 'DET' || pos === 'ADP' || pos === 'NUM' || pos === 'CCONJ' || pos === 'PRON') return null;
  // "while sanctions remained in place": a plural noun right before a finite verb is its subject, no verb.
  const subjectNoun = i + 1 < sEnd && view.normal(i).endsWith('s') && !view.normal(i).endsWith('ss') && (view.pos(i + 1) === 'VERB' || view.pos(i + 1) === 'AUX') && !view.normal(i + 1).endsWith('ing') && view.normal(i + 1) !== 'to';
  if (pass === 'verb' && subjectNoun) return null;
  // "the internationally recognised government", "a US-backed government": a participle between an
  // article and its noun modifies the noun; it is no predicate.
  if (pass === 'verb' && isAttributiveParticiple(view, i, sStart, sEnd)) return null;
  // "Jordan's visiting king", "the ruling party": a present participle between a determiner or
  // possessive and its noun describes the noun; it is neither a predicate nor a nominal event.
  if (isAttributivePresentParticiple(view, i, sStart, sEnd)) return null;
  // The broad lexicon (tier 1) reads a word as a verb only where the tagger says so: its
  // thousands of heads include common nouns ("forces", "targets") that the curated patterns avoid.
  const allVerbs = lookupAll(view, index, 'verb', i);
  const verbs = pos === 'VERB' ? allVerbs : allVerbs?.filter((p) => p.tier === 0);
  const nouns = lookupAll(view, index, 'noun', i);
  if (verbs === undefined && nouns === undefined) return null;
  const prev = i > sStart ? view.normal(i - 1) : '';
  // After a determiner or possessive a word is a noun; after an adjective or number only if the tagger agrees it is no verb.
  const nounContext = NOUN_DETERMINERS.has(prev) || (pos !== 'VERB' && i > sStart && (view.pos(i - 1) === 'ADJ' || view.pos(i - 1) === 'NUM'));
  // An "-ing" form outside a noun phrase is verbal ("..., arresting hundreds") whatever the tagger says.
  const prevTag = i > sStart ? view.pos(i - 1) : '';
  const verbal = pos === 'VERB' || pos === 'AUX' || (view.normal(i).endsWith('ing') && !['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(prevTag));
  const order: PatternKind[] = nounContext ? ['noun'] : verbal ? ['verb', 'noun'] : ['noun', 'verb'];
  // A token is tried in the pass of its preferred reading only, so each token is coded once.
  if (order[0] !== pass && !(pass === 'noun' && order.length > 1 && order[1] === 'noun')) return null;
  let windowEnd = i + 1;
  while (windowEnd < sEnd && windowEnd - i <= WINDOW && !HARD_STOP.has(view.normal(windowEnd)) && !startsNewVerbPhrase(view, i, windowEnd)) windowEnd++;
  const passive = view.isPassive(i, sStart);
  // A word the tagger calls a noun is read as a verb only where a verb can stand: after a
  // subject-like word or an auxiliary ("the ministers sign", "Russia shot"), not after a verb ("seen signs").
  const prevPos = i > sStart ? view.pos(i - 1) : '';
  const verbFallback =
    !subjectNoun && (['PROPN', 'NOUN', 'PRON', 'ADV', 'AUX', 'PART', 'ADP', 'SCONJ'].includes(prevPos) || (prev === ',' && view.normal(i).endsWith('ing')));
  for (const kind of pass === 'verb' ? order.filter((k) => k === 'verb') : order.filter((k) => k === 'noun' || (order[0] === 'noun' && verbFallback))) {
    const m = bestMatch(view, kind === 'verb' ? verbs : nouns, i, sStart, windowEnd, kind === 'verb' && passive);
    if (m === null) continue;
    const span = [i, ...m.parts];
    return {
      pattern: m.pattern,
      head: i,
      parts: m.parts,
      first: Math.min(...span),
      last: Math.max(...span),
      targetPrep: m.targetPrep,
      passive: kind === 'verb' && m.passive,
      kind,
    };
  }
  return null;
}

const ARTICLES = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);

/** A past participle right before a noun, after an article (and adverbs): "the (internationally) recognised government". */
function isAttributiveParticiple(view: TokenView, i: number, sStart: number, sEnd: number): boolean {
  const w = view.normal(i);
  if (!/(ed|en)$/.test(w) || i + 1 >= sEnd || !['NOUN', 'PROPN'].includes(view.pos(i + 1))) return false;
  let j = i - 1;
  while (j >= sStart && view.pos(j) === 'ADV') j--;
  return j >= sStart && ARTICLES.has(view.normal(j));
}

/** A present participle right before a noun, after an article or a possessive: "Jordan's visiting king". */
function isAttributivePresentParticiple(view: TokenView, i: number, sStart: number, sEnd: number): boolean {
  if (!view.normal(i).endsWith('ing') || i + 1 >= sEnd || !['NOUN', 'PROPN'].includes(view.pos(i + 1))) return false;
  let j = i - 1;
  while (j >= sStart && view.pos(j) === 'ADV') j--;
  return j >= sStart && (ARTICLES.has(view.normal(j)) || view.normal(j) === "'s" || view.normal(j) === '’s');
}

function isCapitalised(view: TokenView, i: number): boolean {
  const c = view.article.text.charCodeAt(view.article.tokens.start[i]);
  return c >= 65 && c <= 90;
}

/** A headline in title case ("US Expels 60 Russian Diplomats"): most of its words are capitalised. */
function isTitleCase(view: TokenView, sStart: number, sEnd: number): boolean {
  let words = 0;
  let caps = 0;
  for (let i = sStart; i < sEnd; i++) {
    const p = view.pos(i);
    if (p === 'PUNCT' || p === 'NUM' || p === 'DET' || p === 'ADP' || p === 'CCONJ' || p === 'PART') continue;
    words++;
    if (isCapitalised(view, i)) caps++;
  }
  return words > 0 && caps / words > 0.6;
}

/** Every trigger of sentence tokens [sStart, sEnd), in text order. */
export function findTriggers(view: TokenView, index: PatternIndex, sStart: number, sEnd: number): Trigger[] {
  const titleCase = isTitleCase(view, sStart, sEnd);
  // A title-case line after the article's first line is a related-link headline or a caption, not the article's news.
  // (A sentence full of names that ends with a full stop is prose.)
  let last = sEnd - 1;
  while (last > sStart && view.pos(last) === 'PUNCT' && view.normal(last) !== '.') last--;
  if (titleCase && view.normal(last) !== '.' && view.article.tokens.sentence[sStart] > 0) return [];
  const used = new Set<number>();
  const out: Trigger[] = [];
  // Verb readings first, so that a verb claims its object nouns ("imposed sanctions") before
  // those nouns are tried as heads of their own; then nouns over what is left.
  for (const pass of ['verb', 'noun'] as const) {
    for (let i = sStart; i < sEnd; i++) {
      if (used.has(i)) continue;
      // A capitalised word inside a sentence is a name ("on March 4", "Operation Strike"), unless the line is a title-case headline.
      if (!titleCase && i > sStart && isCapitalised(view, i)) continue;
      const t = triggerAt(view, index, i, sStart, sEnd, pass);
      if (t === null) continue;
      used.add(i);
      for (const j of t.parts) used.add(j);
      out.push(t);
    }
  }
  return out.sort((a, b) => a.head - b.head);
}
