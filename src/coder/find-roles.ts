/**
 * @module coder/find-roles
 * Source and target of one trigger, from the actor groups of its sentence: subject or by-phrase,
 * object or prepositional target, "between A and B", possessors of nouns, pronouns, and the
 * fallbacks for targets the clause leaves implicit (elsewhere in the sentence, previous sentence).
 */
import type { Article } from '../model/article.js';
import type { Mention } from '../model/mention.js';
import type { CoderOptions } from './options.js';
import { sameActor, betweenPair, byAgent, directObject, groupAfterToken, modifierBefore, objectAfter, subjectBefore, type ActorGroup } from './roles.js';
import { tokenRange, SPEECH_VERBS, type TokenView } from './tokens.js';
import type { Trigger } from './triggers.js';

/** `via.rule` of a target made from a place mention (its country), not from an actor mention. */
export const PLACE_TARGET_RULE = 'place-target';
/**
 * Codes whose target may be the country of a place: travel ("visited Moscow"), aid ("continued to send arms to
 * Pakistan": a country after "to" is read as a place by the places stage) and force ("struck targets in Syria").
 */
export const PLACE_TARGET_CODES = new Set(['042', '043']);
export const PLACE_TARGET_ROOTS = new Set(['07', '15', '16', '17', '18', '19', '20']);
const VIOLENCE_ROOTS = new Set(['18', '19', '20']);
const PLACE_PREPS = new Set(['to', 'in', 'at', 'on', 'into', 'near', 'against', 'towards', 'toward', 'from']);
export const STATE_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our']);
const SETTING_PREPS = new Set(['during', 'amid', 'at']);
const AFTER_PREPS = new Set(['after', 'following']);
/**
 * Roots whose target, when the clause names none, is another country's actor anywhere in the sentence: shows of
 * force ("massed near the Ukrainian border"), reduced relations ("suspended a deal ... the US strike") and
 * statements (015/016: "claimed responsibility"). Measured on the development gold set; other roots lose precision.
 */
const SENTENCE_TARGET_ROOTS = new Set(['15', '16', '01']);
const ORDER_VERBS = new Set(['order', 'force', 'tell', 'instruct', 'compel', 'direct', 'require', 'oblige']);
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we']);

export interface SentenceContext {
  index: number;
  sStart: number;
  sEnd: number;
  groups: ActorGroup[];
  locations: Mention[];
  /** Subject group of the sentence's first trigger, carried to the next sentence for pronouns. */
  firstSubject: ActorGroup | null;
  /** Head tokens of every trigger in the sentence. */
  heads: Set<number>;
  /** Groups that took part (as source or target) in an event of the sentence: the only actors a next sentence may carry. */
  participants: ActorGroup[];
}

/** Source and target groups of a trigger; `carried` is the rule suffix when the target came from outside the clause. */
export function findRoles(view: TokenView, ctx: SentenceContext, t: Trigger, prev: SentenceContext | null, options: CoderOptions) {
  const { sStart, sEnd } = ctx;
  // A word of the predicate is no actor of it ("threatened military action against North Korea": not the military).
  // (A noun part may still be the actor acted on: "beat protesters", "expelled diplomats".)
  const groups = ctx.groups.filter((g) => !(g.first > t.head && g.first === g.last && t.parts.includes(g.first) && view.pos(g.first) !== 'NOUN' && view.pos(g.first) !== 'PROPN'));
  const reach = Math.min(sEnd, t.last + 12);
  let source: ActorGroup | null = null;
  let target: ActorGroup | null = null;
  let carried = '';
  if (t.kind === 'verb' && t.passive) {
    source = byAgent(view, groups, t.head, reach);
    target = sameClause(view, subjectBefore(view, groups, t.head, sStart), t.head);
    if (t.targetPrep !== null) target = groupAfterToken(groups, t.targetPrep) ?? target;
    // "The seizure of the vessels by Russia was condemned by NATO": the patient may sit inside the subject phrase.
    target ??= sameClause(view, [...groups].reverse().find((g) => g.last < t.head && g !== source) ?? null, t.head);
  } else if (t.kind === 'verb') {
    // "Russian hackers targeted ...": a required word before the verb may itself name the actor.
    source = groups.find((g) => g.last < t.head && t.parts.some((p) => p < t.head && p >= g.first && p <= g.last)) ?? subjectBefore(view, groups, t.first, sStart);
    // "X said tests had shown that Y was poisoned, and demanded ...": after ", and" the verb returns to the main clause.
    if (source !== null && t.first >= sStart + 2 && view.normal(t.first - 1) === 'and' && view.normal(t.first - 2) === ',') {
      let that = -1;
      for (let j = source.first - 1; j >= sStart && that < 0; j--) if (view.normal(j) === 'that') that = j;
      const main = that > sStart ? subjectBefore(view, groups, that, sStart) : null;
      if (main !== null && main !== source) source = main;
    }
    // "warned the United States against ...": a direct object outranks a prepositional target.
    const object = directObject(view, groups, t.head);
    if (object !== null && (source === null || !sameActor(source.members[0].mention, object.members[0].mention))) target = object;
    if (t.targetPrep !== null) target ??= groupAfterToken(groups, t.targetPrep);
    // "will supply arms to Israel", "fired anti-aircraft batteries at Russia": an actor in an oblique of the verb
    // (or of its object) marked by to/at/against/on is acted on, not a place (from the parse).
    target ??= parsedTargetOblique(view, groups, t.head, source);
    // "ordered the United States to reduce its staff": the one ordered is the target of what it must do.
    if (t.first >= sStart + 2 && view.normal(t.first - 1) === 'to') target ??= orderedObject(view, groups, t.first - 2, source);
    // "demanded that Washington extradite ...": the subject of the demanded clause is the target.
    if (t.last + 1 < sEnd && view.normal(t.last + 1) === 'that') {
      const g = groups.find((x) => x.first === t.last + 2);
      if (g !== undefined && (source === null || !sameActor(source.members[0].mention, g.members[0].mention))) target ??= g;
    }
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
      // "The lifting of sanctions on Iran was announced by the EU": the agent of the passive verb the noun is subject of.
      if (source === null) source = passiveAgentOf(view, groups, t, Math.min(sEnd, t.last + 12), sStart);
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
    let other: ActorGroup | undefined;
    for (const g of groups) {
      if (g === source || g.members[0].mention.country === null || g.members[0].mention.country === src.country) continue;
      // not from a relative or "what" clause after the trigger ("in response to what Washington described as ...")
      if (g.first > t.last && clauseBetween(view, t.last, g.first)) continue;
      // the nearest other country's actor
      if (other === undefined || distance(g, t) < distance(other, t)) other = g;
    }
    if (other !== undefined) {
      target = other;
      carried = '+sentence-target';
    }
  }
  const placeCode = PLACE_TARGET_CODES.has(t.pattern.code) || PLACE_TARGET_ROOTS.has(t.pattern.code.slice(0, 2));
  if (target === null && placeCode && placeTarget(view, ctx, t, view.article) !== null) return { source, target, carried };
  // Only from the previous sentence of the same paragraph: a new paragraph starts a new scene.
  const sameParagraph = prev !== null && !view.article.text.slice(view.article.sentences[prev.index].end, view.article.sentences[ctx.index].start).includes('\n');
  if (target === null && options.carryTarget && prev !== null && source !== null && sameParagraph) {
    const srcCountry = source.members[0].mention.country;
    // Only an actor of the previous sentence's events ("Washington accused Russia ... The Kremlin called the allegation
    // nonsense"), not any name it mentions: in real articles a bare mention is rarely the one acted on.
    const last = [...prev.participants].reverse().find((g) => g.members[0].mention.country !== srcCountry);
    if (last !== undefined) {
      target = last;
      carried = '+carried-target';
    }
  }
  return { source, target, carried };
}

const PARSED_TARGET_PREPS = new Set(['to', 'at', 'against', 'on']);

/** The actor group of the first oblique of `verb` (or nominal modifier of its object) marked by to/at/against/on in the parse. */
function parsedTargetOblique(view: TokenView, groups: ActorGroup[], verb: number, source: ActorGroup | null): ActorGroup | null {
  const q = view.q;
  for (const o of q.obliques(verb, undefined, { viaObject: true })) {
    if (!PARSED_TARGET_PREPS.has(q.preposition(o) ?? '')) continue;
    const g = groups.find((x) => x.first <= o && o <= x.last);
    if (g !== undefined && g !== source && (source === null || !sameActor(source.members[0].mention, g.members[0].mention))) return g;
  }
  return null;
}

const RELATIVE_BREAKS = new Set([';', 'what', 'which', 'who', 'whom', 'whose', 'because', 'although', 'though', 'whereas', 'while', 'unless']);

function clauseBetween(view: TokenView, from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (RELATIVE_BREAKS.has(view.normal(j))) return true;
  return false;
}

function distance(g: ActorGroup, t: Trigger): number {
  return g.last < t.head ? t.head - g.last : g.first - t.last;
}

/** A group before a passive verb counts as its subject only if no other finite verb stands between them. */
function sameClause(view: TokenView, g: ActorGroup | null, head: number): ActorGroup | null {
  if (g === null) return null;
  for (let j = g.last + 1; j < head; j++) {
    if (view.normal(j) === ';') return null;
    const w = view.normal(j);
    const before = view.normal(j - 1);
    // "Moscow's decision to suspend ...", "Iranian-backed groups", "sanctions targeting ...": not a clause of their own
    if (view.pos(j) === 'VERB' && !w.endsWith('ing') && before !== 'to' && before !== '-') return null;
  }
  return g;
}

/** The object of "order|force|tell X to": a group ending right before "to" that directly follows such a verb. */
function orderedObject(view: TokenView, groups: ActorGroup[], last: number, source: ActorGroup | null): ActorGroup | null {
  const g = groups.find((x) => x.last === last);
  if (g === undefined || g === source) return null;
  let j = g.first - 1;
  while (j >= 0 && view.pos(j) === 'DET') j--;
  return j >= 0 && view.is(j, ORDER_VERBS) ? g : null;
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

function passiveAgentOf(view: TokenView, groups: ActorGroup[], t: Trigger, to: number, sStart: number): ActorGroup | null {
  for (let j = t.last + 1; j < to; j++) {
    const w = view.normal(j);
    if (w === ',' || w === ';' || RELATIVE_BREAKS.has(w) || w === 'that') return null;
    if (view.pos(j) !== 'VERB') continue;
    // only a full passive ("was announced by"), not a reduced relative ("talks brokered by France": a mediator)
    let k = j - 1;
    while (k > t.last && view.pos(k) === 'ADV') k--;
    return view.pos(k) === 'AUX' && view.isPassive(j, sStart) ? byAgent(view, groups, j, to) : null;
  }
  return null;
}

/** A noun's source when it is the object of a plain (non-event, non-speech) verb: "Russia began a military buildup". */
function nounSubject(view: TokenView, groups: ActorGroup[], t: Trigger, sStart: number, heads: Set<number>): ActorGroup | null {
  for (let j = t.first - 1; j >= sStart; j--) {
    const p = view.pos(j);
    const w = view.normal(j);
    // "his first meeting with Putin", "during a meeting", "after ten hours of talks": the clause's subject takes part.
    // ("after" only for reciprocal events: "China detained X after Meng's arrest" is no arrest by China.)
    // ("in" too for reciprocal violence: "soldiers were killed in a clash with Chinese troops".)
    if (POSSESSIVES.has(w) || SETTING_PREPS.has(w) || (t.pattern.reciprocal && (AFTER_PREPS.has(w) || (w === 'in' && VIOLENCE_ROOTS.has(t.pattern.code.slice(0, 2)))))) return subjectBefore(view, groups, t.first, sStart);
    if (w === ',' || w === ';' || w === 'that' || p === 'ADP' || p === 'CCONJ') return null;
    if (p === 'VERB') {
      // The object of an event verb ("condemned the strikes") or of a speech verb is not done by that verb's subject.
      if (view.is(j, SPEECH_VERBS) || heads.has(j)) return null;
      return subjectBefore(view, groups, j, sStart);
    }
  }
  return null;
}

export function placeTarget(view: TokenView, ctx: SentenceContext, t: Trigger, article: Article): Mention | null {
  // Violence (18-20) happens to the people of the place, wherever the sentence names it ("killed hundreds in northern Iraq and took ...").
  const anywhere = VIOLENCE_ROOTS.has(t.pattern.code.slice(0, 2));
  for (const loc of ctx.locations) {
    if (loc.country === null || (!anywhere && loc.start < view.article.tokens.end[t.head])) continue;
    const r = tokenRange(article, loc.start, loc.end);
    if (r === null || r[0] - t.last > 8) continue;
    let j = r[0] - 1;
    while (j > ctx.sStart && j !== t.head && (view.pos(j) === 'DET' || view.pos(j) === 'ADJ' || view.pos(j) === 'PROPN')) j--;
    if (PLACE_PREPS.has(view.normal(j)) || j === t.head) {
      return { ...loc, code: loc.country, role: null, kind: 'country', via: { stage: 'coder.cameo.v1', rule: PLACE_TARGET_RULE } };
    }
  }
  return null;
}

