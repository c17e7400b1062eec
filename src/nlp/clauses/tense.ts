/**
 * @module nlp/clauses/tense
 * The tense of a clause, read from its first finite verb group. wink gives universal POS
 * tags only (no VBD/VBZ), so the verb form is told from the surface form against its lemma:
 * "said"/"say" differs and does not end in -s or -ing, so it is a past form.
 */
import type { TokenTable } from '../../model/tokens.js';

export type Tense = 'past' | 'present' | 'future';

const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'would', "'d"]);
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
const HAVE_PRESENT = new Set(['has', 'have', "'ve"]);
const BE_PRESENT = new Set(['is', 'are', 'am', "'s", "'re", "'m", '’s', '’re', '’m']);
/** "is due to", "are set to", "plans to": present forms that announce a future event. */
const FUTURE_FRAMES = new Set([
  'due', 'set', 'expected', 'scheduled', 'going', 'poised', 'slated', 'planning', 'preparing', 'about',
]);
const FUTURE_VERBS = new Set(['plan', 'intend', 'aim', 'hope', 'expect', 'prepare']);

function isVerbal(pos: string): boolean {
  return pos === 'VERB' || pos === 'AUX';
}

/** A past form: differs from its lemma and is neither a 3rd-person -s nor an -ing form. */
export function isPastForm(tokens: TokenTable, i: number): boolean {
  const normal = tokens.normal[i];
  if (PAST_AUX.has(normal)) return true;
  return normal !== tokens.lemma[i] && !normal.endsWith('s') && !normal.endsWith('ing') && normal !== 'be';
}

/** True when token i is followed (within two tokens) by the infinitive marker "to". */
function followedByTo(tokens: TokenTable, i: number, end: number): boolean {
  for (let j = i + 1; j < Math.min(end, i + 3); j++) if (tokens.normal[j] === 'to') return true;
  return false;
}

/**
 * Tense of the tokens [from, to): future (will, would, is due to, plans to), past (a past
 * form, or has/have + participle: the event happened), present, or null when no finite verb.
 */
export function tenseOf(tokens: TokenTable, from: number, to: number): Tense | null {
  for (let i = from; i < to; i++) {
    const pos = tokens.pos[i];
    const normal = tokens.normal[i];
    // wink often tags "plans"/"aims" in "X plans to visit" as a noun.
    if (pos === 'NOUN' && FUTURE_VERBS.has(tokens.lemma[i]) && normal.endsWith('s') && tokens.normal[i + 1] === 'to') return 'future';
    if (!isVerbal(pos)) continue;
    // Infinitives, gerunds and adjectival participles ("the expelled diplomats") are not finite.
    if (i > from && tokens.normal[i - 1] === 'to') continue;
    if (pos === 'VERB' && normal.endsWith('ing')) continue;
    if (pos === 'VERB' && i > from && tokens.pos[i - 1] === 'DET') continue;
    if (FUTURE_AUX.has(normal)) return 'future';
    if (PAST_AUX.has(normal)) return 'past';
    if (HAVE_PRESENT.has(normal)) {
      // Present perfect reports a finished event; "has to" is an obligation, i.e. present.
      const next = i + 1 < to ? tokens.normal[i + 1] : '';
      if (next === 'to') return 'present';
      return 'past';
    }
    if (BE_PRESENT.has(normal)) {
      for (let j = i + 1; j < Math.min(to, i + 3); j++) {
        if (FUTURE_FRAMES.has(tokens.normal[j]) && followedByTo(tokens, j, to)) return 'future';
      }
      return 'present';
    }
    if (pos === 'AUX') {
      // Modals (can, may, must, could, should) and do/does: present time frame.
      return 'present';
    }
    if (isPastForm(tokens, i)) return 'past';
    if (FUTURE_VERBS.has(tokens.lemma[i]) && followedByTo(tokens, i, to)) return 'future';
    return 'present';
  }
  return null;
}

/** A finite verb group: its token range and the tense it gives. */
export interface VerbGroup {
  from: number;
  to: number;
  tense: Tense;
}

/**
 * The finite verb groups of tokens [from, to): runs of verbs, auxiliaries, "not" and adverbs
 * ("will not be sent", "had earlier said"), each with its tense. Groups that hold no finite
 * verb (gerunds, infinitives) are left out.
 */
export function verbGroups(tokens: TokenTable, from: number, to: number): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let i = from;
  // Whether a finite verb came before with no clause boundary since: then a bare base form
  // is its complement ("helped the authorities seize"), not a new finite verb.
  let governed = false;
  while (i < to) {
    if (!isVerbal(tokens.pos[i])) {
      if (tokens.normal[i] === ',' || tokens.normal[i] === ';' || tokens.pos[i] === 'CCONJ' || tokens.pos[i] === 'SCONJ') governed = false;
      i++;
      continue;
    }
    // A base form right before another verb is a misread name or noun ("Tim Cook/VERB said").
    while (i + 1 < to && tokens.pos[i] === 'VERB' && tokens.pos[i + 1] === 'VERB' && tokens.normal[i] === tokens.lemma[i]) i++;
    let end = i + 1;
    while (end < to && (isVerbal(tokens.pos[end]) || tokens.pos[end] === 'PART' || tokens.pos[end] === 'ADV')) end++;
    // Look a little past the group for "due to", "set to", "plans to".
    const tense = tenseOf(tokens, i, Math.min(to, end + 3));
    // A bare base form is finite only after a plain subject ("they meet", "ministers meet")
    // that no earlier verb governs.
    const bare = tokens.pos[i] === 'VERB' && tokens.normal[i] === tokens.lemma[i] && (governed || (tokens.pos[i - 1] !== 'PRON' && tokens.pos[i - 1] !== 'NOUN'));
    if (tense !== null && !bare && !(tokens.pos[i] === 'VERB' && tokens.normal[i].endsWith('ing')) && tokens.normal[i - 1] !== 'to') {
      groups.push({ from: i, to: end, tense });
      governed = true;
    }
    i = end;
  }
  return groups;
}
