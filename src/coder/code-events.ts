/**
 * @module coder/code-events
 * The event coder proper: for each sentence, find triggers, give each a source and a
 * target from the actor mentions, a modality, a date (from the clause layer) and a place,
 * then merge repeats of the same event across the article into one event with several
 * evidence spans.
 */
import type { Article } from '../model/article.js';
import type { Actor, CodedEvent, EventLocation, Modality } from '../model/event.js';
import type { Mention } from '../model/mention.js';
import { textSpan } from '../model/span.js';
import type { Codebook } from './cameo/codebook.js';
import type { PatternIndex } from './cameo/patterns.js';
import { modalityOf } from './modality.js';
import { sameActor, actorGroups, betweenPair, byAgent, groupAfterToken, modifierBefore, objectAfter, subjectBefore, type ActorGroup, type ActorRef } from './roles.js';
import { TokenView, tokenRange, SPEECH_VERBS } from './tokens.js';
import { findTriggers, type Trigger } from './triggers.js';
import { dedupeEvents } from './dedupe.js';

export const CODER_STAGE = 'coder.cameo.v1';

export interface CoderOptions {
  /** Keep events whose source has no country or IGO code (default false: such events are dropped). */
  keepSourceless: boolean;
  /** Take a target the sentence leaves implicit from the previous sentence (rule gets "+carried-target"). */
  carryTarget: boolean;
  /** Take the subject of a sentence that starts with a pronoun from the previous sentence's subject. */
  carrySubject: boolean;
  /** Drop events with no target (CAMEO events are dyadic; default true). */
  requireTarget: boolean;
  /** A trigger with no source of its own takes the source of the sentence's previous trigger ("X expelled ... and closed ..."). */
  shareSource: boolean;
  /** When no actor is the target, take the country of a place after "in", "to", "at", "on" ... as the target. */
  placeTargets: boolean;
  /** When neither the clause nor the previous sentence gives a target, take another country's actor from the same sentence. */
  sentenceTargets: boolean;
  /** With no target: protests (14) and non-state demands (10) are aimed at the own government, repression (175) at the own civilians. */
  impliedTargets: boolean;
}

export const DEFAULT_CODER_OPTIONS: CoderOptions = { keepSourceless: false, carryTarget: true, carrySubject: true, requireTarget: true, shareSource: false, placeTargets: false, sentenceTargets: false, impliedTargets: true };

export interface CoderResources {
  codebook: Codebook;
  patterns: PatternIndex;
}

/** Codes whose target may be the country of a place: travel ("visited Moscow") and force ("struck targets in Syria"). */
const PLACE_TARGET_CODES = new Set(['042', '043']);
const PLACE_TARGET_ROOTS = new Set(['15', '16', '17', '18', '19', '20']);
const PLACE_PREPS = new Set(['to', 'in', 'at', 'on', 'into', 'near', 'against', 'towards', 'toward', 'from']);
const STATE_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our']);
const SETTING_PREPS = new Set(['during', 'after', 'following', 'amid', 'at']);
/**
 * Roots whose target, when the clause names none, is another country's actor anywhere in the sentence: shows of
 * force ("massed near the Ukrainian border"), reduced relations ("suspended a deal ... the US strike") and
 * statements (015/016: "claimed responsibility"). Measured on the development gold set; other roots lose precision.
 */
const SENTENCE_TARGET_ROOTS = new Set(['15', '16', '01']);
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we']);
const INTERNATIONAL = /^(IGO|NGO|IMG|MNC|NGM|INT|UIS)/;

function toActor(m: Mention): Actor {
  return { code: m.code ?? '', country: m.country, role: m.role, name: m.name, text: m.text, start: m.start, end: m.end };
}

function hasIdentity(m: Mention): boolean {
  return m.code !== null && (m.country !== null || INTERNATIONAL.test(m.code) || /^[A-Z]{3}/.test(m.code));
}

interface SentenceContext {
  index: number;
  sStart: number;
  sEnd: number;
  groups: ActorGroup[];
  locations: Mention[];
  /** Subject group of the sentence's first trigger, carried to the next sentence for pronouns. */
  firstSubject: ActorGroup | null;
  /** Head tokens of every trigger in the sentence. */
  heads: Set<number>;
}

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

function findRoles(view: TokenView, ctx: SentenceContext, t: Trigger, prev: SentenceContext | null, options: CoderOptions) {
  const { groups, sStart, sEnd } = ctx;
  const reach = Math.min(sEnd, t.last + 12);
  let source: ActorGroup | null = null;
  let target: ActorGroup | null = null;
  let carried = '';
  if (t.kind === 'verb' && t.passive) {
    source = byAgent(view, groups, t.head, reach);
    target = subjectBefore(view, groups, t.head, sStart);
    if (t.targetPrep !== null) target = groupAfterToken(groups, t.targetPrep) ?? target;
    // "The seizure of the vessels by Russia was condemned by NATO": the patient may sit inside the subject phrase.
    target ??= [...groups].reverse().find((g) => g.last < t.head && g !== source) ?? null;
  } else if (t.kind === 'verb') {
    source = subjectBefore(view, groups, t.first, sStart);
    if (t.targetPrep !== null) target = groupAfterToken(groups, t.targetPrep);
    target ??= objectAfter(view, groups, t.head, reach, sStart, source);
    target ??= pronounObject(view, groups, t, source);
  } else {
    const pair = betweenPair(view, groups, t, reach);
    if (pair !== null) {
      source = { members: [pair.members[0]], first: pair.members[0].first, last: pair.members[0].last };
      target = { members: pair.members.slice(1), first: pair.members[1].first, last: pair.last };
    } else {
      source = byAgent(view, groups, t.head, reach, true) ?? modifierBefore(view, groups, t.head, sStart);
      if (t.targetPrep !== null) target = groupAfterToken(groups, t.targetPrep);
      target ??= objectAfter(view, groups, t.head, Math.min(reach, t.last + 6), sStart, source);
      target ??= passiveSubjectOf(view, groups, t, sStart);
      if (source === null) source = nounSubject(view, groups, t, sStart, ctx.heads);
    }
  }
  if (source === null && options.carrySubject && prev?.firstSubject && t.kind === 'verb' && !t.passive) {
    // "It said ...", "They expelled ...": a pronoun subject right at the start stands for the last sentence's subject.
    let j = t.first - 1;
    while (j >= sStart && (view.pos(j) === 'AUX' || view.pos(j) === 'ADV' || view.pos(j) === 'PART')) j--;
    if (j >= sStart && PRONOUN_SUBJECTS.has(view.normal(j))) source = prev.firstSubject;
  }
  if (target === source) target = null;
  if (target === null && (options.sentenceTargets || SENTENCE_TARGET_ROOTS.has(t.pattern.code.slice(0, 2))) && source !== null) {
    // "Ukraine put its forces on alert after Moscow's parliament ...": the adversary named elsewhere in the sentence.
    const src = source.members[0].mention;
    const other = groups.find((g) => g !== source && g.members[0].mention.country !== null && g.members[0].mention.country !== src.country);
    if (other !== undefined) {
      target = other;
      carried = '+sentence-target';
    }
  }
  if (target === null && options.carryTarget && prev !== null && source !== null) {
    const srcCountry = source.members[0].mention.country;
    const last = [...prev.groups].reverse().find((g) => g.members[0].mention.country !== srcCountry);
    if (last !== undefined) {
      target = last;
      carried = '+carried-target';
    }
  }
  return { source, target, carried };
}

/** "…, accusing it of": an object pronoun right after the verb stands for the last other actor before it. */
function pronounObject(view: TokenView, groups: ActorGroup[], t: Trigger, source: ActorGroup | null): ActorGroup | null {
  const next = t.head + 1;
  if (next >= view.count || !OBJECT_PRONOUNS.has(view.normal(next))) return null;
  const src = source?.members[0].mention;
  return [...groups].reverse().find((g) => g.last < t.head && g !== source && (src === undefined || !sameActor(src, g.members[0].mention))) ?? null;
}

/** "X was killed by a US drone strike": a noun in the by-phrase of a passive verb acts on that verb's subject. */
function passiveSubjectOf(view: TokenView, groups: ActorGroup[], t: Trigger, sStart: number): ActorGroup | null {
  for (let j = t.first - 1; j >= Math.max(sStart + 1, t.first - 5); j--) {
    if (view.normal(j) !== 'by') continue;
    const verb = j - 1;
    if (view.pos(verb) === 'VERB' && view.isPassive(verb, sStart)) return subjectBefore(view, groups, verb, sStart);
    return null;
  }
  return null;
}

/** A noun's source when it is the object of a plain (non-event, non-speech) verb: "Russia began a military buildup". */
function nounSubject(view: TokenView, groups: ActorGroup[], t: Trigger, sStart: number, heads: Set<number>): ActorGroup | null {
  for (let j = t.first - 1; j >= sStart; j--) {
    const p = view.pos(j);
    const w = view.normal(j);
    // "his first meeting with Putin", "during a meeting", "after ten hours of talks": the clause's subject takes part.
    if (POSSESSIVES.has(w) || SETTING_PREPS.has(w)) return subjectBefore(view, groups, t.first, sStart);
    if (w === ',' || w === ';' || w === 'that' || p === 'ADP' || p === 'CCONJ') return null;
    if (p === 'VERB') {
      // The object of an event verb ("condemned the strikes") or of a speech verb is not done by that verb's subject.
      if (view.is(j, SPEECH_VERBS) || heads.has(j)) return null;
      return subjectBefore(view, groups, j, sStart);
    }
  }
  return null;
}

function placeTarget(view: TokenView, ctx: SentenceContext, t: Trigger, article: Article): Mention | null {
  for (const loc of ctx.locations) {
    if (loc.start < view.article.tokens.end[t.head] || loc.country === null) continue;
    const r = tokenRange(article, loc.start, loc.end);
    if (r === null || r[0] - t.last > 8) continue;
    let j = r[0] - 1;
    while (j > t.head && (view.pos(j) === 'DET' || view.pos(j) === 'ADJ' || view.pos(j) === 'PROPN')) j--;
    if (PLACE_PREPS.has(view.normal(j)) || j === t.head) {
      return { ...loc, code: loc.country, role: null, kind: 'country' };
    }
  }
  return null;
}

/** Codes all triggers of one article into draft events (before dedupe and record assembly). */
export function draftEvents(article: Article, res: CoderResources, options: CoderOptions): DraftEvent[] {
  const view = new TokenView(article);
  const bySentence = new Map<number, { m: Mention; i: number }[]>();
  const locations = new Map<number, Mention[]>();
  article.mentions.forEach((m, i) => {
    if (m.kind === 'location') {
      const list = locations.get(m.sentence) ?? [];
      list.push(m);
      locations.set(m.sentence, list);
      if (m.code === null) return;
    }
    if (m.code === null || m.code === '') return;
    const list = bySentence.get(m.sentence) ?? [];
    list.push({ m, i });
    bySentence.set(m.sentence, list);
  });
  const drafts: DraftEvent[] = [];
  let prev: SentenceContext | null = null;
  article.sentences.forEach((s, index) => {
    const ctx: SentenceContext = {
      index,
      sStart: s.tokenStart,
      sEnd: s.tokenEnd,
      groups: actorGroups(article, view, bySentence.get(index) ?? []),
      locations: locations.get(index) ?? [],
      firstSubject: null,
      heads: new Set(),
    };
    const triggers = findTriggers(view, res.patterns, s.tokenStart, s.tokenEnd);
    for (const t of triggers) ctx.heads.add(t.head);
    let lastSource: ActorGroup | null = null;
    for (const t of triggers) {
      const roles = findRoles(view, ctx, t, prev, options);
      if (roles.source === null && options.shareSource && lastSource !== null && roles.target !== lastSource) roles.source = lastSource;
      if (roles.source !== null) lastSource = roles.source;
      const { source, target, carried } = roles;
      if (ctx.firstSubject === null && source !== null && t.kind === 'verb') ctx.firstSubject = source;
      const from = source !== null && source.last < t.head ? source.last + 1 : s.tokenStart;
      const modality = modalityOf(view, t, triggers, s.tokenStart, s.tokenEnd, from);
      drafts.push(...expand(view, ctx, t, source, target, carried, modality, article, options));
    }
    prev = ctx;
  });
  return drafts;
}

/** An implied target (no words of its own, so its span is the source's): the source's own government or civilians. */
function impliedActor(source: Mention, country: string, role: string): Mention {
  return { ...source, kind: 'country', code: `${country}${role}`, country, role, name: null };
}

/** One (source, target, code) reading of a trigger. */
type Pair = [Mention | null, Mention | null, string];

/** Source and target pairs of a trigger: one per coordinated actor, both ways for reciprocal codes. */
function pairsOf(t: Trigger, sources: (Mention | null)[], targets: (Mention | null)[]): Pair[] {
  const { code, reciprocal, reverseCode } = t.pattern;
  const pairs: Pair[] = [];
  if (reciprocal && sources.length >= 2) {
    // "Russia, Iran and Turkey signed a memorandum", "French and Malian troops carried out joint raids
    // against militants": every member with every other, both ways; the object is not a party.
    for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b, code]);
    return pairs;
  }
  for (const s of sources) {
    for (const tg of targets) {
      pairs.push([s, tg, code]);
      if (tg === null || s === null) continue;
      if (reciprocal) pairs.push([tg, s, code]);
      if (reverseCode !== null) pairs.push([tg, s, reverseCode]);
    }
  }
  return pairs;
}

function expand(
  view: TokenView,
  ctx: SentenceContext,
  t: Trigger,
  source: ActorGroup | null,
  target: ActorGroup | null,
  carried: string,
  modality: Modality,
  article: Article,
  options: CoderOptions,
): DraftEvent[] {
  const sources = source?.members.map((r) => r.mention) ?? [null];
  let targets: (Mention | null)[] = target?.members.map((r) => r.mention) ?? [null];
  if (target === null && (options.placeTargets || PLACE_TARGET_CODES.has(t.pattern.code) || PLACE_TARGET_ROOTS.has(t.pattern.code.slice(0, 2)))) {
    targets = [placeTarget(view, ctx, t, article)];
  }
  if (targets[0] === null && options.impliedTargets && sources[0] !== null) {
    // CAMEO's convention for domestic events with no named target: protesters act on their own
    // government; police repression and crackdowns act on their own civilians.
    const country = sources[0].country;
    const root = t.pattern.code.slice(0, 2);
    const nonState = sources[0].role === null || !STATE_ROLES.has(sources[0].role);
    const role = root === '14' || (root === '10' && nonState) ? 'GOV' : t.pattern.code === '175' ? 'CVL' : null;
    if (country !== null && role !== null) targets = [impliedActor(sources[0], country, role)];
  }
  const out: DraftEvent[] = [];
  const tk = article.tokens;
  const sentence = article.sentences[ctx.index];
  for (const [s, tg, code] of pairsOf(t, sources, targets)) {
    if ((s === null || !hasIdentity(s)) && !options.keepSourceless) continue;
    // Governments, armies, police and courts do not protest (root 14): "soldiers marched" at a parade is no rally.
    if (code.startsWith('14') && s !== null && s.role !== null && STATE_ROLES.has(s.role)) continue;
    if (tg === null && options.requireTarget) continue;
    if (s !== null && tg !== null && sameActor(s, tg)) continue;
    const starts = [tk.start[t.first]];
    const ends = [tk.end[t.last]];
    for (const m of [s, tg]) {
      if (m === null || m.sentence !== ctx.index || (m === tg && carried)) continue;
      starts.push(m.start);
      ends.push(m.end);
    }
    out.push({
      code,
      source: s,
      target: tg,
      sentence: ctx.index,
      head: t.head,
      evidenceStart: Math.max(sentence.start, Math.min(...starts)),
      evidenceEnd: Math.min(sentence.end, Math.max(...ends)),
      modality,
      rule: t.pattern.rule + carried,
    });
  }
  return out;
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

function dateOf(article: Article, offset: number): { date: string | null; date_source: 'text' | 'published' | null } {
  for (const c of article.clauses) {
    if (offset >= c.start && offset < c.end && c.date !== null) {
      return { date: c.date, date_source: c.dateSource === 'text' || c.dateSource === 'carried' ? 'text' : 'published' };
    }
  }
  return { date: article.meta.published, date_source: article.meta.published === null ? null : 'published' };
}

/** Turns drafts into CodedEvent records (codebook values, dates, places) and merges repeats. */
export function assembleEvents(article: Article, drafts: DraftEvent[], codebook: Codebook): CodedEvent[] {
  const events: CodedEvent[] = drafts.map((d) => {
    const entry = codebook.get(d.code);
    if (entry === undefined) throw new Error(`pattern code ${d.code} is missing from the codebook`);
    const { date, date_source } = dateOf(article, article.tokens.start[d.head]);
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

/**
 * Codes the events of an article.
 * @example
 *   const article = codeEvents(withMentions, loadCoderResources());
 *   article.events[0].code // "163"
 */
export function codeEvents(article: Article, res: CoderResources, options: Partial<CoderOptions> = {}): Article {
  const opts = { ...DEFAULT_CODER_OPTIONS, ...options };
  article.events = assembleEvents(article, draftEvents(article, res, opts), res.codebook);
  return article;
}
