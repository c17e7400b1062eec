/**
 * @module coder/modality
 * Did the event happen? Read from the clause the trigger belongs to in the parse and the
 * clauses above it (nlp/syntax/query `cues`), never from a token window:
 * - negated: "not/never/no" on its clause ("did not expel", "fired no missiles"), or its clause is
 *   the complement of a negating verb ("refused to sign", "denied that it had attacked");
 * - hypothetical: a modal or future auxiliary ("would", "will"), a condition ("if", "unless",
 *   "whether") on the clause or one above it or an "if" clause under it ("would destroy X if
 *   forced to"), a question that is not embedded in a statement ("will they meet?"), an infinitive
 *   under a verb of planning, wishing, asking or expecting ("plans to", "urged Russia to", "is
 *   expected to"), a planning noun ("plans for a meeting", "a proposal to hold talks");
 * - a trigger inside the complement of another trigger takes that trigger's reading: appeals (02),
 *   intents (03), demands (10), threats (13) and accusations (112) make it hypothetical; rejections
 *   (12) and denials (016) negate it. The governing trigger itself stays asserted.
 */
import type { Modality } from '../model/event.js';
import { wordList } from '../nlp/lexicon/word-lists.js';
import type { TokenView } from './tokens.js';
import type { Trigger } from './triggers.js';

const GOVERNING_HYPOTHETICAL = new Set(['02', '03', '10', '13']);
const GOVERNING_CODES_HYPOTHETICAL = new Set(['112', '1121', '1122', '1123', '1124', '1125', '130', '014']);
const GOVERNING_NEGATED = new Set(['12', '016']);
/** Relations by which a clause is the complement of the word above it. */
const COMPLEMENT = new Set(['xcomp', 'ccomp', 'csubj']);

const list = (name: string) => wordList(name) as Set<string>;
/** Prepositions that make a noun event the setting or time of its clause: the event is taken as having happened. */
const PRESUPPOSING = new Set(['during', 'after', 'before', 'since', 'following', 'amid', 'despite', 'at']);

/** Tags of the words a noun phrase is made of, before its head noun ("the United States", "a new"). */
const NOUN_PHRASE_TAGS = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM']);

/** First token of the noun phrase ending at token i (by the tagger's tags, not the parse). */
function nounPhraseStart(view: TokenView, i: number): number {
  const sentence = view.article.tokens.sentence[i];
  let j = i;
  while (j - 1 >= 0 && view.article.tokens.sentence[j - 1] === sentence && NOUN_PHRASE_TAGS.has(view.pos(j - 1))) j--;
  return j;
}

/** Is the clause headed by c an infinitive ("to" marks it)? */
function hasTo(view: TokenView, c: number): boolean {
  return view.q.children(c, 'mark').some((m) => view.normal(m) === 'to');
}

/** Is the clause headed by c marked "of" ("accused X of launching")? */
function hasOf(view: TokenView, c: number): boolean {
  return view.q.children(c, 'mark').some((m) => view.normal(m) === 'of');
}

/** Is `clause` (or a conjunct it shares its auxiliaries with) the complement of a trigger of a governing code? */
function governingReading(view: TokenView, t: Trigger, triggers: Trigger[], clause: number): Modality | null {
  const q = view.q;
  const heads = new Map<number, Trigger>();
  for (const g of triggers) if (g !== t) heads.set(q.predicate(g.head), g);
  // A noun trigger sits in the clause of its verb: "threatened new sanctions" is governed by the threat.
  let c = t.kind === 'noun' ? clause : -1;
  let rel = '';
  if (c < 0) {
    rel = q.deprel(clause);
    c = q.head(clause);
  }
  let clauseHead = clause;
  for (let guard = 0; guard < 6 && c >= 0; guard++) {
    const g = heads.get(c);
    if (g !== undefined && g.head !== t.head) {
      const root = g.pattern.code.slice(0, 2);
      // "threatened military action, warning that …": an adverbial participle clause is no complement of a threat; after an accusation it still elaborates it.
      // A subordinated clause ("after Washington's tariffs took effect") is no complement of anything.
      const adverbial = rel === 'advcl' && (!GOVERNING_CODES_HYPOTHETICAL.has(g.pattern.code) || q.child(clauseHead, 'mark') >= 0 && !hasOf(view, clauseHead));
      if (!adverbial) {
        if (GOVERNING_NEGATED.has(root) || GOVERNING_NEGATED.has(g.pattern.code)) return 'negated';
        if (GOVERNING_HYPOTHETICAL.has(root) || GOVERNING_CODES_HYPOTHETICAL.has(g.pattern.code)) return 'hypothetical';
      }
    }
    // (through "a resolution censuring …" too: what a vetoed or demanded text says is as unreal as its fate.)
    if (rel !== '' && !COMPLEMENT.has(rel) && rel !== 'advcl' && rel !== 'conj' && rel !== 'acl' && rel !== 'acl:relcl') break;
    rel = q.deprel(c);
    clauseHead = c;
    c = q.head(c) >= 0 ? q.clauseOf(q.head(c)) : -1;
  }
  return null;
}

/**
 * Modality of a trigger.
 * @param triggers every trigger of the sentence (to find a governing one)
 */
export function modalityOf(view: TokenView, t: Trigger, triggers: Trigger[]): Modality {
  const q = view.q;
  if (!q.parsed(t.head)) return 'asserted';
  const clause = q.clauseOf(t.head);
  const cues = q.cues(clause);
  let negated = cues.negated;
  let hypothetical = cues.modal !== null || cues.future || cues.intention !== null || cues.condition !== null || cues.question;
  // "fired no missiles", "no plans for a meeting": a noun event with "no" is negated.
  if (t.kind === 'noun') {
    for (const d of q.children(t.head, 'det')) if (view.normal(d) === 'no') negated = true;
    const h = q.head(t.head);
    const prep = q.preposition(t.head);
    // "during his first meeting with Putin", "after marathon talks": an event named as the setting or time of a clause is presupposed, whatever the clause says.
    if (prep !== null && PRESUPPOSING.has(prep)) return q.children(t.head, 'det').some((d) => view.normal(d) === 'no') ? 'negated' : 'asserted';
    // The same read off the words when the parse took the event noun for a verb ("following the
    // United States attack on ..." parsed as a relative clause): the word before its noun phrase.
    const before = nounPhraseStart(view, t.head) - 1;
    if (before >= 0 && view.article.tokens.sentence[before] === view.article.tokens.sentence[t.head] && PRESUPPOSING.has(view.normal(before))) return 'asserted';
    if (h >= 0 && (q.is(t.head, 'nmod') || q.is(t.head, 'obl')) && view.is(h, list('planning-nouns'))) {
      hypothetical = true;
      for (const d of q.children(h, 'det')) if (view.normal(d) === 'no') negated = true;
    }
  }
  // "an issue likely to dominate relations", "will probably meet": a guessed event is not a reported one.
  if (q.children(q.predicate(clause), 'advmod').some((a) => view.is(a, list('uncertainty-adverbs')))) hypothetical = true;
  // "Washington's reluctance to lift sanctions": the phrase the trigger heads hangs by "to"/"from" from a negating word
  // (whatever relation the parser gives it: a tagger may read "lift" there as a noun).
  for (let x = t.head, guard = 0; guard < 4 && x >= 0 && x !== clause; guard++) {
    const marker = q.children(x).some((m) => (q.is(m, 'case') || q.is(m, 'mark')) && (view.normal(m) === 'to' || view.normal(m) === 'from'));
    const h = q.head(x);
    if (h >= 0 && marker && view.is(h, list('negating-governors'))) negated = true;
    x = h;
  }
  // Up the chain of complements: "refused to sign" negates; "urged Russia to release", "is expected to visit" are not done.
  let c = clause;
  for (let guard = 0; guard < 6 && c >= 0; guard++) {
    const rel = q.deprel(c);
    const up = q.head(c);
    if (up < 0) break;
    // "a proposal to hold talks": a planned or proposed event has not happened.
    if ((rel === 'acl' || rel === 'acl:relcl') && view.is(up, list('planning-nouns'))) hypothetical = true;
    // "refrained from expelling", "their refusal to sign", "reluctant to act": what a negating word governs did not happen.
    if ((rel === 'advcl' || rel === 'acl') && view.is(up, list('negating-governors')) && q.children(c, 'mark').some((m) => view.normal(m) === 'to' || view.normal(m) === 'from')) negated = true;
    // "sent troops to protect civilians", "is willing to send material to help defend": a purpose infinitive is as real as the clause it serves.
    const purpose = rel === 'advcl' && hasTo(view, c);
    if (rel !== 'xcomp' && rel !== 'ccomp' && rel !== 'conj' && !purpose) break;
    if (purpose) {
      const above = q.cues(q.clauseOf(up));
      if (above.negated) negated = true;
      if (above.modal !== null || above.future || above.intention !== null || above.condition !== null) hypothetical = true;
      c = q.clauseOf(up);
      continue;
    }
    if (rel !== 'conj') {
      if (view.is(up, list('negating-governors'))) negated = true;
      // Only an infinitive ("plans to", "urged X to"): a tagging error on an auxiliary ("had used") is no plan.
      else if (rel === 'xcomp' && hasTo(view, c) && (view.is(up, list('hypothetical-governors')) || view.is(up, list('intention-verbs')))) hypothetical = true;
      // "did not manage to sign", "will continue to strike": the governing verb's own negation and auxiliaries count.
      const above = q.cues(q.clauseOf(up));
      if (rel === 'xcomp' && above.negated) negated = true;
      if (rel === 'xcomp' && (above.modal !== null || above.future)) hypothetical = true;
    } else if (q.child(c, 'nsubj') >= 0 || q.child(c, 'aux') >= 0) {
      break; // a conjunct with a subject or auxiliary of its own is a clause of its own
    }
    c = q.clauseOf(up);
  }
  // "… would destroy North Korea if forced to": an "if" clause under the trigger's clause.
  for (const a of q.children(q.predicate(clause), 'advcl')) {
    for (const m of q.children(a, 'mark')) if (list('condition-markers').has(view.normal(m)) && view.normal(m) !== 'whether') hypothetical = true;
  }
  const governed = governingReading(view, t, triggers, clause);
  if (governed === 'negated') negated = true;
  if (governed === 'hypothetical') hypothetical = true;
  if (negated) return 'negated';
  if (hypothetical) return 'hypothetical';
  return 'asserted';
}
