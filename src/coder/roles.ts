/**
 * @module coder/roles
 * Who did it to whom: picks the source (agent) and target (patient or recipient) of a
 * trigger from the actor mentions of its sentence. Mentions joined by "and" or commas form
 * one group, and each member of a group yields its own event.
 */
import { wordList } from '../nlp/lexicon/word-lists.js';
import type { Article } from '../model/article.js';
import type { Mention } from '../model/mention.js';
import { tokenRange, SPEECH_VERBS, type TokenView } from './tokens.js';
import type { Trigger } from './triggers.js';

/** An actor mention with its token range. */
export interface ActorRef {
  mention: Mention;
  index: number;
  first: number;
  last: number;
}

/** Actor mentions next to each other ("Paris and Berlin", "Britain, France and Germany"). */
export interface ActorGroup {
  members: ActorRef[];
  first: number;
  last: number;
}

const JOINERS = new Set([',', 'and', '&', 'the']);
/** Prepositions after which a mention is not the subject of the clause. */
const PREPS = new Set([
  'of', 'in', 'at', 'from', 'with', 'to', 'by', 'for', 'on', 'against', 'between', 'into', 'over', 'about', 'near', 'after',
  'before', 'during', 'under', 'toward', 'towards', 'across', 'inside', 'outside', 'within', 'without', 'among', 'amid', 'like',
  'than', 'via', 'through', 'since', 'upon', 'including',
]);
/** Prepositions whose object is a place or time, not the target of the event. */
const NON_TARGET_PREPS = new Set([
  'in', 'at', 'near', 'during', 'after', 'before', 'since', 'by', 'via', 'inside', 'outside', 'across', 'under', 'within', 'amid',
  'through', 'like', 'than', 'despite', 'including', 'among',
]);
/** Words that are prepositions or, before a clause, subordinating conjunctions. */
const CONJUNCTION_PREPS = new Set(['after', 'before', 'since', 'until', 'as', 'because', 'while', 'when', 'once', 'if']);

function followedByVerb(view: TokenView, g: ActorGroup): boolean {
  let k = g.last + 1;
  while (k < view.count && (view.pos(k) === 'ADV' || view.pos(k) === 'AUX' || view.pos(k) === 'PART')) k++;
  return k < view.count && view.pos(k) === 'VERB';
}

/** Words before "of" that make "of X" a quantity, not a prepositional phrase ("thousands of protesters"). */
const QUANTITY = new Set([
  'thousands', 'hundreds', 'dozens', 'millions', 'tens', 'scores', 'some', 'many', 'most', 'all', 'one', 'two', 'three', 'several',
  'group', 'groups', 'number', 'members', 'member', 'crowds', 'crowd', 'team', 'delegation', 'contingent', 'unit', 'units', 'band',
  'each', 'both', 'none', 'majority', 'handful', 'battalion', 'column', 'convoy', 'squad',
]);
/** Role nouns whose "of X" names who acts ("the leaders of France", "the government of Iraq"). */
const ROLE_HEADS = new Set([
  'leader', 'leaders', 'government', 'governments', 'president', 'presidents', 'minister', 'ministers', 'official', 'officials',
  'ambassador', 'ambassadors', 'envoy', 'envoys', 'representative', 'representatives',
  'authorities', 'spokesman', 'spokeswoman', 'spokesperson', 'army', 'forces', 'troops', 'parliament', 'diplomats', 'diplomat',
  'speaker', 'chairman', 'chairwoman', 'commander', 'commanders', 'secretary',
]);

/** Words before a mention that make it the addressee of a speech act, never an event actor ("told Reuters"). */
const CUE_WORDS = new Set(['told', 'tells', 'tell', 'according']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);
const CLAUSE_BREAKS = new Set([';', 'that', 'which', 'who', 'whom', 'while', 'whereas', 'but', 'because', 'although', 'though', 'when', 'as', 'after', 'before', 'since', 'if', 'unless']);

/** Words that open another clause between a verb and a later actor. */
const OBJECT_CLAUSE_BREAKS = new Set([';', 'what', 'which', 'who', 'whom', 'whose', 'because', 'although', 'though', 'whereas', 'while', 'unless']);

/** Two mentions of the same actor ("Putin ... the Russian Federation"): there is no event between them. */
export function sameActor(a: Mention, b: Mention): boolean {
  if (a.start === b.start && a.code === b.code) return true;
  if (a.country === null || a.country !== b.country) return a.code === b.code;
  return a.role === null || b.role === null || a.role === b.role;
}

/** Actor mentions (not places) of one sentence, grouped. */
export function actorGroups(article: Article, view: TokenView, mentions: { m: Mention; i: number }[]): ActorGroup[] {
  const refs: ActorRef[] = [];
  for (const { m, i } of mentions) {
    const r = tokenRange(article, m.start, m.end);
    if (r === null) continue;
    // "according to the UN": the determiner does not hide the cue
    const k = r[0] > 0 && view.pos(r[0] - 1) === 'DET' ? r[0] - 1 : r[0];
    const before = k > 0 ? view.normal(k - 1) : '';
    const before2 = k > 1 ? view.normal(k - 2) : '';
    if (CUE_WORDS.has(before) || (before === 'to' && before2 === 'according')) continue;
    refs.push({ mention: m, index: i, first: r[0], last: r[1] });
  }
  // At one start, the longest mention first ("Russian police" over "Russian").
  refs.sort((a, b) => a.first - b.first || b.last - a.last);
  const groups: ActorGroup[] = [];
  // A list closed by "and" takes no further member after a comma ("France and Germany, the leaders of Russia ...").
  const closed = new Set<ActorGroup>();
  for (const ref of refs) {
    const g = groups[groups.length - 1];
    if (g !== undefined && ref.first > g.last) {
      let joined = ref.first - g.last - 1 <= 4;
      let and = false;
      for (let j = g.last + 1; j < ref.first && joined; j++) {
        if (!JOINERS.has(view.normal(j))) joined = false;
        if (view.normal(j) === 'and' || view.normal(j) === '&') and = true;
      }
      if (joined && !and && closed.has(g)) joined = false;
      if (joined && and) closed.add(g);
      if (joined && ref.first - g.last > 1) {
        g.members.push(ref);
        g.last = ref.last;
        continue;
      }
    }
    if (g !== undefined && ref.first <= g.last) continue; // overlapping mentions: keep the first
    groups.push({ members: [ref], first: ref.first, last: ref.last });
  }
  return groups.flatMap((g) => (isCoordination(view, g) ? [g] : g.members.map((m) => ({ members: [m], first: m.first, last: m.last }))));
}

/**
 * A list of actors is a coordination only with "and" or "&" before its last member ("Britain, France and
 * Germany"); commas alone join an apposition or a fronted phrase ("Sergei Lavrov, Russia's foreign minister",
 * "in the last days of his presidency, Barack Obama"): one actor, or two actors in different roles, never a pair.
 */
function isCoordination(view: TokenView, g: ActorGroup): boolean {
  if (g.members.length < 2) return true;
  const before = g.members[g.members.length - 2];
  const last = g.members[g.members.length - 1];
  for (let j = before.last + 1; j < last.first; j++) if (view.normal(j) === 'and' || view.normal(j) === '&') return true;
  // "Russia, Iran and Turkey" where the last name is no actor mention: the list goes on after the group.
  for (let j = g.last + 1; j <= g.last + 2 && j < view.count; j++) if (view.normal(j) === 'and' || view.normal(j) === '&') return true;
  return false;
}

/** Words of a quantity before a mention: "more than 800 people", "at least 20 soldiers", "about 300 prisoners". */
const QUANTIFIER_WORDS = new Set(['than', 'more', 'less', 'fewer', 'least', 'most', 'about', 'around', 'nearly', 'almost', 'roughly', 'some', 'over', 'up', 'to', 'at']);

function precededByPrep(view: TokenView, g: ActorGroup, sStart: number, preps: Set<string>): string | null {
  let j = g.first - 1;
  // "of the United States", "against Russian forces", "more than 800 people": skip determiners,
  // adjectives, numbers and the words of a quantity before the mention
  let sawNumber = false;
  while (j >= sStart && g.first - j <= 6) {
    const p = view.pos(j);
    // "in south-western Syria": the parts of a hyphenated adjective
    if (p === 'DET' || p === 'ADJ' || p === 'NUM') {
      if (p === 'NUM') sawNumber = true;
      j--;
    } else if (view.normal(j) === '-' && j > sStart && j + 1 < g.first) j -= 2; else if (sawNumber && QUANTIFIER_WORDS.has(view.normal(j))) j--;
    else break;
  }
  if (j < sStart) return null;
  const w = view.normal(j);
  if (w === 'of' && j > sStart && (view.is(j - 1, QUANTITY) || view.pos(j - 1) === 'NUM')) return null;
  // "The leaders of France, Germany and Britain issued ...": the country of a role noun acts through it.
  if (w === 'of' && j > sStart && view.is(j - 1, ROLE_HEADS)) return null;
  return preps.has(w) ? w : null;
}

/** True when a group stands as the object of an earlier verb rather than a subject. */
function isObject(view: TokenView, g: ActorGroup, sStart: number): boolean {
  for (let j = g.first - 1; j >= sStart; j--) {
    const w = view.normal(j);
    const p = view.pos(j);
    if (CLAUSE_BREAKS.has(w) || (w === ',' && j < g.first - 1)) return false;
    if (p === 'VERB') return !view.is(j, SPEECH_VERBS);
    if (p === 'AUX' || p === 'CCONJ') return false;
  }
  return false;
}

/** A group followed by "'s" and a common noun that reaches the verb: "Obama's involvement offers". */
function possessorOfSubject(view: TokenView, g: ActorGroup, head: number): boolean {
  const k = g.last + 1;
  if (k >= head || (view.normal(k) !== "'s" && view.normal(k) !== '’s')) return false;
  let j = k + 1;
  while (j < head && (view.pos(j) === 'ADJ' || view.pos(j) === 'NOUN')) j++;
  while (j < head && (view.pos(j) === 'AUX' || view.pos(j) === 'ADV' || view.pos(j) === 'PART')) j++;
  return j === head && view.pos(k + 1) !== undefined && j > k + 1 && (view.pos(j - 1) === 'NOUN' || view.pos(j - 1) === 'AUX' || view.pos(j - 1) === 'ADV');
}

/** The subject of a verb at token `head`: the nearest group before it that is neither a prepositional object nor a verb's object. */
export function subjectBefore(view: TokenView, groups: ActorGroup[], head: number, sStart: number): ActorGroup | null {
  // "the ambassador, who had accused ...": a relative pronoun's subject is its antecedent.
  let j = head - 1;
  while (j > sStart && (view.pos(j) === 'AUX' || view.pos(j) === 'ADV' || view.pos(j) === 'PART')) j--;
  if (j > sStart && RELATIVE_PRONOUNS.has(view.normal(j))) {
    let k = j - 1;
    if (view.normal(k) === ',') k--;
    const antecedent = groups.find((g) => g.last === k);
    if (antecedent !== undefined) return antecedent;
  }
  const ownSubject = reportedSubject(view, groups, j, sStart);
  for (let k = groups.length - 1; k >= 0; k--) {
    const g = groups[k];
    if (g.last >= head) continue;
    // "Tillerson told reporters that the two men had agreed": the reported clause has a subject of its own.
    if (ownSubject !== null && g.last < ownSubject) return null;
    const prep = precededByPrep(view, g, sStart, PREPS);
    // "after Trump urged ...": a conjunction that starts a clause, not a preposition.
    if (prep !== null && !(CONJUNCTION_PREPS.has(prep) && followedByVerb(view, g))) continue;
    if (isObject(view, g, sStart)) continue;
    // "Obama's involvement offers ...": the possessor is not the subject; the noun after it is.
    if (possessorOfSubject(view, g, head)) return null;
    return g;
  }
  return null;
}

/**
 * The start of a noun phrase that is no actor and stands as the subject right before the verb group
 * ending at `j`, inside a reported clause ("said that the two men had", "told reporters the talks were"); else null.
 */
function reportedSubject(view: TokenView, groups: ActorGroup[], j: number, sStart: number): number | null {
  if (j <= sStart || view.pos(j) !== 'NOUN' || groups.some((g) => g.first <= j && j <= g.last)) return null;
  let k = j - 1;
  while (k >= sStart && ['DET', 'ADJ', 'NUM', 'NOUN'].includes(view.pos(k)) && !groups.some((g) => g.first <= k && k <= g.last)) k--;
  if (k < sStart) return null;
  return view.normal(k) === 'that' || (view.pos(k) === 'VERB' && view.is(k, SPEECH_VERBS)) ? k + 1 : null;
}

/** The first group after token `from` (up to `to`) that is not behind a place/time preposition. */
export function objectAfter(view: TokenView, groups: ActorGroup[], from: number, to: number, sStart: number, exclude: ActorGroup | null): ActorGroup | null {
  for (const g of groups) {
    if (g.first <= from || g.first > to || g === exclude) continue;
    // "... in response to what US intelligence agencies described as ...": an actor of another clause.
    let crossed = false;
    for (let j = from + 1; j < g.first && !crossed; j++) if (OBJECT_CLAUSE_BREAKS.has(view.normal(j))) crossed = true;
    if (crossed) return null;
    if (exclude !== null && sameActor(exclude.members[0].mention, g.members[0].mention)) continue;
    if (precededByPrep(view, g, sStart, NON_TARGET_PREPS) !== null) continue;
    if (afterReasonPhrase(view, g, sStart)) continue;
    // "Iran hosted the minister, and Turkey praised ...": the subject of the next verb is not this one's target.
    let k = g.last + 1;
    while (k < view.count && view.pos(k) === 'ADV') k++;
    if (k < view.count && view.pos(k) === 'VERB' && view.article.tokens.sentence[k] === view.article.tokens.sentence[g.last]) continue;
    // "..., a NATO officer said": the source of a report is not the target.
    let speech = false;
    // "…, Human Rights Watch (HRW) said": a parenthesis after the name does not count towards the distance.
    let after = g.last + 1;
    if (after < view.count && view.normal(after) === '(') {
      let close = after + 1;
      while (close < Math.min(view.count, after + 6) && view.normal(close) !== ')') close++;
      if (close < view.count && view.normal(close) === ')') after = close + 1;
    }
    for (let j = after; j <= after + 2 && j < view.count; j++) if (view.pos(j) === 'VERB' && view.is(j, SPEECH_VERBS)) speech = true;
    if (speech) continue;
    return g;
  }
  return null;
}

/** "Reason" phrases as lists of words, longest first (data/lexicon/en/reason-phrases.txt). */
let reasonPhrases: string[][] | null = null;

/** Does a reason phrase ("in retaliation for", "in response to") end right before the group (its determiners skipped)? */
function afterReasonPhrase(view: TokenView, g: ActorGroup, sStart: number): boolean {
  reasonPhrases ??= [...(wordList('reason-phrases') as Set<string>)].map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
  let end = g.first - 1;
  while (end >= sStart && (view.pos(end) === 'DET' || view.pos(end) === 'ADJ' || view.normal(end) === "'s")) end--;
  return reasonPhrases.some((words) => {
    const from = end - words.length + 1;
    return from >= sStart && words.every((w, k) => view.normal(from + k) === w);
  });
}

/** A direct object: a group right after the verb, with only determiners, adjectives or numbers between. */
export function directObject(view: TokenView, groups: ActorGroup[], head: number): ActorGroup | null {
  for (const g of groups) {
    if (g.first <= head || g.first - head > 4) continue;
    for (let j = head + 1; j < g.first; j++) {
      const p = view.pos(j);
      if (p !== 'DET' && p !== 'ADJ' && p !== 'NUM') return null;
    }
    return g;
  }
  return null;
}

/** The group right after a given preposition token (within a few tokens). */
export function groupAfterToken(groups: ActorGroup[], tok: number, maxGap = 4): ActorGroup | null {
  for (const g of groups) if (g.first > tok && g.first - tok <= maxGap) return g;
  return null;
}

/** The group after the first "by" following the head, for passive agents ("imposed on China by Washington"). */
export function byAgent(view: TokenView, groups: ActorGroup[], from: number, to: number, stopAtVerb = false): ActorGroup | null {
  for (let j = from + 1; j < to; j++) {
    if (view.normal(j) === 'by') return groupAfterToken(groups, j, 6);
    // "talks brokered by France": that by-phrase belongs to the verb, not to the noun
    if (stopAtVerb && view.pos(j) === 'VERB') return null;
  }
  return null;
}

/** A mention right before a noun head as its modifier or possessor ("Russia's expulsion", "Israeli air strikes"). */
export function modifierBefore(view: TokenView, groups: ActorGroup[], head: number, sStart: number): ActorGroup | null {
  for (const g of groups) {
    if (g.last >= head || head - g.last > 4) continue;
    let ok = true;
    for (let j = g.last + 1; j < head && ok; j++) {
      const p = view.pos(j);
      const w = view.normal(j);
      if (!(w === "'s" || w === '’s' || w === "'" || p === 'ADJ' || p === 'NOUN' || p === 'NUM' || p === 'PROPN')) ok = false;
    }
    if (ok && g.first >= sStart) return g;
  }
  return null;
}

/** "between A and B": the group after "between", when it has two members. */
export function betweenPair(view: TokenView, groups: ActorGroup[], t: Trigger, to: number): ActorGroup | null {
  for (let j = t.head + 1; j < to; j++) {
    if (view.normal(j) === 'between') {
      const g = groupAfterToken(groups, j);
      return g !== null && g.members.length >= 2 ? g : null;
    }
  }
  return null;
}
