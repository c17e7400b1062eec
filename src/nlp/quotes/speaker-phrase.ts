/**
 * @module nlp/quotes/speaker-phrase
 * Finds the words that name a speaker around a speech verb: the subject noun phrase before
 * it ("Foreign Minister Sergei Lavrov said", "John Smith, a researcher at Y, said") or the
 * inverted subject after it ("said John Smith, a researcher at Y"). An appositive between
 * commas is kept apart as the speaker's description, where the affiliation is read from.
 */
import type { TokenTable } from '../../model/tokens.js';

export interface SpeakerWords {
  /** Token range [from, to) of the speaker's noun phrase. */
  from: number;
  to: number;
  /** Token range of an appositive ("a researcher at the Atlantic Council"), if any. */
  appositive: { from: number; to: number } | null;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PRON']);
/** Prepositions that may sit inside a speaker phrase ("a spokesman for the Kremlin"). */
const NP_INNER_ADP = new Set(['of', 'for', 'at', 'with', 'from']);
const NP_BACK_ADP = new Set(['in', 'across', 'from', 'on']);
/** Words that can stand between subject and verb: "Lavrov also said", "who has said". */
const SKIPPABLE = new Set(['ADV', 'AUX', 'PART']);

const RELATIVE = new Set(['who', 'which']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

function isNpToken(tokens: TokenTable, i: number): boolean {
  const pos = tokens.pos[i];
  if (pos === 'PRON') return true;
  if (NP_POS.has(pos)) return true;
  if (pos === 'PART' && (tokens.normal[i] === "'s" || tokens.normal[i] === '’s')) return true;
  if (pos === 'PUNCT') return tokens.normal[i] === '-';
  if (pos !== 'VERB') return false;
  // Hyphenated compounds: "the 14th-ranked Schwartzman", "the Delhi-based Council".
  if (tokens.normal[i - 1] === '-' || tokens.normal[i + 1] === '-') return true;
  // Participles used as adjectives: "Spain's acting foreign minister", "the retired general".
  const before = tokens.normal[i - 1];
  const afterPos = tokens.pos[i + 1];
  return (tokens.pos[i - 1] === 'DET' || before === "'s" || before === '’s') && (afterPos === 'ADJ' || afterPos === 'NOUN' || afterPos === 'PROPN');
}

/** A pronoun that is a whole noun phrase ("he"), not a possessive inside one ("his team"). */
function isStandalonePronoun(tokens: TokenTable, i: number): boolean {
  return tokens.pos[i] === 'PRON' && !POSSESSIVES.has(tokens.normal[i]);
}

/**
 * The comma inside an institution's name that lists its remits: "the Ministry of Finance,
 * Economic Affairs and Planning", "the Department for Environment, Food and Rural Affairs".
 * A name with "of"/"for" goes on after the comma with capitalised words up to "and" and a
 * last capitalised word.
 */
export function isNameListComma(tokens: TokenTable, i: number): boolean {
  if (tokens.normal[i] !== ',' || tokens.pos[i - 1] !== 'PROPN') return false;
  let k = i - 1;
  while (k > 0 && tokens.pos[k] === 'PROPN' && i - k <= 3) k--;
  if (!/^(?:of|for)$/.test(tokens.normal[k] ?? '') || tokens.pos[k - 1] !== 'PROPN') return false;
  let j = i + 1;
  let sawAnd = false;
  while (j < tokens.start.length && j <= i + 8) {
    if (tokens.pos[j] === 'PROPN') j++;
    else if (tokens.normal[j] === 'and' && tokens.pos[j - 1] === 'PROPN' && tokens.pos[j + 1] === 'PROPN') {
      sawAnd = true;
      j++;
    } else if (tokens.normal[j] === ',' && !sawAnd && tokens.pos[j + 1] === 'PROPN') j++;
    else break;
  }
  return sawAnd && tokens.pos[j - 1] === 'PROPN';
}

/** Words that join two parts of one speaker phrase: "a spokesman for the Kremlin", "Paganini and his team". */
function isConnector(tokens: TokenTable, i: number, backward = false): boolean {
  if (isNameListComma(tokens, i)) return true;
  if (tokens.pos[i] === 'CCONJ') return tokens.normal[i] === 'and';
  if (tokens.pos[i] !== 'ADP') return false;
  // Before the verb, "officials in Kabul said" and "businesses across the world say" are one
  // subject; after it, "said Smith in a statement" is not.
  return NP_INNER_ADP.has(tokens.normal[i]) || (backward && NP_BACK_ADP.has(tokens.normal[i]));
}

/** A noun phrase that runs back from token `last` (inclusive), not before `limit`. */
function nounPhraseBack(tokens: TokenTable, last: number, limit: number): number {
  let i = last;
  while (i >= limit && isNpToken(tokens, i)) {
    // Pronouns only stand alone: "he said", not "the he".
    if (isStandalonePronoun(tokens, i) && i !== last) break;
    if (isStandalonePronoun(tokens, i)) return i;
    if (i - 2 >= limit && isConnector(tokens, i - 1, true) && isNpToken(tokens, i - 2) && !isStandalonePronoun(tokens, i - 2)) {
      i -= 2;
      continue;
    }
    i--;
  }
  return i + 1;
}

/** A noun phrase that runs forward from token `first`, not reaching `limit`. */
function nounPhraseForward(tokens: TokenTable, first: number, limit: number): number {
  let i = first;
  while (i < limit && isNpToken(tokens, i)) {
    if (isStandalonePronoun(tokens, i)) return i === first ? i + 1 : i;
    if (i + 2 < limit && isConnector(tokens, i + 1) && isNpToken(tokens, i + 2)) {
      i += 2;
      continue;
    }
    i++;
  }
  return i;
}

function isVerbal(tokens: TokenTable, i: number): boolean {
  return tokens.pos[i] === 'VERB' || tokens.pos[i] === 'AUX';
}

function isComma(tokens: TokenTable, i: number): boolean {
  return tokens.normal[i] === ',';
}

/** The subject of the verb at `verb`, searching no further back than token `limit`. */
export function subjectBefore(tokens: TokenTable, verb: number, limit: number): SpeakerWords | null {
  let j = verb - 1;
  while (j >= limit && SKIPPABLE.has(tokens.pos[j]) && tokens.normal[j] !== "'s") j--;
  if (j < limit) return null;
  let appositive: SpeakerWords['appositive'] = null;
  // "X, a researcher at Y, said", "X, who hosted the talks, said", "The candidate, Svetlana
  // Tikhanovskaya, who fled to Lithuania, said": step back over up to two comma-delimited
  // segments (descriptions or relative clauses) to the phrase they describe.
  for (let segments = 0; segments < 2 && j >= limit && isComma(tokens, j); segments++) {
    let k = j - 1;
    while (k >= limit && k > j - 16 && !isComma(tokens, k) && !isQuoteMark(tokens, k)) k--;
    if (k < limit || !isComma(tokens, k) || k === j - 1) return null;
    // "Putin, speaking at a news conference, said": a participial phrase is skipped like a relative clause.
    const relative = RELATIVE.has(tokens.normal[k + 1]) || (tokens.pos[k + 1] === 'VERB' && /(?:ing|ed)$/.test(tokens.normal[k + 1]));
    let hasVerb = false;
    for (let m = k + 1; m < j; m++) if (isVerbal(tokens, m) && !isNpToken(tokens, m)) hasVerb = true;
    // A description has no verb of its own (the tagger's "think/VERB tank" aside, so one that
    // opens with an article passes); a relative clause opens with who/which.
    if (hasVerb && !relative && tokens.pos[k + 1] !== 'DET') return null;
    if (!relative) appositive = { from: k + 1, to: j };
    j = k - 1;
  }
  if (j < limit || !isNpToken(tokens, j)) return null;
  let from = nounPhraseBack(tokens, j, limit);
  // "people briefed on the talks said": the phrase after a participle and its preposition
  // is the participle's object; the subject is the noun before the participle.
  if (from - 3 >= limit && tokens.pos[from - 1] === 'ADP' && tokens.pos[from - 2] === 'VERB' && /(?:ed|ing)$/.test(tokens.normal[from - 2]) && isNpToken(tokens, from - 3)) {
    from = nounPhraseBack(tokens, from - 3, limit);
  }
  // ", the peninsula's authorities, who said": the relative pronoun stands for the phrase before it.
  if (from === j && RELATIVE.has(tokens.normal[j]) && j - 2 >= limit && isComma(tokens, j - 1) && isNpToken(tokens, j - 2)) {
    return { from: nounPhraseBack(tokens, j - 2, limit), to: j - 1, appositive: null };
  }
  return from <= j && hasHead(tokens, from, j + 1) ? { from, to: j + 1, appositive } : null;
}

/** A speaker phrase needs a noun or pronoun: "-" or "the" alone names nobody. */
function hasHead(tokens: TokenTable, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens.pos[i] === 'NOUN' || tokens.pos[i] === 'PROPN' || tokens.pos[i] === 'PRON') return true;
  return false;
}

/** The inverted subject after the verb at `verb` ("said John Smith, a researcher at Y"). */
export function subjectAfter(tokens: TokenTable, verb: number, limit: number): SpeakerWords | null {
  const from = verb + 1;
  if (from >= limit) return null;
  // A first name the tagger read as a verb ("according to Park/VERB Min-ji").
  const misread = tokens.pos[from] === 'VERB' && from + 1 < limit && (tokens.pos[from + 1] === 'PROPN' || tokens.normal[from + 1] === '-');
  if (!misread && !isNpToken(tokens, from)) return null;
  const to = nounPhraseForward(tokens, misread ? from + 1 : from, limit);
  if (to === from) return null;
  let appositive: SpeakerWords['appositive'] = null;
  if (to < limit && isComma(tokens, to) && to + 1 < limit && isNpToken(tokens, to + 1)) {
    let k = to + 1;
    while (k < limit && !isComma(tokens, k) && tokens.normal[k] !== '.' && !(isVerbal(tokens, k) && !isNpToken(tokens, k)) && !isQuoteMark(tokens, k)) k++;
    // A verb means a new clause ("according to Kerry, the deal is dead"), not a description.
    if (k >= limit || !(isVerbal(tokens, k) && !isNpToken(tokens, k))) appositive = { from: to + 1, to: k };
  }
  return { from, to, appositive };
}

/** The subject named right at `first` when the verb follows it ("X said", "X, a Y at Z, said"). */
export function subjectThenVerb(tokens: TokenTable, first: number, limit: number, isVerb: (i: number) => boolean): { words: SpeakerWords; verb: number } | null {
  if (first >= limit) return null;
  // wink may tag a title word as a verb ("lead researcher X said"): a non-speech verb right
  // before a noun is read as part of the phrase.
  const verbModifier = tokens.pos[first] === 'VERB' && !isVerb(first) && first + 1 < limit && (tokens.pos[first + 1] === 'NOUN' || tokens.pos[first + 1] === 'PROPN');
  if (!verbModifier && !isNpToken(tokens, first)) return null;
  const to = nounPhraseForward(tokens, verbModifier ? first + 1 : first, limit);
  let k = to;
  let appositive: SpeakerWords['appositive'] = null;
  if (k < limit && isComma(tokens, k)) {
    // The description may hold commas of its own ("at the Council on Energy, Environment
    // and Water, said"): the last comma before the speech verb closes it.
    let m = k + 1;
    let close = -1;
    while (m < limit && m < k + 30 && !isQuoteMark(tokens, m) && tokens.normal[m] !== '.') {
      if (isComma(tokens, m)) {
        let v = m + 1;
        while (v < limit && SKIPPABLE.has(tokens.pos[v])) v++;
        if (v < limit && isVerb(v)) {
          close = m;
          break;
        }
      } else if (isVerbal(tokens, m) && !isNpToken(tokens, m)) break;
      m++;
    }
    if (close > k + 1) {
      appositive = { from: k + 1, to: close };
      k = close + 1;
    }
  }
  while (k < limit && SKIPPABLE.has(tokens.pos[k])) k++;
  if (k < limit && isVerb(k)) return { words: { from: first, to, appositive }, verb: k };
  return null;
}

export function isQuoteMark(tokens: TokenTable, i: number): boolean {
  return /^["“”‘’']$/.test(tokens.normal[i]) || /^["“”]/.test(tokens.normal[i]);
}

/** The noun phrase that starts at token `first` (not reaching `limit`), if it has a head. */
export function phraseAt(tokens: TokenTable, first: number, limit: number): SpeakerWords | null {
  if (first >= limit || !isNpToken(tokens, first)) return null;
  const to = nounPhraseForward(tokens, first, limit);
  return to > first && hasHead(tokens, first, to) ? { from: first, to, appositive: null } : null;
}

/** "X accused Washington ... and told a crowd": the subject of the verb before "and". */
export function coordinatedSubject(tokens: TokenTable, verb: number, limit: number): SpeakerWords | null {
  let j = verb - 1;
  while (j >= limit && tokens.pos[j] === 'ADV') j--;
  if (j < limit || tokens.normal[j] !== 'and') return null;
  for (let v = j - 1; v >= limit; v--) {
    if (tokens.pos[v] !== 'VERB' || tokens.normal[v].endsWith('ing') || tokens.normal[v - 1] === 'to') continue;
    const words = subjectBefore(tokens, v, limit);
    if (words) return words;
  }
  return null;
}
