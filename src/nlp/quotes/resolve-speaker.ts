/**
 * @module nlp/quotes/resolve-speaker
 * Turns the speaker's words into a Speaker: the actor mention that covers them (from
 * nlp.actors), a pronoun's antecedent or the latest fitting mention before it, or, when no
 * mention covers the words, their capitalised words themselves with no code.
 */
import type { Article } from '../../model/article.js';
import type { Mention, MentionKind } from '../../model/mention.js';
import type { Speaker } from '../../model/quote.js';
import type { SpeakerWords } from './speaker-phrase.js';

const SPEAKER_KINDS: ReadonlySet<MentionKind> = new Set(['person', 'organization', 'country', 'group']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const GROUP_PRONOUNS = new Set(['it', 'they', 'we']);
/** "who gave his name only as Kelvin", "identified only as Ahmed": a name the speaker gave. */
const GIVEN_NAME = /\b(?:who\s+)?(?:gave (?:his|her|their) (?:first )?name (?:only )?as|identified (?:only |herself |himself )?as|named only as)\s+(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)/u;
/** Leading words that do not belong to a name ("The", "Foreign Minister" stays: it is capitalised). */
const LEADING_DETERMINER = /^(?:the|a|an)\s+/i;

function canonical(article: Article, mention: Mention): Mention {
  const seen = new Set<number>();
  let current = mention;
  while (current.antecedent !== undefined && !seen.has(current.antecedent) && article.mentions[current.antecedent]) {
    seen.add(current.antecedent);
    current = article.mentions[current.antecedent];
  }
  return current;
}

/**
 * The speaker a mention names. A later mention (surname, pronoun) speaks for the person first
 * named, with that mention's code, country and affiliation, so every quote of one expert
 * carries the same ones. The affiliation the actors stage read (an organization's name) wins
 * over the one read from the words around the quote; a person with no code of their own
 * takes the code and country of the organization they belong to ("a researcher at the Centre
 * for Euro-Atlantic Studies in Moscow" -> RUSNGO).
 */
function fromMention(article: Article, mention: Mention, start: number, end: number, affiliation: string | null): Speaker {
  const source = canonical(article, mention);
  const chosen = source.affiliation ?? mention.affiliation ?? affiliation ?? null;
  let code = source.code;
  let country = source.country;
  if (code === null && chosen !== null && source.kind === 'person') {
    const org = article.mentions.find((m) => m.kind === 'organization' && m.code !== null && (m.name === chosen || m.text === chosen));
    if (org !== undefined) {
      code = org.code;
      country = org.country;
    }
  }
  return { name: source.name ?? source.text, code, country, affiliation: chosen, start, end };
}

/** Mentions of a speaker kind overlapping [start, end): people first, then the earliest. */
function coveringMention(article: Article, start: number, end: number): Mention | null {
  let best: Mention | null = null;
  for (const m of article.mentions) {
    if (!SPEAKER_KINDS.has(m.kind) || m.end <= start || m.start >= end) continue;
    if (!best || (m.kind === 'person' && best.kind !== 'person')) best = m;
  }
  return best;
}

/**
 * The antecedent for a pronoun at `offset`: among the fitting mentions before it, those of
 * the latest sentence that has any, and of these the first — the subject, in news prose
 * ("Macron met Xi. He added: ..." is Macron).
 */
function latestMentionBefore(article: Article, offset: number, kinds: ReadonlySet<MentionKind>): Mention | null {
  let best: Mention | null = null;
  for (const m of article.mentions) {
    if (m.end > offset || !kinds.has(m.kind)) continue;
    // Unresolved short person mentions ("he") are not antecedents themselves.
    if (m.antecedent === undefined && m.code === null && m.name === null && m.kind === 'person' && m.text.length < 4) continue;
    if (!best || m.sentence > best.sentence || (m.sentence === best.sentence && m.start < best.start)) best = m;
  }
  return best;
}

/** Organisation named in an appositive: "a researcher at the Atlantic Council" → "Atlantic Council". */
export function affiliationOf(description: string): string | null {
  const m = /\b(?:at|of|for|with|from)\s+(?:the\s+)?([A-Z][\w'’.&-]*(?:,?\s+(?:(?:of|on|for|and|the|de)\s+)*[A-Z][\w'’.&-]*)*)/.exec(description);
  return m ? m[1].trim() : null;
}

/**
 * @param previous the speaker of the latest quote before, which a pronoun falls back to
 *   when no mention fits (no actors stage ran, or the person was not recognised).
 */
export function resolveSpeaker(article: Article, words: SpeakerWords, previous: Speaker | null = null): Speaker | null {
  const { tokens, text } = article;
  const start = tokens.start[words.from];
  const end = tokens.end[words.to - 1];
  const appositiveText = words.appositive ? text.slice(tokens.start[words.appositive.from], tokens.end[words.appositive.to - 1]) : null;
  const affiliation = appositiveText ? affiliationOf(appositiveText) : null;
  const covering = coveringMention(article, start, end);
  // "his spokeswoman, Iryna Koval, said" / "An adviser to the delegation, Reza Karimi, put it":
  // a description first and the name in apposition; the named person is the speaker.
  if (words.appositive && startsWithDescription(article, words.from)) {
    const aStart = tokens.start[words.appositive.from];
    const aEnd = tokens.end[words.appositive.to - 1];
    const person = coveringMention(article, aStart, aEnd);
    const description = text.slice(start, end);
    if (person && person.kind === 'person') return fromMention(article, person, aStart, aEnd, affiliationOf(description));
    const name = !person ? longestNameRun(article, words.appositive.from, words.appositive.to) : null;
    if (name && name === text.slice(aStart, aEnd)) return { name, code: null, country: null, affiliation: affiliationOf(description), start: aStart, end: aEnd };
  }
  // "a 22-year-old student who gave his name only as Kelvin": the name given is the speaker's.
  const given = GIVEN_NAME.exec(text.slice(start, Math.min(text.length, end + 60)));
  if (given !== null && given.index <= end - start + 6) {
    const at = start + given.index + given[0].length - given[1].length;
    return { name: given[1], code: covering?.kind === 'person' ? null : covering?.code ?? null, country: covering?.country ?? null, affiliation, start: at, end: at + given[1].length };
  }
  const head = headOf(article, words.from, words.to);
  if (covering && head !== null) {
    const headed = byHead(article, head, start, end, affiliation);
    if (headed !== null) return headed;
  }
  if (covering) return fromMention(article, covering, start, end, affiliation);
  const phrase = text.slice(start, end);
  const lower = phrase.toLowerCase();
  if (words.to - words.from === 1 && (PERSON_PRONOUNS.has(lower) || GROUP_PRONOUNS.has(lower))) {
    // "The exchange said … It said …": "it" or "they" saying something goes on with the
    // source of the report just before (a statement, a ministry, officials), not with
    // whatever organisation or country was last named in passing.
    if (!PERSON_PRONOUNS.has(lower) && lower !== 'we' && previous && continuesSource(article, previous, start)) return { ...previous, start, end };
    const kinds: ReadonlySet<MentionKind> = PERSON_PRONOUNS.has(lower) ? new Set(['person']) : new Set(['organization', 'country', 'group']);
    const antecedent = latestMentionBefore(article, start, kinds);
    if (antecedent) return fromMention(article, antecedent, start, end, affiliation);
    if (!PERSON_PRONOUNS.has(lower)) return null;
    if (previous) return { ...previous, start, end };
    const name = latestNameBefore(article, words.from);
    return name ? { name, code: null, country: null, affiliation, start, end } : null;
  }
  if (tokens.pos[words.from] === 'PRON' && words.to - words.from === 1) return null;
  // No actor mention: the capitalised words name the speaker ("Smith", "Sergei Lavrov").
  const name = longestNameRun(article, words.from, words.to) ?? phrase.replace(LEADING_DETERMINER, '');
  return { name, code: null, country: null, affiliation, start, end };
}

/**
 * Whether the previous speaker can be what a later "it"/"they" stands for: named before
 * `offset`, at most one paragraph break away, and not a person (by mention or pronoun).
 */
function continuesSource(article: Article, previous: Speaker, offset: number): boolean {
  if (previous.end > offset) return false;
  if ((article.text.slice(previous.end, offset).match(/\n\s*/g) ?? []).length > 1) return false;
  const words = article.text.slice(previous.start, previous.end).toLowerCase();
  if (PERSON_PRONOUNS.has(words)) return false;
  return !article.mentions.some((m) => m.kind === 'person' && m.start < previous.end && previous.start < m.end && m.start >= previous.start);
}

const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'with', 'from', 'to']);
const POSSESSIVE_WORDS = new Set(["'s", '’s', 'his', 'her', 'its', 'their', 'our']);

/**
 * The head of a speaker phrase that has a possessor or a complement, or null when the phrase
 * has neither: "Iron Maiden's Bruce Dickinson" → "Bruce Dickinson", "Mr Ebbers's lawyers" →
 * "lawyers", "a spokesman for her lawyers" → "a spokesman". The head speaks; the possessor
 * and the complement only say for whom.
 */
function headOf(article: Article, from: number, to: number): [number, number] | null {
  const { tokens } = article;
  let end = to;
  for (let i = from + 1; i < to; i++) {
    if (tokens.pos[i] === 'ADP' && INNER_PREPOSITIONS.has(tokens.normal[i])) {
      end = i;
      break;
    }
  }
  let begin = from;
  for (let i = end - 2; i >= from; i--) {
    if (POSSESSIVE_WORDS.has(tokens.normal[i])) {
      begin = i + 1;
      break;
    }
  }
  if (begin === from && end === to) return null;
  return begin < end ? [begin, end] : null;
}

/**
 * The speaker of a phrase with a possessor or a complement: a mention in its head, else the
 * name its head holds, else an organisation or country it speaks for ("a spokesman for the
 * Kremlin", "Japan's defence minister"), else the head's own words ("lawyers"). A person
 * outside the head is never the speaker ("a lawyer for Smith" is not Smith).
 */
function byHead(article: Article, head: [number, number], start: number, end: number, affiliation: string | null): Speaker | null {
  const { tokens, text } = article;
  const hStart = tokens.start[head[0]];
  const hEnd = tokens.end[head[1] - 1];
  const inHead = coveringMention(article, hStart, hEnd);
  const name = longestNameRun(article, head[0], head[1]);
  // A country inside a longer name ("Mitsubishi Motor Sales America Inc unit") is part of that name.
  const partOfName = inHead !== null && inHead.kind === 'country' && name !== null && name.length > inHead.text.length;
  if (inHead && !partOfName) return fromMention(article, inHead, start, end, affiliation);
  // Organisations first, so that a unit speaks for its company before a country in its name does.
  let group: Mention | null = null;
  for (const m of article.mentions) {
    if (m.kind === 'person' || !SPEAKER_KINDS.has(m.kind) || m.end <= start || m.start >= end || (partOfName && m === inHead)) continue;
    if (group === null || (m.kind === 'organization' && group.kind !== 'organization')) group = m;
  }
  if (partOfName && group) return fromMention(article, group, start, end, affiliation);
  if (name !== null) return { name, code: null, country: null, affiliation, start, end };
  if (group) return fromMention(article, group, start, end, affiliation);
  const words = text.slice(hStart, hEnd).replace(LEADING_DETERMINER, '');
  return words === '' ? null : { name: words, code: null, country: null, affiliation, start, end };
}

/** The longest run of capitalised name tokens in [from, to), or null when there is none. */
function longestNameRun(article: Article, from: number, to: number): string | null {
  const { tokens, text } = article;
  let best: [number, number] | null = null;
  let runStart = -1;
  for (let i = from; i <= to; i++) {
    const word = i < to ? text.slice(tokens.start[i], tokens.end[i]) : '';
    // Places are where the speaker is, not who ("authorities in Beijing").
    const nameLike = i < to && /^\p{Lu}/u.test(word) && tokens.pos[i] !== 'DET' && tokens.pos[i] !== 'PRON' && !isPlace(article, tokens.start[i]);
    if (nameLike && runStart < 0) runStart = i;
    if (!nameLike && runStart >= 0) {
      if (!best || i - runStart > best[1] - best[0]) best = [runStart, i];
      runStart = -1;
    }
  }
  if (!best) return null;
  // Hyphenated names run on without spaces: "Min-ji", "Ha-eun".
  let last = best[1] - 1;
  while (last + 1 < tokens.start.length && tokens.start[last + 1] === tokens.end[last] && /[\p{L}-]/u.test(text[tokens.start[last + 1]])) last++;
  return text.slice(tokens.start[best[0]], tokens.end[last]);
}

/**
 * Last resort for "he"/"she" when no person mention and no earlier speaker exists: the
 * nearest run of proper nouns before the pronoun that no place or organisation mention covers.
 */
function latestNameBefore(article: Article, before: number): string | null {
  const { tokens, text } = article;
  const floor = Math.max(0, before - 80);
  for (let i = before - 1; i >= floor; i--) {
    if (tokens.pos[i] !== 'PROPN') continue;
    let from = i;
    while (from - 1 >= floor && tokens.pos[from - 1] === 'PROPN') from--;
    const start = tokens.start[from];
    const end = tokens.end[i];
    const other = article.mentions.some((m) => m.kind !== 'person' && m.start < end && start < m.end);
    if (!other) return text.slice(start, end);
    i = from;
  }
  return null;
}

function isPlace(article: Article, offset: number): boolean {
  return article.mentions.some((m) => m.kind === 'location' && m.start <= offset && offset < m.end);
}

/** A noun phrase that opens with a determiner or possessive: "an adviser", "his spokeswoman", "Japan's defence minister". */
function startsWithDescription(article: Article, from: number): boolean {
  const { tokens } = article;
  if (tokens.pos[from] === 'DET') return true;
  if (/^(?:his|her|its|their|our)$/.test(tokens.normal[from])) return true;
  for (let i = from; i < Math.min(from + 4, tokens.start.length); i++) {
    if (tokens.normal[i] === "'s" || tokens.normal[i] === '’s') return true;
  }
  return false;
}
