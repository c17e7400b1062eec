/**
 * @module coder/cameo/lemma
 * Base-form candidates for a token. wink's lemmatiser is good on verbs it tags as verbs but
 * leaves plurals and participles alone when it mistags them ("tariffs/PROPN", "sign/NOUN"),
 * so the coder looks a token up under its lemma, its lower-case form and a few regular
 * de-inflections. Patterns are written in base form; these candidates meet them halfway.
 */

/** Irregular past forms that the coder's verbs use; wink misses some when it mistags them. */
const IRREGULAR: Record<string, string> = {
  shot: 'shoot', struck: 'strike', fought: 'fight', met: 'meet', held: 'hold', began: 'begin', begun: 'begin', sent: 'send',
  gave: 'give', given: 'give', took: 'take', taken: 'take', brought: 'bring', withdrew: 'withdraw', withdrawn: 'withdraw',
  flew: 'fly', flown: 'fly', led: 'lead', made: 'make', went: 'go', gone: 'go', told: 'tell', sought: 'seek', broke: 'break',
  broken: 'break', spoke: 'speak', spoken: 'speak', froze: 'freeze', frozen: 'freeze', drew: 'draw', drawn: 'draw',
  shook: 'shake', threw: 'throw', thrown: 'throw', stole: 'steal', stolen: 'steal', beat: 'beat', beaten: 'beat', slew: 'slay',
  slain: 'slay', hung: 'hang', fled: 'flee', forbade: 'forbid', forbidden: 'forbid', swore: 'swear', sworn: 'swear', wrote: 'write',
  written: 'write', rode: 'ride', overtook: 'overtake', bore: 'bear', borne: 'bear', won: 'win', lost: 'lose', left: 'leave',
  kept: 'keep', paid: 'pay', laid: 'lay', sold: 'sell', bought: 'buy', stood: 'stand', chose: 'choose', chosen: 'choose',
  arose: 'arise', saw: 'see', seen: 'see', came: 'come', knew: 'know', known: 'know', did: 'do', done: 'do', ran: 'run',
  rang: 'ring', undertook: 'undertake', forgave: 'forgive', forgiven: 'forgive', oversaw: 'oversee', upheld: 'uphold',
  withheld: 'withhold', dealt: 'deal', felt: 'feel', meant: 'mean', heard: 'hear', spent: 'spend', built: 'build', lent: 'lend',
  fed: 'feed', bled: 'bleed', sped: 'speed', dug: 'dig',
};

/**
 * Returns the distinct base-form candidates for a token, most trusted first.
 * @param normal lower-case surface form
 * @param lemma wink's lemma
 * @example lemmaCandidates('imposed', 'imposed') // ['imposed', 'impose', 'impos']
 */
export function lemmaCandidates(normal: string, lemma: string): string[] {
  const key = `${normal}\u0000${lemma}`;
  let out = memo.get(key);
  if (out === undefined) {
    out = computeCandidates(normal, lemma);
    // Bounded: a long-running ingest sees an open vocabulary.
    if (memo.size >= 100_000) memo.clear();
    memo.set(key, out);
  }
  return out;
}

const memo = new Map<string, string[]>();

function add(out: string[], w: string): void {
  if (w.length > 1 && !out.includes(w)) out.push(w);
}

function computeCandidates(normal: string, lemma: string): string[] {
  const out = [lemma];
  const word = normal.replace(/[’']s$/, '');
  add(out, word);
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) add(out, irregular);
  if (word.length <= 3) return out;
  if (word.endsWith('ies')) add(out, word.slice(0, -3) + 'y');
  else if (word.endsWith('es')) {
    add(out, word.slice(0, -1));
    add(out, word.slice(0, -2));
  } else if (word.endsWith('s') && !word.endsWith('ss')) add(out, word.slice(0, -1));
  if (word.endsWith('ied')) add(out, word.slice(0, -3) + 'y');
  else if (word.endsWith('ed')) {
    add(out, word.slice(0, -1));
    add(out, word.slice(0, -2));
    if (word.length > 5 && word[word.length - 3] === word[word.length - 4]) add(out, word.slice(0, -3));
  }
  if (word.endsWith('ing') && word.length > 5) {
    const stem = word.slice(0, -3);
    add(out, stem);
    add(out, stem + 'e');
    if (stem[stem.length - 1] === stem[stem.length - 2]) add(out, stem.slice(0, -1));
  }
  return out;
}
