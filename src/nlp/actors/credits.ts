/**
 * @module nlp/actors/credits
 * Credit names are never actors (issue 10): photo and news agencies, picture libraries and
 * photographers named in a credit ("AP Photo/E. Vucci", "Getty Images", "picture-alliance/dpa",
 * "Photo: Jane Roe/AFP"). A mention is a credit when its name is on the credit list
 * (data/lexicon/en/credit-names.txt) or when it stands inside a credit: after "Photo:",
 * "Image:", "©" or an agency and a slash, or before a slash and an agency. The list holds the
 * knowledge; this module only the shape of a credit.
 */
import { wordList } from '../lexicon/word-lists.js';
import { foldKey } from './text-key.js';

/** How far before a mention, on its line, a credit lead-in may stand. */
const REACH = 60;

/** "Photo: ", "Image: picture-alliance/", "© ", "Credit: " up to the name. */
const LEAD_IN = /(?:\b(?:photos?|images?|pictures?|photographs?|photo credit|credits?|foto|bild|illustration|graphic)\s*(?::|by\b)|©|\(c\))[^.!?:\n]*$/iu;
/**
 * "Reuters/", "AP Photo/E. ", "picture-alliance/": a credit path right before the name (a slash
 * and initials at most); group 1 is what stands before the slash. "Israeli/Palestinian" is no
 * credit: the part before the slash must be a credit name or end in "Photo".
 */
const AFTER_SLASH = /([\p{L}][\p{L}\s.-]{0,30})\/\s*(?:\p{Lu}\.\s*)*$/u;
/** "/AFP", "/ Getty Images", " via Reuters" right after the name. */
const BEFORE_AGENCY = /^\s*(?:\/|\bvia\b)\s*([\p{L}][\p{L}\s.-]{0,30})/u;

function isCreditName(name: string): boolean {
  const key = foldKey(name);
  if (key === '') return false;
  const names = wordList('credit-names');
  return names.has(key) || names.has(key.replace(/^the /, ''));
}

/**
 * Whether the mention at [start, end) of `text` (its surface, or its canonical `name`) is a
 * credit rather than an actor.
 * @example isCreditMention('Trump in July 2017Image: picture-alliance/AP Photo/E. Vucci', 49, 54) // true
 */
export function isCreditMention(text: string, start: number, end: number, name: string | null = null): boolean {
  const surface = text.slice(start, end);
  if (isCreditName(surface) || (name !== null && isCreditName(name))) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - REACH), start);
  if (LEAD_IN.test(before)) return true;
  const slash = AFTER_SLASH.exec(before);
  if (slash !== null) {
    const words = slash[1].trim().split(/\s+/);
    if (/^(?:photos?|images?|pool)$/i.test(words[words.length - 1])) return true;
    for (let n = 1; n <= words.length; n++) if (isCreditName(words.slice(-n).join(' '))) return true;
  }
  const lineEnd = text.indexOf('\n', end);
  const after = BEFORE_AGENCY.exec(text.slice(end, lineEnd < 0 ? end + 40 : Math.min(lineEnd, end + 40)));
  if (after !== null) {
    // "John Smith/AFP": the name stands in front of an agency's credit.
    const words = after[1].trim().split(/\s+/);
    for (let n = words.length; n > 0; n--) if (isCreditName(words.slice(0, n).join(' '))) return true;
  }
  return false;
}
