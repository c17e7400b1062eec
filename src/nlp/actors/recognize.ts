/**
 * @module nlp/actors/recognize
 * The actors stage's work on one article: read each sentence's actor phrases (phrases.ts),
 * code them (actor-code.ts), decide whether a bare country or capital is an actor or a place,
 * drop credits, bylines and interview publishers, then fill in appositions and coreference.
 */
import type { Article } from '../../model/article.js';
import type { ActorDictionary } from './dictionary.js';
import type { Phrase, SentenceView } from './phrases.js';
import { readPhrases, readUnits, surfaceOf } from './phrases.js';
import { codePhrase, phraseRole, pickPerson } from './actor-code.js';
import { surnameOf, tenureAt } from './people.js';
import { foldKey, tokenKeys, withoutArabicArticle, type TokenKeys } from './text-key.js';
import { isCreditMention } from './credits.js';
import { authorNames, isCreditSentence, isPublisherContext, isReporterApposition } from './exclusions.js';
import { linkTo, toMentions, type Draft } from './drafts.js';
import { resolveAppositions } from './appositions.js';
import { isDefiniteNoun, resolveDefinite, resolveGroupTitle, resolvePronoun, resolveSurname, resolveTitle, resolvePossessivePronoun } from './coreference.js';
import type { Mention } from '../../model/mention.js';
import type { Person } from './lexicon.js';
import { looksLikePersonName } from './person-names.js';

import { ACTORS_STAGE } from './stage-name.js';
import { wordList } from '../lexicon/word-lists.js';
export { ACTORS_STAGE };

/** Prepositions after which a country or capital is where something happens, not who acts. */
export const LOCATION_PREPOSITIONS = new Set([
  'in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'within', 'around', 'from', 'into', 'to',
  'towards', 'toward', 'via', 'visited', 'visiting', 'visit', 'over', 'through', 'leaving', 'leave', 'left',
]);
/** Words after which a bare role word is what someone is, not who acts. */
const PREDICATE_BEFORE = new Set(['himself', 'herself', 'themselves', 'itself', 'became', 'become', 'becomes', 'becoming', 'elected', 'appointed', 'named', 'sworn']);
/** Nouns of travel before "between": "flights between Addis Ababa and Asmara" joins places. */
const ROUTE_NOUNS = new Set(['flights', 'flight', 'trains', 'train', 'road', 'roads', 'highway', 'route', 'routes', 'border', 'crossing', 'crossings', 'trade', 'travel', 'traffic', 'ferry', 'ferries', 'pipeline', 'bus', 'buses', 'distance']);
/** Words before a capital that make it the one acted on ("sanctions against Moscow"). */
const TARGET_WORDS = new Set(['against', 'with', 'by', 'on', 'between', 'urged', 'accused', 'warned', 'told', 'criticized', 'criticised', 'blamed', 'pressed', 'called']);
/** Parts of speech that never start a dictionary phrase unless capitalized (skipped for speed). */
const NEVER_STARTS = new Set(['PUNCT', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PRON', 'PART', 'NUM', 'SYM']);
/** Words between a preposition and a place: "in the east of", "in eastern Ukraine". */
const SKIP_BEFORE_PLACE = new Set(['the', 'eastern', 'western', 'northern', 'southern', 'central', 'north', 'south', 'east', 'west', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'rural', 'occupied', 'neighbouring', 'neighboring']);
const DATELINE_DASHES = new Set(['—', '–', '-', '--']);
/** Words after which an unknown capitalized name is a place, not a person ("in Serebryany Bor"). */
const PLACE_BEFORE_NAME = new Set(['in', 'at', 'near', 'outside', 'inside', 'into', 'across', 'towards', 'toward']);
/** Lower-case words after a hyphen that make compounds, not given names ("Smith-led"). */
const NOT_SYLLABLES = new Set(['led', 'run', 'era', 'like', 'born', 'held', 'made', 'type', 'wide', 'free', 'only', 'area', 'day', 'year', 'old', 'up', 'in', 'out', 'off', 'on', 'at', 'by', 'to', 'of', 'and', 'the']);
const NAME_PARTICLES = new Set(['al', 'bin', 'ibn', 'van', 'von', 'der', 'de', 'da', 'di', 'du', 'la', 'le', 'el', 'abu', 'ben']);
const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'god',
  'mr.', 'mrs.', 'ms.', 'dr.', 'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.',
]);
/** Nouns that, after a country adjective, name a part of the country (see places/recognize.ts). */
const PLACE_NOUNS = new Set([
  'border', 'borders', 'capital', 'land', 'lands', 'airspace', 'territory', 'territories', 'waters', 'coast',
  'coastline', 'islands', 'island', 'mainland', 'frontier', 'countryside', 'province', 'provinces', 'city', 'cities', 'port',
]);
/** Parts of speech a first name before a known surname may be tagged with ("Pieter Maas"). */
const GIVEN_NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'VERB']);
const NAME_SHAPE = /^\p{Lu}[\p{L}'’.]*$/u;

export interface RecognizeContext {
  dict: ActorDictionary;
  orgHeads: Map<string, string>;
  /** True when a folded phrase names a known place (city, region): not a person's name. */
  isPlace: (key: string) => boolean;
  /** Country of the most likely place a folded phrase names, or null. */
  placeCountry: (key: string) => string | null;
}

/** Finds and codes every actor mention of the article. */
export function recognizeActors(article: Article, ctx: RecognizeContext): Mention[] {
  const { tokens, text } = article;
  if (tokens.start.length === 0) return [];
  const keys = tokenKeys(article);
  const date = article.meta.published;
  const authors = authorNames(article);
  const drafts: Draft[] = [];
  /** "the Kyiv Institute of Sociology (KIIS)": acronyms the article introduces, for later "KIIS". */
  const acronyms = new Map<string, Draft>();
  const { dict } = ctx;
  for (let si = 0; si < article.sentences.length; si++) {
    if (isCreditSentence(article, si)) continue;
    const s = article.sentences[si];
    const isName = nameTokenTest(keys, tokens.pos, s.tokenStart, s.tokenEnd);
    const units = readUnits(keys, tokens.pos, s.tokenStart, s.tokenEnd,
      (i) => (!keys.capital[i] && NEVER_STARTS.has(tokens.pos[i]) ? null : dict.index.match(keys, i, s.tokenEnd, text, tokens.start, tokens.end)),
      isName,
      (i) => keys.capital[i] && NAME_SHAPE.test(keys.surface[i]) && !NOT_NAMES.has(keys.key[i]) && GIVEN_NAME_POS.has(tokens.pos[i]) && looksLikePersonName(keys.surface[i]));
    const view: SentenceView = { keys, pos: tokens.pos, units, orgHeads: ctx.orgHeads };
    const sentenceDrafts: Draft[] = [];
    const phrases = readPhrases(view);
    let next = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      // Pronouns are read in text order with the phrases, so "he" sees only what came before it.
      while (next < phrases.length && phrases[next].from <= i) {
        const d = acronymDraft(phrases[next], keys, si, article, acronyms) ?? draftPhrase(phrases[next], article, keys, si, drafts, ctx, authors, date);
        if (d !== null && d.mention.kind === 'organization') rememberAcronym(d, keys, s.tokenEnd, acronyms);
        if (d !== null) {
          drafts.push(d);
          sentenceDrafts.push(d);
        }
        next += 1;
      }
      const pronoun = resolvePronoun(article, keys, i, si, drafts);
      if (pronoun !== null) drafts.push(pronoun);
    }
    resolveAppositions(keys, sentenceDrafts, s.tokenStart, s.tokenEnd);
  }
  return toMentions(withoutCredits(drafts, text));
}

/** Drafts that are not credits (credits.ts), nor later mentions resolved to a credit. */
function withoutCredits(drafts: Draft[], text: string): Draft[] {
  const credits = new Set<Draft>();
  for (const d of drafts) {
    const resolved = d.antecedent !== null && credits.has(d.antecedent);
    if (resolved || ((d.mention.kind === 'person' || d.mention.kind === 'organization' || d.mention.kind === 'group') && isCreditMention(text, d.mention.start, d.mention.end, d.mention.name))) credits.add(d);
  }
  return credits.size === 0 ? drafts : drafts.filter((d) => !credits.has(d));
}

/** Remembers "(ABC)" right after an organization's name as that organization's acronym. */
function rememberAcronym(d: Draft, keys: TokenKeys, sentenceEnd: number, acronyms: Map<string, Draft>): void {
  const at = d.to;
  if (at + 2 >= sentenceEnd || keys.key[at] !== '(' || keys.key[at + 2] !== ')') return;
  if (/^\p{Lu}[\p{Lu}&-]{1,7}$/u.test(keys.surface[at + 1])) acronyms.set(keys.surface[at + 1], d.antecedent ?? d);
}

/** A later use of an acronym the article introduced: the organization again. */
function acronymDraft(p: Phrase, keys: TokenKeys, si: number, article: Article, acronyms: Map<string, Draft>): Draft | null {
  if (acronyms.size === 0 || p.name === null || p.to - p.from !== 1 || keys.key[p.from - 1] === '(') return null;
  const org = acronyms.get(keys.surface[p.from]);
  if (org === undefined) return null;
  const { tokens } = article;
  const d: Draft = {
    mention: {
      start: tokens.start[p.from], end: tokens.end[p.from], text: keys.surface[p.from], kind: 'organization', code: null,
      country: null, role: null, name: null, sentence: si, via: { stage: ACTORS_STAGE, rule: 'acronym' },
    },
    from: p.from, to: p.to, person: null, personRole: false, surname: null, antecedent: null,
  };
  linkTo(d, org, 'acronym');
  return d;
}

/** Whether token i can be part of a capitalized name (within the sentence [from, to)). */
function nameTokenTest(keys: TokenKeys, pos: string[], from: number, to: number): (i: number) => boolean {
  const givenNameSyllable = (i: number) =>
    i < to && /^[a-z]{1,4}$/.test(keys.surface[i]) && !NOT_SYLLABLES.has(keys.key[i]) && (i + 1 >= to || keys.spaceAfter[i] || !/^[a-z]/i.test(keys.surface[i + 1]));
  const looksCapital = (i: number) => i >= from && i < to && keys.capital[i] && NAME_SHAPE.test(keys.surface[i]) && !NOT_NAMES.has(keys.key[i]);
  return (i: number) => {
    if (looksCapital(i)) {
      if (pos[i] === 'PROPN') return true;
      if (i === from) return false;
      return pos[i] === 'NOUN' || pos[i] === 'ADJ' || pos[i] === 'X' || pos[i] === 'VERB';
    }
    // Particles and hyphens inside names: "Bashar al-Assad", "Jean-Yves Le Drian".
    const glued = i > from && i + 1 < to && !keys.spaceAfter[i - 1] && !keys.spaceAfter[i];
    if (keys.key[i] === '-' && glued) {
      if ((looksCapital(i - 1) || NAME_PARTICLES.has(keys.key[i - 1])) && looksCapital(i + 1)) return true;
      // Hyphenated East Asian given names: "Tsai Ing-wen", "Moon Jae-in", "Kim Jong-un".
      return looksCapital(i - 1) && givenNameSyllable(i + 1);
    }
    if (i > from && keys.key[i - 1] === '-' && !keys.spaceAfter[i - 1] && looksCapital(i - 2) && givenNameSyllable(i)) return true;
    if (NAME_PARTICLES.has(keys.key[i]) && i > from && i + 1 < to) {
      return looksCapital(i - 1) && (looksCapital(i + 1) || (keys.key[i + 1] === '-' && looksCapital(i + 2)));
    }
    return false;
  };
}

/** Country of the first place named by one or two tokens inside [from, to). */
function countryInside(keys: TokenKeys, from: number, to: number, ctx: RecognizeContext): string | null {
  for (let i = from; i < to; i++) {
    if (!keys.capital[i]) continue;
    const two = i + 1 < to ? keys.key[i] + (keys.spaceAfter[i] ? ' ' : '') + keys.key[i + 1] : null;
    const country = (two !== null ? ctx.placeCountry(two) : null) ?? ctx.placeCountry(keys.key[i]);
    if (country !== null) return country;
  }
  return null;
}

/** Country of "Shanghai-based" right before token `from` ("the Shanghai-based Eastbridge Centre"). */
function basedIn(keys: TokenKeys, from: number, sentenceStart: number, ctx: RecognizeContext): string | null {
  let end = from - 1;
  if (end > sentenceStart && keys.key[end] === 'the') end--;
  if (end <= sentenceStart) return null;
  if (keys.key[end] === '-based') end -= 0;
  else if (keys.key[end] === 'based' && keys.key[end - 1] === '-') end -= 1;
  else return null;
  return countryInside(keys, Math.max(sentenceStart, end - 2), end, ctx);
}

/** True when the phrase's tokens lie inside a longer known place name ("South China Sea"). */
function insidePlaceName(keys: TokenKeys, p: Phrase, from: number, to: number, ctx: RecognizeContext): boolean {
  for (let a = Math.max(from, p.from - 1); a <= p.from; a++) {
    for (let b = p.to; b <= Math.min(to, p.to + 1); b++) {
      if (b - a <= p.to - p.from || !keys.capital[a] || !keys.capital[b - 1]) continue;
      if (ctx.isPlace(foldName(keys, [a, b]))) return true;
    }
  }
  return false;
}

function compassAdjective(key: string): boolean {
  return (wordList('compass-adjectives') as Set<string>).has(key);
}

/** True for the second capital in "flights between X and Y". */
function routePair(keys: TokenKeys, at: number, from: number): boolean {
  for (let i = at - 2; i >= from && i >= at - 5; i--) {
    if (keys.key[i] === 'between') return i - 1 >= from && ROUTE_NOUNS.has(keys.key[i - 1]);
    if (!keys.capital[i]) return false;
  }
  return false;
}

/** True for "City, Country": token before `from` is a comma after a capitalized place name. */
function afterPlaceName(keys: TokenKeys, from: number, sentenceStart: number, ctx: RecognizeContext): boolean {
  if (from - 2 < sentenceStart || keys.key[from - 1] !== ',') return false;
  for (let i = from - 2, key = ''; i >= sentenceStart && i > from - 5 && keys.capital[i]; i--) {
    key = key === '' ? keys.key[i] : keys.key[i] + (keys.spaceAfter[i] ? ' ' : '') + key;
    if (ctx.isPlace(key)) return true;
  }
  return false;
}

const FEMALE_TITLES = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'madam', 'madame', 'mme', 'mme.', 'dame', 'lady', 'queen']);
const MALE_TITLES = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'sheikh', 'monsieur', 'm.']);
/** Given names ending in -a that are men's ("Nikita", "Musa"), and women's names with other endings. */
const MALE_IN_A = new Set(['nikita', 'ilya', 'luca', 'andrea', 'joshua', 'musa', 'mustafa', 'moussa', 'issa', 'isa', 'hamza', 'osama', 'usama', 'taha', 'yahya', 'zakaria', 'attia', 'juma', 'jumaa', 'oba', 'akira', 'sasha', 'kostya', 'mykola', 'mikola', 'foma', 'luka', 'nikola', 'jonah', 'ezra', 'elijah', 'garcia', 'costa', 'da', 'la']);
const FEMALE_NAMES = new Set(['yasmin', 'nasrin', 'ingrid', 'karen', 'helen', 'ellen', 'claire', 'marie', 'sophie', 'chloe', 'alice', 'catherine', 'elizabeth', 'margaret', 'susan', 'sarah', 'rachel', 'ruth', 'jennifer', 'mary', 'nancy', 'carol', 'nino', 'iryna', 'olha', 'kateryna', 'ines', 'mercedes', 'dolores', 'carmen', 'isabel', 'beatriz', 'agnes', 'astrid', 'sigrid', 'birgit', 'christine', 'jacqueline', 'nathalie', 'isabelle', 'mei', 'ling', 'yuki', 'keiko', 'yoko', 'hanako', 'aiko']);

/** The gender the dictionary or the text gives a person phrase: titles, "-woman" roles, first names. */
function genderOf(p: Phrase, keys: TokenKeys, person: Person | null): 'f' | 'm' | null {
  if (person?.gender) return person.gender;
  for (let i = p.from; i < p.to; i++) {
    const k = keys.key[i];
    if (FEMALE_TITLES.has(k) || /(wom[ae]n|ess)$/.test(k)) return 'f';
    if (MALE_TITLES.has(k) || /^(spokes|chair|congress|business|country)man$/.test(k)) return 'm';
  }
  if (p.name === null || p.name[1] - p.name[0] < 2) return null;
  const first = keys.key[p.name[0]];
  if (FEMALE_NAMES.has(first)) return 'f';
  if (first.length > 2 && first.endsWith('a') && !MALE_IN_A.has(first)) return 'f';
  return null;
}

/** True when a role word ("administration", "government") starts at token i. */
function roleAt(ctx: RecognizeContext, article: Article, keys: TokenKeys, i: number, limit: number): boolean {
  const m = ctx.dict.index.match(keys, i, limit, article.text, article.tokens.start, article.tokens.end);
  return m !== null && m.entries.some((e) => e.type === 'role');
}

/** True when a folded word is the surname of someone in the people dictionary. */
function isKnownSurname(ctx: RecognizeContext, key: string): boolean {
  let known = surnameCache.get(ctx.dict);
  if (known === undefined) {
    known = new Set(ctx.dict.people.map((p) => foldKey(p.surname)).filter((k) => !k.includes(' ')));
    surnameCache.set(ctx.dict, known);
  }
  return known.has(key);
}
const surnameCache = new WeakMap<object, Set<string>>();

/** True when tokens [from, to) are one to five upper-case words ("DA NANG", "THE HAGUE"). */
function upperCaseRun(keys: TokenKeys, from: number, to: number): boolean {
  if (to <= from || to - from > 5) return false;
  for (let i = from; i < to; i++) if (!/^[\p{Lu}.'’]+$/u.test(keys.surface[i]) || !/\p{L}{2}/u.test(keys.surface[i])) return false;
  return true;
}

function previousWord(keys: TokenKeys, from: number, sentenceStart: number): string | undefined {
  let i = from - 1;
  while (i >= sentenceStart && SKIP_BEFORE_PLACE.has(keys.key[i])) i--;
  return i >= sentenceStart ? keys.key[i] : undefined;
}

/** Folded words before token `from` in its sentence, nearest last. */
function rawWordsBefore(keys: TokenKeys, from: number, sentenceStart: number, n: number): string[] {
  return keys.key.slice(Math.max(sentenceStart, from - n), from);
}

/** Folded words before token `from` in its sentence, determiners skipped, nearest last. */
function wordsBefore(keys: TokenKeys, from: number, sentenceStart: number, n: number): string[] {
  const out: string[] = [];
  for (let i = from - 1; i >= sentenceStart && out.length < n; i--) {
    const k = keys.key[i];
    if (k === 'the' || k === 'a' || k === 'an') continue;
    out.unshift(k);
  }
  return out;
}

/** Codes one phrase into a draft, or returns null when the phrase is not an actor mention. */
function draftPhrase(
  p: Phrase, article: Article, keys: TokenKeys, si: number, drafts: Draft[], ctx: RecognizeContext,
  authors: Set<string>, date: string | null,
): Draft | null {
  const s = article.sentences[si];
  const pos = article.tokens.pos;
  let rule = 'phrase';
  let person: Person | null = null;
  if (p.person !== null && p.surnameOnly && namedEarlierOtherwise(keys.key[p.to - 1], p.person, drafts)) {
    // "Bashar al-Jaafari ... Mr Jaafari": the person this article named wins over a namesake
    // in the dictionary; coreference links the two below.
    p.person = null;
    p.name = [p.to - 1, p.to];
  }
  // "Storm Shadow cruise missiles", "RAF Tornado jets": a name before a common noun names a
  // thing, not a person; what comes before it may still be an actor ("RAF").
  if (p.name !== null && p.person === null && p.newOrg === null && p.name[1] === p.to && p.to < s.tokenEnd &&
      !keys.capital[p.to] && pos[p.to] === 'NOUN' && keys.spaceAfter[p.to - 1]) {
    if (p.name[0] === p.from) return null;
    p.to = p.name[0];
    p.name = null;
  }
  // "Andrews air base", "Kennedy airport": a lone surname before a common noun names a thing.
  if (p.person !== null && p.surnameOnly && p.roles.length === 0 && p.to < s.tokenEnd && !keys.capital[p.to] &&
      pos[p.to] === 'NOUN' && keys.spaceAfter[p.to - 1] && !roleAt(ctx, article, keys, p.to, s.tokenEnd)) {
    // "U.S. Rice industry officials": what stands before the name may still be an actor ("U.S.").
    if (p.to - 1 === p.from || p.country === null) return null;
    p.to -= 1;
    p.person = null;
    p.surnameOnly = false;
  }
  if (p.person !== null) {
    // A lone surname reads as a name when tagged as one mid-sentence or when a verb follows it.
    const namelike = pos[p.from] === 'PROPN' && (p.from > s.tokenStart || pos[p.to] === 'VERB' || pos[p.to] === 'AUX');
    person = choosePerson(p.person, drafts, date, p.surnameOnly && p.roles.length === 0 && !namelike);
    if (person === null) {
      // An ambiguous surname: read it as an unknown name, which coreference may still resolve.
      p.name = [p.to - 1, p.to];
    }
  }
  // "in Western Cambodia", "Northern Iraq": a compass adjective before a place names part of it, not the West.
  if (p.bare && p.to - p.from === 1 && p.to < s.tokenEnd && keys.capital[p.to] && compassAdjective(keys.key[p.from]) &&
      (ctx.isPlace(keys.key[p.to]) || ctx.dict.countryByName.has(keys.key[p.to]))) return null;
  // "the South China Sea", "Western Sahara" aside: a longer place name around the phrase wins.
  if (p.person === null && p.roles.length === 0 && insidePlaceName(keys, p, s.tokenStart, s.tokenEnd, ctx)) return null;
  // "New Mexico", "New South Wales": a place named after a country is not that country.
  if (p.person === null && p.roles.length === 0 && p.org === null && p.countryForm === 'name' && namedAfterCountry(keys, p, s.tokenStart)) return null;
  const possessed = p.to < s.tokenEnd && (keys.key[p.to] === "'s" || keys.key[p.to] === "'");
  // Dateline: "SINGAPORE —" opening a paragraph names where the story was filed.
  if (p.bare && p.from === s.tokenStart && p.to < s.tokenEnd && (DATELINE_DASHES.has(keys.key[p.to]) || keys.key[p.to] === '(')) return null;
  // "RIMBO, Sweden —": the country of an upper-case dateline city is a place too.
  if (p.bare && p.to < s.tokenEnd && DATELINE_DASHES.has(keys.key[p.to]) && keys.key[p.from - 1] === ',' && upperCaseRun(keys, s.tokenStart, p.from - 1)) return null;
  // "MOSCOW (Reuters) -": the agency in a dateline is the publisher, not an actor.
  // Also "MOSCOW/WASHINGTON (Reuters)" and "RAQQA, Syria (Reuters)": any capitalized run opening the sentence.
  const inDateline = keys.key[p.from - 1] === '(' && keys.key[p.to] === ')' && datelineRun(keys, s.tokenStart, p.from - 1);
  if (p.bare && p.countryForm === 'adjective' && !p.former) {
    const word = keys.surface[p.to - 1];
    // "Syrians", "Palestinians": the people of the country (civilians, CAMEO's CVL).
    if (p.to - p.from === 1 && /\p{Ll}s$/u.test(word) && !possessed) {
      p.roles.push({ role: 'CVL', kind: 'head', person: false, from: p.from, to: p.to, defaultCountry: null });
      p.bare = false;
      rule = 'demonym-people';
    } else if (p.to < s.tokenEnd && PLACE_NOUNS.has(keys.key[p.to]) && !(keys.key[p.to + 1] === '-' && !keys.spaceAfter[p.to])) {
      // "the Syrian border", "the German capital": a place (the places stage reads it).
      return null;
    }
  }
  if (p.bare && possessed && p.countryForm === 'capital') {
    p.seatRole = 'GOV';
    rule = 'capital-as-government';
  } else if (p.bare) {
    const prev = previousWord(keys, p.from, s.tokenStart);
    if (p.countryForm === 'capital') {
      if (!actsHere(keys, pos, p, s.tokenStart, s.tokenEnd)) return null;
      p.seatRole = 'GOV';
      rule = 'capital-as-government';
    } else if (p.countryForm === 'name' && afterPlaceName(keys, p.from, s.tokenStart, ctx)) {
      // "Sochi, Russia": the country only says where the city is.
      return null;
    } else if (prev !== undefined && LOCATION_PREPOSITIONS.has(prev) && p.countryForm !== 'adjective') {
      if (p.countryForm !== 'seat' || prev === 'in' || prev === 'at' || prev === 'inside' || prev === 'outside') return null;
    }
  }
  // "Congress", "the Senate": a capitalized institution that names no country means its usual one.
  const fallback = p.roles.find((r) => r.defaultCountry !== null);
  if (p.country === null && p.org === null && person === null && fallback !== undefined && !p.roles.some((r) => r.kind === 'head' && r.defaultCountry === null && r.role !== null && r.from > fallback.from)) {
    p.country = fallback.defaultCountry;
    p.countryName = ctx.dict.countries.get(fallback.defaultCountry!)?.name ?? null;
    rule = 'role-default-country';
  }
  const coded = codePhrase(p, keys, date, person);
  if (p.backed && coded.country === null) rule = 'backed';
  const mention: Draft['mention'] = {
    start: article.tokens.start[p.from],
    end: article.tokens.end[p.to - 1],
    text: article.text.slice(article.tokens.start[p.from], article.tokens.end[p.to - 1]),
    kind: coded.kind,
    code: coded.code,
    country: coded.country,
    role: coded.role,
    name: coded.name,
    sentence: si,
    via: { stage: ACTORS_STAGE, rule },
  };
  if (coded.kind === 'person') mention.affiliation = coded.affiliation;
  const last = p.roles[p.roles.length - 1];
  const draft: Draft = {
    mention, from: p.from, to: p.to, person: coded.person, personRole: last !== undefined && last.person,
    surname: null, antecedent: null, gender: genderOf(p, keys, coded.person),
  };
  if (coded.kind === 'person') {
    // The surname is the last space-separated word: "Asia-Pacific" offers no "Pacific".
    const written = p.name ? surfaceOf(keys, p.name[0], p.name[1]).split(' ') : [];
    // A dictionary that gives the full name as the "surname" (so that one word never matches it on its own) still
    // lets a later "Baker" in the article that named "James Baker" refer back: within an article the last word is the surname.
    const known = coded.person?.surname;
    const surname = known !== undefined ? (known.includes(' ') ? surnameOf(known) : known) : written.length > 1 ? written[written.length - 1] : '';
    draft.surname = surname.toLowerCase() || null;
    if (p.name !== null && authors.has(foldName(keys, p.name))) return null;
    // "told this reporter, Tom Brennan": the author, not an actor ("this" is kept: no determiner skipping).
    if (p.name !== null && isReporterApposition(rawWordsBefore(keys, p.from, s.tokenStart, 3))) return null;
    if (coded.person !== null && authors.has(coded.person.name.toLowerCase())) return null;
  }
  if (coded.kind === 'organization' && coded.code === null && p.newOrg !== null) {
    // "Odessa Centre for Regional Studies": a city inside the name places it ...
    // ... or a place right after it ("the Pacific Security Council in Honolulu").
    const sEnd = s.tokenEnd;
    const country = countryInside(keys, p.from, p.to, ctx) ?? basedIn(keys, p.from, s.tokenStart, ctx) ??
      (p.to + 1 < sEnd && (keys.key[p.to] === 'in' || keys.key[p.to] === ',') ? countryInside(keys, p.to + 1, Math.min(p.to + 3, sEnd), ctx) : null) ??
      // "the Institute for Maritime and Air Power, a London think tank"
      (p.to + 2 < sEnd && keys.key[p.to] === ',' && (keys.key[p.to + 1] === 'a' || keys.key[p.to + 1] === 'an') ? countryInside(keys, p.to + 2, Math.min(p.to + 4, sEnd), ctx) : null);
    if (country !== null) Object.assign(mention, { country, code: country + p.newOrg.role });
  }
  // "told reporters", "speaking to journalists": the audience, not an actor.
  // "this reporter", "our correspondent": the article's own author.
  if (coded.kind === 'group' && coded.role === 'MED' && coded.country === null &&
      (isPublisherContext(wordsBefore(keys, p.from, s.tokenStart, 3)) || keys.key[p.from - 1] === 'this' || keys.key[p.from - 1] === 'our')) return null;
  if (coded.kind === 'organization' && (coded.role === 'MED' || p.org?.kind === 'media')) {
    if (inDateline || isPublisherContext(wordsBefore(keys, p.from, s.tokenStart, 3))) {
      Object.assign(mention, { code: null, country: null, role: null, via: { stage: ACTORS_STAGE, rule: 'publisher' } });
    }
  }
  return finishDraft(draft, p, keys, pos, drafts, ctx, s.tokenStart);
}

/** Name mentions without a dictionary entry, and bare role words: coreference or drop. */
function finishDraft(draft: Draft, p: Phrase, keys: TokenKeys, pos: string[], drafts: Draft[], ctx: RecognizeContext, sentenceStart: number): Draft | null {
  if (p.name !== null && draft.person === null) {
    const words = p.name[1] - p.name[0];
    const earlier = resolveSurname(draft, drafts);
    if (earlier !== null) {
      linkTo(draft, earlier, 'surname');
      return draft;
    }
    const hasDescription = p.roles.length > 0 || p.country !== null || p.org !== null;
    if (words < 2 && !hasDescription) return null;
    if (!hasDescription && PLACE_BEFORE_NAME.has(keys.key[p.from - 1] ?? '')) return null;
    const nameKey = foldName(keys, p.name);
    const surface = surfaceOf(keys, p.name[0], p.name[1]);
    // "Park Min-ji": a first word that is a known surname makes a person's name, whatever else it means.
    const surnameFirst = words > 1 && ctx.dict.index.has(keys.key[p.name[0]]) && isKnownSurname(ctx, keys.key[p.name[0]]);
    if (ctx.isPlace(nameKey) || /^[\p{Lu}.\-]+$/u.test(surface) || (!surnameFirst && !looksLikePersonName(surface))) {
      return hasDescription && words === 1 ? draft : null;
    }
    draft.mention.via = { stage: ACTORS_STAGE, rule: draft.mention.code ? 'name+description' : 'name' };
    return draft;
  }
  if (p.person === null && p.name === null && p.newOrg === null && p.roles.length > 0) {
    // "declared himself interim president", "was elected president": a predicate, not a mention.
    if (p.country === null && p.org === null && (PREDICATE_BEFORE.has(keys.key[p.from - 1] ?? '') ||
        (pos[p.from - 1] === 'ADJ' && !keys.capital[p.from - 1] && PREDICATE_BEFORE.has(keys.key[p.from - 2] ?? '')))) return null;
    const det = determinerBefore(keys, p.from, sentenceStart);
    if (draft.personRole && (det === 'the' || det === 'this')) {
      const earlier = resolveTitle(draft, p, drafts);
      if (earlier !== null) {
        linkTo(draft, earlier, 'title');
        return draft;
      }
    }
    // "the government's delegation": the role belongs to the possessor's country.
    const owner = p.from >= 2 && (keys.key[p.from - 1] === "'s" || keys.key[p.from - 1] === "'") ? drafts.find((e) => e.to === p.from - 1 && e.mention.sentence === draft.mention.sentence) : undefined;
    const role = phraseRole(p);
    if (owner !== undefined && owner.mention.country !== null && draft.mention.country === null && role !== null && owner.mention.kind !== 'person') {
      Object.assign(draft.mention, { country: owner.mention.country, code: owner.mention.country + role, via: { stage: ACTORS_STAGE, rule: 'possessor' } });
    }
    if (!draft.personRole && draft.mention.country === null && p.country === null && p.org === null && (det === 'the' || det === 'this' || det === 'these')) {
      resolveGroupTitle(draft, p, keys, phraseRole(p), drafts);
    }
    // "the bloc", "the country", "his country": an earlier actor of the kind the noun names.
    const head = keys.key[p.to - 1];
    if (draft.mention.country === null && p.roles.length === 1 && isDefiniteNoun(head) && p.country === null && p.org === null) {
      const personal = det === 'his' || det === 'her';
      // "out of the country", "in the country": the country as a place, not an actor.
      const before = keys.key[p.from - 2];
      if (det === 'the' && (head === 'country' || head === 'nation') && before !== undefined && (LOCATION_PREPOSITIONS.has(before) || before === 'of')) return null;
      if ((det === 'the' || det === 'this' || det === 'its' || det === 'their' || personal) && resolveDefinite(draft, head, drafts, personal) !== null) return draft;
      if (draft.mention.code === null) return null;
    }
    if (draft.mention.country === null && (det === 'its' || det === 'their' || det === 'his' || det === 'her')) {
      resolvePossessivePronoun(draft, phraseRole(p), drafts, det === 'his' || det === 'her');
    }
    if (draft.mention.code === null && p.from > sentenceStart && (det === 'a' || det === 'an')) return null;
    // "a security analyst", "a research fellow" (after a name): an expert with no country of their own.
    if (draft.mention.code === null && p.from > sentenceStart && EXPERT_ROLES.has(draft.mention.role ?? '') && indefinite(keys, pos, p.from, sentenceStart)) return null;
  }
  return draft;
}

/**
 * The word that determines a role phrase, looking past a place name in between
 * ("its San Francisco consulate" -> "its").
 */
function determinerBefore(keys: TokenKeys, from: number, sentenceStart: number): string | undefined {
  let i = from - 1;
  while (i >= sentenceStart && i > from - 4 && keys.capital[i] && ctxPlaceLike(keys, i)) i--;
  return i >= sentenceStart ? keys.key[i] : undefined;
}

/** "a security analyst", "an independent research fellow": an indefinite article a few lower-case words back. */
function indefinite(keys: TokenKeys, pos: string[], from: number, sentenceStart: number): boolean {
  for (let i = from - 1; i >= sentenceStart && i >= from - 3; i--) {
    const k = keys.key[i];
    if (k === 'a' || k === 'an') return true;
    if (keys.capital[i] || !/^[a-z][a-z-]*$/.test(k) || (pos[i] !== 'ADJ' && pos[i] !== 'NOUN')) return false;
  }
  return false;
}
/** Roles of experts and observers, who take no country from a dateline. */
const EXPERT_ROLES = new Set(['NGO', 'EDU', 'MED', 'HRI']);

/** A capitalized token that is not itself a determiner-like word ("The", "Its"). */
function ctxPlaceLike(keys: TokenKeys, i: number): boolean {
  return !['the', 'its', 'their', 'his', 'her', 'a', 'an', 'this'].includes(keys.key[i]);
}

function foldName(keys: TokenKeys, range: [number, number]): string {
  let s = keys.key[range[0]];
  for (let i = range[0] + 1; i < range[1]; i++) s += (keys.spaceAfter[i - 1] ? ' ' : '') + keys.key[i];
  return s;
}

/** True when an earlier person mention with this surname is not one of the dictionary's candidates. */
function namedEarlierOtherwise(surname: string, candidates: Person[], drafts: Draft[]): boolean {
  const bare = withoutArabicArticle(surname);
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i].antecedent ?? drafts[i];
    if (d.mention.kind !== 'person' || d.surname === null) continue;
    if (withoutArabicArticle(foldKey(d.surname)) !== bare) continue;
    return d.person === null || !candidates.includes(d.person);
  }
  return false;
}

/**
 * A person named earlier in the article wins; otherwise the one in office on the date. A bare
 * surname with no title ("Rice", "King") must belong to someone in office on the date: common
 * words and names of people long out of office are far more often something else.
 */
function choosePerson(candidates: Person[], drafts: Draft[], date: string | null, bareSurname: boolean): Person | null {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const p = drafts[i].person;
    if (p !== null && candidates.includes(p)) return p;
  }
  const person = pickPerson(candidates, date);
  if (person !== null && bareSurname && date !== null && tenureAt(person, date) === null) return null;
  return person;
}

/**
 * A capital acts ("Moscow expelled", "Moscow's decision", "sanctions against Moscow") unless
 * it follows a location preposition ("in Moscow").
 */
function actsHere(keys: TokenKeys, pos: string[], p: Phrase, from: number, to: number): boolean {
  const prev = previousWord(keys, p.from, from);
  if (prev !== undefined && LOCATION_PREPOSITIONS.has(prev)) return false;
  if (prev === 'between' && p.from - 2 >= from && ROUTE_NOUNS.has(keys.key[p.from - 2])) return false;
  // "... between Addis Ababa and Asmara": the second of a pair of places.
  if (prev === 'and' && routePair(keys, p.from, from)) return false;
  if (p.to < to && (keys.key[p.to] === "'s" || keys.key[p.to] === "'")) return true;
  // "the Baghdad-Damascus highway": part of a compound, not an actor.
  if (p.to < to && keys.key[p.to] === '-' && !keys.spaceAfter[p.to - 1]) return false;
  let j = p.to;
  // "Washington and Moscow agreed": look past the coordinated capital or country.
  if (j < to && (keys.key[j] === 'and' || keys.key[j] === 'or')) {
    j++;
    while (j < to && keys.capital[j]) j++;
  }
  // "Moscow, one of the deal's signatories, has insisted": look past an apposition.
  if (j < to && keys.key[j] === ',' && p.from === from) {
    let c = j + 1;
    while (c < to && c < j + 10 && keys.key[c] !== ',') c++;
    if (c < to && c > j + 1 && keys.key[c] === ',' && keys.key[j + 1] !== 'and') j = c + 1;
  }
  // "Moscow on Friday expelled", "Moscow has": skip a short adverbial and look for the verb.
  while (j < to && j < p.to + 4 && (pos[j] === 'ADV' || pos[j] === 'ADP' || pos[j] === 'PROPN' || pos[j] === 'NUM') && keys.key[j] !== ',') j++;
  if (j < to && (pos[j] === 'VERB' || pos[j] === 'AUX')) return true;
  if (prev !== undefined && (TARGET_WORDS.has(prev) || pos[p.from - 1] === 'VERB')) return true;
  return false;
}

/** Longest place run a dateline holds before its "(Agency)": "WASHINGTON", "MOSCOW/WASHINGTON", "RAQQA, Syria". */
const DATELINE_MAX_TOKENS = 8;

/**
 * True when tokens [from, to) are a dateline: opened by an upper-case word, then only
 * capitalized words and the separators "/", ",", "-", "and".
 */
function datelineRun(keys: TokenKeys, from: number, to: number): boolean {
  if (to <= from || to - from > DATELINE_MAX_TOKENS) return false;
  const first = keys.surface[from];
  if (!/^\p{Lu}{2,}/u.test(first) || first !== first.toUpperCase()) return false;
  for (let i = from + 1; i < to; i++) {
    const w = keys.surface[i];
    if (w === '/' || w === ',' || w === '-' || w === '.' || w === 'and') continue;
    if (!keys.capital[i]) return false;
  }
  return true;
}

/**
 * True when a country name is the end of a place named after it: written "New X" or
 * "New Y X" with capitals ("New Mexico", "New South Wales"), the "New" inside or just before
 * the phrase. A country's own name that starts with "New" ("New Zealand") is matched whole
 * by the dictionary and never gets here as a shorter name.
 */
function namedAfterCountry(keys: TokenKeys, p: Phrase, sentenceStart: number): boolean {
  const isNew = (i: number) => i >= sentenceStart && keys.key[i] === 'new' && keys.capital[i];
  if (isNew(p.from) && p.to - p.from >= 2 && keys.key[p.from + 1] !== 'zealand') return true;
  if (isNew(p.from - 1)) return true;
  return isNew(p.from - 2) && keys.capital[p.from - 1];
}
