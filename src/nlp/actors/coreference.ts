/**
 * @module nlp/actors/coreference
 * Later mentions of an actor already named in the article: by surname ("Trenin",
 * "Mr. Trenin"), by title ("the minister", "the Turkish president"), by pronoun ("he said"),
 * and "its"/"their" before a role ("its consulate"). Each resolves to the nearest fitting
 * earlier mention and copies its code; the link is kept as `antecedent`.
 */
import type { Article } from '../../model/article.js';
import type { Draft } from './drafts.js';
import { linkTo } from './drafts.js';
import type { Phrase } from './phrases.js';
import { phraseRole } from './actor-code.js';
import { foldKey, withoutArabicArticle, type TokenKeys } from './text-key.js';
import { ACTORS_STAGE } from './stage-name.js';

/** How many sentences back a title or pronoun may look for its antecedent. */
const TITLE_WINDOW = 6;
const PRONOUN_WINDOW = 2;

function root(d: Draft): Draft {
  return d.antecedent ?? d;
}

/** An earlier person mention with the same name, or whose surname is this one-word name. */
/** "al-Jaafari" and "Jaafari" are the same surname. */
function bareSurname(s: string): string {
  return withoutArabicArticle(s);
}

export function resolveSurname(d: Draft, drafts: Draft[]): Draft | null {
  const name = bareSurname(foldKey(d.mention.name ?? ''));
  if (name === '') return null;
  const oneWord = !name.includes(' ');
  for (let i = drafts.length - 1; i >= 0; i--) {
    const e = root(drafts[i]);
    if (e.mention.kind !== 'person' || e === d) continue;
    const other = foldKey(e.mention.name ?? '');
    if (other === name || (oneWord && e.surname !== null && bareSurname(foldKey(e.surname)) === name)) return e;
  }
  return null;
}

/** "the Turkish president" -> the nearest earlier person with that role (and country). */
export function resolveTitle(d: Draft, p: Phrase, drafts: Draft[]): Draft | null {
  const role = phraseRole(p);
  const word = p.roles.length > 0 ? p.roles[p.roles.length - 1] : null;
  const sentence = d.mention.sentence;
  let fallback: Draft | null = null;
  for (let i = drafts.length - 1; i >= 0; i--) {
    const e = root(drafts[i]);
    if (e.mention.sentence < sentence - TITLE_WINDOW) break;
    // A person, or a one-person role phrase ("a German government spokesman ... the spokesman").
    if ((e.mention.kind !== 'person' && !(e.personRole && e.mention.kind === 'group')) || e.mention.code === null) continue;
    if (p.org !== null) {
      if (p.org.code === null || !e.mention.code.startsWith(p.org.code)) continue;
    } else {
      if (p.country !== null && e.mention.country !== p.country) continue;
      if (role !== null && e.mention.role !== role) continue;
    }
    // Prefer the person whose office uses the very word ("president" for a president).
    const office = e.person?.tenures.map((t) => t.office.toLowerCase()).join(' ') ?? '';
    const titleWord = word !== null ? d.mention.text.toLowerCase().split(/\s+/).pop() ?? '' : '';
    if (titleWord !== '' && office.includes(titleWord)) return e;
    if (fallback === null) fallback = e;
  }
  return fallback;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she']);
/** "his", "her", "him": a person, wherever they stand. */
const OTHER_PRONOUNS = new Set(['his', 'her', 'him']);
const FEMININE = new Set(['she', 'her']);
const BEFORE_SUBJECT = new Set(['said', 'says', ',', '"', '“', '”', "''", 'and', 'but', 'that', 'as', 'when', 'because', 'while', 'after', 'before', 'if', 'since', 'although', 'though', '(', ':', ';', '—']);
const QUOTE_MARKS = new Set(['"', '“', '”', "''", '``']);

/** True when token i stands inside a quotation opened earlier in its sentence. */
function insideQuote(keys: TokenKeys, from: number, i: number): boolean {
  let open = false;
  for (let k = from; k < i; k++) {
    const q = keys.key[k];
    if (q === '“') open = true;
    else if (q === '”') open = false;
    else if (QUOTE_MARKS.has(q)) open = !open;
  }
  return open;
}

/**
 * "he"/"she" as the subject of a verb, and "his", "her", "him" anywhere -> a person mention
 * linked to the nearest earlier person (or one-person role phrase, "Greece's prime minister")
 * of a fitting gender. A pronoun inside a quotation does not refer to the one quoted ("X said:
 * 'She has chosen ...'"), so people named in its sentence are passed over.
 */
export function resolvePronoun(article: Article, keys: TokenKeys, i: number, si: number, drafts: Draft[]): Draft | null {
  const word = keys.key[i];
  if (word === 'they') return resolveThey(article, keys, i, si, drafts);
  const subject = SUBJECT_PRONOUNS.has(word);
  if (!subject && !OTHER_PRONOUNS.has(word)) return null;
  const { tokens } = article;
  const s = article.sentences[si];
  if (subject) {
    const atStart = i === s.tokenStart;
    if (!atStart && !BEFORE_SUBJECT.has(keys.key[i - 1])) return null;
    let j = i + 1;
    while (j < s.tokenEnd && j < i + 3 && tokens.pos[j] === 'ADV') j++;
    if (j >= s.tokenEnd || (tokens.pos[j] !== 'VERB' && tokens.pos[j] !== 'AUX')) return null;
  }
  const quoted = insideQuote(keys, s.tokenStart, i);
  const feminine = FEMININE.has(word);
  // The nearest fitting person in the pronoun's own sentence ("the US leader said he would");
  // else the latest sentence with one, and in it the first (the subject, in news prose:
  // "Abe met Putin. He said ..." is Abe).
  let chosen: Draft | null = null;
  for (let k = drafts.length - 1; k >= 0; k--) {
    const e = root(drafts[k]);
    if (drafts[k].mention.sentence < si - PRONOUN_WINDOW) break;
    if (chosen !== null && drafts[k].mention.sentence < chosen.mention.sentence) break;
    if (drafts[k].mention.start >= tokens.start[i]) continue;
    const personLike = e.mention.kind === 'person' || (e.personRole && e.mention.kind === 'group' && e.mention.code !== null);
    if (!personLike) continue;
    if (quoted && drafts[k].mention.sentence === si) continue;
    const gender = e.gender ?? null;
    if (gender !== null && (gender === 'f') !== feminine) continue;
    chosen = drafts[k];
    // In the pronoun's own sentence the nearest person wins ("the US leader said he would").
    if (chosen.mention.sentence === si) break;
  }
  if (chosen !== null) {
    const e = root(chosen);
    const d: Draft = {
      mention: {
        start: tokens.start[i], end: tokens.end[i], text: keys.surface[i], kind: 'person', code: null, country: null,
        role: null, name: null, sentence: si, via: { stage: ACTORS_STAGE, rule: 'pronoun' },
      },
      from: i, to: i + 1, person: null, personRole: true, surname: null, antecedent: null,
    };
    linkTo(d, e, 'pronoun');
    if (e.mention.kind !== 'person') d.mention.kind = 'person';
    return d;
  }
  return null;
}

/**
 * "they" as the subject of a verb, outside quotations -> the nearest earlier group of people
 * with a code ("armed men ... they"), in its sentence or the one before.
 */
function resolveThey(article: Article, keys: TokenKeys, i: number, si: number, drafts: Draft[]): Draft | null {
  const { tokens } = article;
  const s = article.sentences[si];
  if (i !== s.tokenStart && !BEFORE_SUBJECT.has(keys.key[i - 1])) return null;
  let j = i + 1;
  while (j < s.tokenEnd && j < i + 3 && tokens.pos[j] === 'ADV') j++;
  if (j >= s.tokenEnd || (tokens.pos[j] !== 'VERB' && tokens.pos[j] !== 'AUX')) return null;
  if (insideQuote(keys, s.tokenStart, i)) return null;
  for (let k = drafts.length - 1; k >= 0; k--) {
    const e = root(drafts[k]);
    if (drafts[k].mention.sentence < si - 1) break;
    if (drafts[k].mention.start >= tokens.start[i]) continue;
    if (e.mention.kind !== 'group' || e.personRole || e.mention.code === null) continue;
    const d: Draft = {
      mention: {
        start: tokens.start[i], end: tokens.end[i], text: keys.surface[i], kind: 'group', code: null, country: null,
        role: null, name: null, sentence: si, via: { stage: ACTORS_STAGE, rule: 'pronoun' },
      },
      from: i, to: i + 1, person: null, personRole: false, surname: null, antecedent: null,
    };
    linkTo(d, e, 'pronoun');
    return d;
  }
  return null;
}

/** "its consulate", "their troops", "his administration": the role takes the country of the nearest fitting actor before it. */
export function resolvePossessivePronoun(d: Draft, role: string | null, drafts: Draft[], personal: boolean): void {
  const sentence = d.mention.sentence;
  for (let i = drafts.length - 1; i >= 0; i--) {
    const e = root(drafts[i]);
    if (drafts[i].mention.sentence < sentence - PRONOUN_WINDOW) break;
    // "his administration" looks back to a person, "its consulate" to a state or organization.
    if ((e.mention.kind === 'person') !== personal) continue;
    // "the agency said its inspectors": an international organization's people carry its code.
    if (!personal && e.mention.country === null && e.mention.kind === 'organization' && (e.mention.code ?? '').startsWith('IGO')) {
      d.mention.code = e.mention.code;
      d.antecedent = e;
      d.mention.via = { stage: d.mention.via.stage, rule: 'possessive-pronoun' };
      return;
    }
    if (e.mention.country === null) continue;
    d.mention.country = e.mention.country;
    d.mention.code = role === null ? e.mention.country : e.mention.country + role;
    d.antecedent = e;
    d.mention.via = { stage: d.mention.via.stage, rule: 'possessive-pronoun' };
    return;
  }
}

/** What an anaphoric noun may refer back to ("the bloc" -> an international organization). */
const DEFINITE_NOUNS = new Map<string, (e: Draft) => boolean>();
const isCountry = (e: Draft) => e.mention.kind === 'country' && e.mention.country !== null;
const isIgo = (e: Draft) => e.mention.kind === 'organization' && (e.mention.code ?? '').startsWith('IGO');
const isCourt = (e: Draft) => e.mention.kind === 'organization' && e.mention.code !== null && /court|tribunal|arbitration/i.test(e.mention.name ?? e.mention.text);
const isCompany = (e: Draft) => e.mention.kind === 'organization' && e.mention.role === 'BUS';
for (const w of ['country', 'nation', 'republic']) DEFINITE_NOUNS.set(w, isCountry);
/** Kingdoms and emirates, for "the kingdom" and "the emirate". */
const KINGDOMS = new Set(['SAU', 'GBR', 'JOR', 'MAR', 'BHR', 'NLD', 'BEL', 'ESP', 'SWE', 'NOR', 'DNK', 'THA', 'KHM', 'BTN', 'LSO', 'SWZ', 'TON']);
const EMIRATES = new Set(['QAT', 'ARE', 'KWT']);
DEFINITE_NOUNS.set('kingdom', (e) => isCountry(e) && KINGDOMS.has(e.mention.country!));
DEFINITE_NOUNS.set('emirate', (e) => isCountry(e) && EMIRATES.has(e.mention.country!));
for (const w of ['bloc', 'alliance', 'agency', 'watchdog', 'organisation', 'organization']) DEFINITE_NOUNS.set(w, isIgo);
for (const w of ['court', 'tribunal']) DEFINITE_NOUNS.set(w, isCourt);
for (const w of ['company', 'firm']) DEFINITE_NOUNS.set(w, isCompany);

/** True when `word` is a noun that can refer back to an earlier actor ("the bloc"). */
export function isDefiniteNoun(word: string): boolean {
  return DEFINITE_NOUNS.has(word);
}

/**
 * "the bloc" -> the EU named before, "the country" -> Greece, "the company" -> Apple:
 * the nearest earlier actor of the kind the noun names, within a few sentences. A country
 * referred to this way keeps only its country code ("the country" is the state, not its
 * government); "his country" takes the country of the person "his" refers to.
 */
export function resolveDefinite(d: Draft, word: string, drafts: Draft[], personal: boolean): Draft | null {
  const test = DEFINITE_NOUNS.get(word);
  if (test === undefined) return null;
  const sentence = d.mention.sentence;
  for (let i = drafts.length - 1; i >= 0; i--) {
    const e = root(drafts[i]);
    if (drafts[i].mention.sentence < sentence - TITLE_WINDOW) break;
    if (e === d) continue;
    const fits = personal && word === 'country' ? (e.mention.kind === 'person' || e.personRole) && e.mention.country !== null : test(e);
    if (!fits) continue;
    linkTo(d, e, 'definite');
    if (test === isCountry || word === 'kingdom' || word === 'emirate') {
      const m = d.mention;
      m.code = m.country;
      m.role = null;
      m.kind = 'country';
      m.name = r(e).mention.country;
    }
    return e;
  }
  return null;
}

function r(d: Draft): Draft {
  return d.antecedent ?? d;
}

/**
 * "the rebels", "the government's delegation": a definite group phrase with no country takes
 * the country of the nearest earlier group named by the same word ("the Houthi rebels",
 * "Yemen's government"), within a few sentences.
 */
export function resolveGroupTitle(d: Draft, p: Phrase, keys: TokenKeys, role: string | null, drafts: Draft[]): boolean {
  if (role === null) return false;
  const words = new Set(p.roles.map((r) => keys.key[r.to - 1]));
  const sentence = d.mention.sentence;
  for (let i = drafts.length - 1; i >= 0; i--) {
    const e = drafts[i];
    if (e.mention.sentence < sentence - TITLE_WINDOW) break;
    if ((e.mention.kind !== 'group' && e.mention.kind !== 'organization') || e.mention.country === null || e.personRole) continue;
    if (!words.has(keys.key[e.to - 1])) continue;
    const m = d.mention;
    m.country = e.mention.country;
    m.code = m.country + role;
    m.via = { stage: m.via.stage, rule: 'group-title' };
    return true;
  }
  return false;
}
