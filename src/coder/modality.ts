/**
 * @module coder/modality
 * Did the event happen? "asserted" unless the words around the trigger negate it ("did
 * not", "refused to", "denied that it had") or make it hypothetical (modal verbs, "plans
 * to", "if", questions), or it sits inside the complement of an appeal, intent, demand,
 * threat, accusation or refusal ("urged Russia to release", "threatened to impose").
 */
import type { Modality } from '../model/event.js';
import type { TokenView } from './tokens.js';
import type { Trigger } from './triggers.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without', 'nt']);
const NEGATING_VERBS = new Set([
  'refuse', 'decline', 'fail', 'refrain', 'deny', 'avoid', 'reject', 'stop', 'cease', 'halt', 'oppose', 'resist', 'rule',
  'reluctant', 'reluctance', 'refusal', 'unwilling', 'unwillingness', 'failure',
]);
const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'shall', 'should', 'can', 'must', "'ll", '’ll', 'wo', 'ca', "'d", 'ought']);
const CONDITIONALS = new Set(['if', 'unless', 'whether', 'once', 'lest']);
/** Words after which an infinitive has not happened (yet): plans, wishes, requests, ability. */
const HYPOTHETICAL_GOVERNORS = new Set([
  'plan', 'intend', 'hope', 'want', 'wish', 'seek', 'aim', 'expect', 'likely', 'unlikely', 'set', 'poised', 'prepare', 'ready',
  'willing', 'threaten', 'vow', 'pledge', 'promise', 'offer', 'propose', 'consider', 'try', 'attempt', 'need', 'have', 'going',
  'able', 'unable', 'ask', 'urge', 'call', 'demand', 'press', 'invite', 'encourage', 'push', 'wait', 'due', 'scheduled', 'prefer',
  'like', 'mean', 'tend', 'seem', 'appear', 'refuse', 'decline', 'fail', 'chance', 'bid', 'effort', 'plans', 'order', 'tell',
]);
/** "ordered Washington to reduce its staff": an order to a named actor is coded as the act it compels. */
const COMPELLING_VERBS = new Set(['order', 'force', 'compel', 'instruct', 'direct', 'oblige', 'require']);
/** Roots whose complement has not happened: appeal, intent, demand, threaten, and accusations (112). */
const GOVERNING_HYPOTHETICAL = new Set(['02', '03', '10', '13']);
const GOVERNING_CODES_HYPOTHETICAL = new Set(['112', '1121', '1122', '1123', '1124', '1125', '130', '014']);
const GOVERNING_NEGATED = new Set(['12', '016']);
const BREAKS = new Set([';', '.', 'but', 'while', 'whereas']);
const PLANNING_NOUNS = new Set([
  'plan', 'proposal', 'call', 'demand', 'hope', 'prospect', 'possibility', 'chance', 'offer', 'invitation', 'request', 'idea',
  'threat', 'bid', 'effort', 'attempt', 'intention', 'willingness', 'readiness', 'option', 'push', 'pressure', 'appeal',
]);

/** The modality a verb's own auxiliaries give it: "would renew", "did not renew", "plans to renew". */
function verbContext(view: TokenView, j: number, sStart: number): Modality {
  for (let k = j - 1; k >= Math.max(sStart, j - 4); k--) {
    const w = view.normal(k);
    if (NEGATORS.has(w)) return 'negated';
    if (MODALS.has(w)) return 'hypothetical';
    if (w === 'to') {
      let g = k - 1;
      while (g >= sStart && view.pos(g) === 'ADV') g--;
      // "wants Trump to eliminate ...": the governor stands before the one asked
      if (g >= sStart && !view.is(g, HYPOTHETICAL_GOVERNORS) && !view.is(g, NEGATING_VERBS)) {
        let h = g;
        while (h > sStart && g - h < 4 && ['PROPN', 'NOUN', 'DET', 'PRON'].includes(view.pos(h))) h--;
        if (h < g && view.pos(h) === 'VERB' && !view.is(h, COMPELLING_VERBS)) g = h;
      }
      if (g >= sStart && view.is(g, NEGATING_VERBS)) return 'negated';
      return g >= sStart && view.is(g, HYPOTHETICAL_GOVERNORS) ? 'hypothetical' : 'asserted';
    }
    if (view.pos(k) !== 'ADV' && view.pos(k) !== 'AUX' && view.pos(k) !== 'PART') break;
  }
  return 'asserted';
}

/**
 * Modality of a trigger.
 * @param triggers every trigger of the sentence, in order (to find a governing one)
 * @param sStart first token of the sentence, sEnd one past its last
 * @param from first token of the trigger's own clause (usually the source's first token)
 */
export function modalityOf(
  view: TokenView,
  t: Trigger,
  triggers: Trigger[],
  sStart: number,
  sEnd: number,
  from: number,
): Modality {
  let lastNonPunct = sEnd - 1;
  while (lastNonPunct > sStart && view.pos(lastNonPunct) === 'PUNCT' && view.normal(lastNonPunct) !== '?') lastNonPunct--;
  const question = view.normal(lastNonPunct) === '?';

  // Governing trigger: an earlier trigger whose predicate reaches over this one.
  for (const g of triggers) {
    if (g === t || g.head >= t.head || t.head - g.last > 8) continue;
    let broken = false;
    for (let j = g.head + 1; j < t.head; j++) if (BREAKS.has(view.normal(j))) broken = true;
    // "threatened military action, warning that ...": a participle clause after a comma is no complement.
    // (After an accusation, ", calling it ..." still elaborates the accusation.)
    const participle = t.kind === 'verb' && t.first > g.last + 1 && view.normal(t.first - 1) === ',' && view.normal(t.head).endsWith('ing');
    if (participle && !GOVERNING_CODES_HYPOTHETICAL.has(g.pattern.code)) broken = true;
    if (broken) continue;
    const root = g.pattern.code.slice(0, 2);
    if (GOVERNING_NEGATED.has(root) || GOVERNING_NEGATED.has(g.pattern.code)) return 'negated';
    if (GOVERNING_HYPOTHETICAL.has(root) || GOVERNING_CODES_HYPOTHETICAL.has(g.pattern.code)) return 'hypothetical';
  }

  // Look back from the trigger over its own auxiliaries and adverbs, up to the previous verb,
  // comma or the source: "did not expel", "has never", "refused to expel", "would expel".
  const start = Math.max(sStart, Math.min(from, t.first - 1), t.first - 7);
  let negated = false;
  let hypothetical = question;
  for (let j = t.first - 1; j >= start; j--) {
    const w = view.normal(j);
    if (BREAKS.has(w) || w === ',') break;
    if (NEGATORS.has(w)) negated = true;
    else if (MODALS.has(w)) hypothetical = true;
    else if (view.pos(j) === 'VERB' || view.pos(j) === 'NOUN' || view.pos(j) === 'PROPN') {
      if (view.is(j, NEGATING_VERBS) && view.pos(j) === 'VERB') negated = true;
      // "plans to renew its sanctions": a noun event is as (un)real as the verb whose object it is.
      if (t.kind === 'noun' && view.pos(j) === 'VERB') {
        const m = verbContext(view, j, sStart);
        if (m === 'negated') negated = true;
        if (m === 'hypothetical') hypothetical = true;
      }
      // "plans for a meeting", "a proposal to hold talks": a planned or proposed event has not happened.
      if (view.pos(j) === 'NOUN' && view.is(j, PLANNING_NOUNS)) hypothetical = true;
      if (view.pos(j) === 'NOUN' && j > sStart && view.normal(j - 1) === 'no') negated = true;
      break;
    }
  }
  if (t.kind === 'noun' && t.first > sStart && view.normal(t.first - 1) === 'no') negated = true;
  // "X plans to expel", "is expected to visit": an infinitive head, unless after an implicative verb.
  let k = t.first - 1;
  while (k >= sStart && view.pos(k) === 'ADV') k--;
  if (k >= sStart && view.normal(k) === 'to' && t.kind === 'verb') {
    let g = k - 1;
    while (g >= sStart && view.pos(g) === 'ADV') g--;
    // "efforts to get Ukraine to investigate": the governor stands before the one made to act
    if (g >= sStart && !view.is(g, HYPOTHETICAL_GOVERNORS) && !view.is(g, NEGATING_VERBS)) {
      let h = g;
      while (h > sStart && g - h < 4 && ['PROPN', 'NOUN', 'DET', 'PRON'].includes(view.pos(h))) h--;
      if (h < g && view.pos(h) === 'VERB' && !view.is(h, COMPELLING_VERBS)) g = h;
    }
    const governor = g >= sStart ? g : -1;
    if (governor >= 0 && view.is(governor, HYPOTHETICAL_GOVERNORS)) hypothetical = true;
    if (governor >= 0 && view.is(governor, NEGATING_VERBS)) negated = true;
    // "will continue to strike", "did not manage to sign": the governing verb's own auxiliaries count too.
    if (governor >= 0 && view.pos(governor) === 'VERB') {
      const m = verbContext(view, governor, sStart);
      if (m === 'negated') negated = true;
      if (m === 'hypothetical') hypothetical = true;
    }
  }
  for (let j = t.head - 1; j >= sStart; j--) {
    if (BREAKS.has(view.normal(j))) break;
    if (CONDITIONALS.has(view.normal(j))) hypothetical = true;
    // "should Washington abandon the agreement": an inverted condition
    if (view.normal(j) === 'should' && j + 1 < t.head && ['PROPN', 'NOUN', 'DET'].includes(view.pos(j + 1))) hypothetical = true;
  }
  // "... would destroy North Korea if forced to": a condition after the trigger, in its sentence.
  // Only within the trigger's own verb group: a comma, "that" or another finite verb opens a
  // clause of its own ("threatened ..., warning that ... might have to destroy it if forced to").
  for (let j = t.last + 1; j < sEnd; j++) {
    const w = view.normal(j);
    if (BREAKS.has(w) || w === ',' || w === 'that' || w === 'and') break;
    if (w === 'if' || w === 'unless') {
      hypothetical = true;
      break;
    }
    if ((view.pos(j) === 'VERB' || view.pos(j) === 'AUX') && !w.endsWith('ing') && view.normal(j - 1) !== 'to') break;
  }
  if (negated) return 'negated';
  if (hypothetical) return 'hypothetical';
  return 'asserted';
}
