/**
 * @module coder/cameo/lemma
 * Base-form candidates for a token. wink's lemmatiser is good on verbs it tags as verbs but
 * leaves plurals and participles alone when it mistags them ("tariffs/PROPN", "sign/NOUN"),
 * so the coder looks a token up under its lemma, its lower-case form and a few regular
 * de-inflections. Patterns are written in base form; these candidates meet them halfway.
 */

/**
 * Returns the distinct base-form candidates for a token, most trusted first.
 * @param normal lower-case surface form
 * @param lemma wink's lemma
 * @example lemmaCandidates('imposed', 'imposed') // ['imposed', 'impose', 'impos']
 */
export function lemmaCandidates(normal: string, lemma: string): string[] {
  const out = [lemma];
  const add = (w: string) => {
    if (w.length > 1 && !out.includes(w)) out.push(w);
  };
  const word = normal.replace(/[’']s$/, '');
  add(word);
  if (word.length <= 3) return out;
  if (word.endsWith('ies')) add(word.slice(0, -3) + 'y');
  else if (word.endsWith('es')) {
    add(word.slice(0, -1));
    add(word.slice(0, -2));
  } else if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ied')) add(word.slice(0, -3) + 'y');
  else if (word.endsWith('ed')) {
    add(word.slice(0, -1));
    add(word.slice(0, -2));
    if (word.length > 5 && word[word.length - 3] === word[word.length - 4]) add(word.slice(0, -3));
  }
  if (word.endsWith('ing') && word.length > 5) {
    const stem = word.slice(0, -3);
    add(stem);
    add(stem + 'e');
    if (stem[stem.length - 1] === stem[stem.length - 2]) add(stem.slice(0, -1));
  }
  return out;
}
