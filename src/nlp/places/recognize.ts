/**
 * @module nlp/places/recognize
 * Location mentions: countries, regions and cities named where something happens. A
 * capitalized name counts in a location context ("in", "near", "from", "visited X",
 * "X-based", "X, Russia", "its San Francisco consulate", lists after a location), and
 * regions, seas, capitals and cities of a million people count anywhere. Names the actors
 * stage already took ("Moscow expelled") are left alone. Ambiguous city names go to a
 * country the article mentions, then to the most populous.
 */
import type { Article } from '../../model/article.js';
import type { Mention } from '../../model/mention.js';
import type { ActorDictionary } from '../actors/dictionary.js';
import { tokenKeys, type TokenKeys } from '../actors/text-key.js';
import { isCreditSentence } from '../actors/exclusions.js';
import { wordList } from '../lexicon/word-lists.js';
import type { Gazetteer, Place } from './gazetteer.js';

export const PLACES_STAGE = 'nlp.places.v1';

const LOCATION_WORDS = new Set([
  'in', 'at', 'near', 'to', 'from', 'outside', 'inside', 'into', 'across', 'throughout', 'around', 'towards',
  'toward', 'via', 'within', 'between', 'visited', 'visiting', 'visit', 'visits', 'reached', 'entered',
  'enter', 'left', 'leave', 'arrived', 'over', 'off', 'through', 'of', 'where', 'north', 'south', 'east', 'west',
]);
/** Nouns after a place name that make it a place ("its San Francisco consulate"). */
const FACILITY_WORDS = new Set([
  'consulate', 'embassy', 'office', 'offices', 'headquarters', 'bureau', 'mission', 'airport', 'port', 'base',
  'region', 'province', 'district', 'city', 'suburb', 'suburbs', 'outskirts', 'area', 'talks', 'summit',
  'meeting', 'court', 'mayor', 'residents', 'office', 'compound', 'station', 'plant', 'facility', 'border',
]);
/** Words between a location word and the place: "in the", "in eastern", "near Syria's". */
const SKIP_BEFORE_PLACE = new Set(['the', "'s", ...(wordList('compass-adjectives') as Set<string>), 'rural', 'occupied', 'neighbouring', 'neighboring']);
const BACKING_WORDS = new Set(['backed', 'supported', 'sponsored', 'funded', 'allied', 'aligned', 'leaning', 'controlled', 'friendly', 'trained', 'armed']);
const DATELINE_DASHES = new Set(['—', '–', '-', '--']);
const MAX_TOKENS = 6;
/** Parts of speech a place name can start with (not "It", "The", "But"). */
const PLACE_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'VERB', 'NUM']);
/** A city this large (or a capital) is a place wherever it is named. */
const MAJOR_CITY = 1_000_000;

export interface PlacesContext {
  gazetteer: Gazetteer;
  dict: ActorDictionary;
}

interface Candidate {
  from: number;
  to: number;
  sentence: number;
  places: Place[];
  rule: string;
}

/** Location mentions for the article (not yet merged into article.mentions). */
export function recognizePlaces(article: Article, ctx: PlacesContext): Mention[] {
  const { tokens, text } = article;
  const n = tokens.start.length;
  if (n === 0) return [];
  const keys = tokenKeys(article);
  const covered = new Uint8Array(n);
  for (const m of article.mentions) {
    for (let i = firstTokenAt(tokens.start, m.start); i < n && tokens.end[i] <= m.end; i++) covered[i] = 1;
  }
  const candidates: Candidate[] = [];
  const extra: Mention[] = [];
  datelinePlaces(article, keys, ctx, covered, candidates, extra);
  for (let si = 0; si < article.sentences.length; si++) {
    if (isCreditSentence(article, si)) continue;
    const s = article.sentences[si];
    let lastEnd = -10;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (covered[i] || !keys.capital[i] || !PLACE_POS.has(tokens.pos[i])) continue;
      const described = adjectivePlace(keys, ctx, article, i, s.tokenEnd);
      if (described !== null) {
        candidates.push({ from: i, to: i + 2, sentence: si, places: [described], rule: 'adjective+place' });
        lastEnd = i + 2;
        i += 1;
        continue;
      }
      const found = lookup(keys, ctx, i, s.tokenEnd, covered);
      if (found === null) continue;
      const rule = found.based ? 'based' : placeContext(keys, i, found.to, s.tokenStart, s.tokenEnd, lastEnd, found.places);
      if (rule === null) continue;
      candidates.push({ from: i, to: found.to, sentence: si, places: found.places, rule });
      lastEnd = found.to;
      i = found.to - 1;
    }
  }
  const mentioned = new Set<string>();
  for (const m of article.mentions) if (m.country) mentioned.add(m.country);
  for (const c of candidates) if (c.places[0].kind === 'country' && c.places[0].country) mentioned.add(c.places[0].country);
  const found = candidates.map((c): Mention => {
    const place = choosePlace(c.places, mentioned);
    const start = tokens.start[c.from];
    const end = tokens.end[c.to - 1];
    return {
      start, end, text: text.slice(start, end), kind: 'location', code: null, country: place.country, role: null,
      name: place.name, sentence: c.sentence, lat: place.lat, lon: place.lon, via: { stage: PLACES_STAGE, rule: c.rule },
    } satisfies Mention;
  });
  if (extra.length === 0) return found;
  return [...extra, ...found].sort((a, b) => a.start - b.start);
}

/**
 * A dateline opening the article: upper-case words, optionally ", Country", then a dash
 * ("DA NANG, Vietnam —", "THE HAGUE —", "RIMBO, Sweden —"). The city is a place even when the
 * gazetteer does not know it; its country comes from the gazetteer or from the country named
 * after it. The dateline's country later gives unattributed roles their country.
 */
function datelinePlaces(article: Article, keys: TokenKeys, ctx: PlacesContext, covered: Uint8Array, out: Candidate[], extra: Mention[]): void {
  const s = article.sentences[0];
  if (s === undefined) return;
  const { tokens, text } = article;
  let i = s.tokenStart;
  while (i < s.tokenEnd && i < s.tokenStart + 5 && /^[\p{Lu}.'’]+$/u.test(keys.surface[i]) && /\p{L}{2}/u.test(keys.surface[i])) i++;
  if (i === s.tokenStart || i >= s.tokenEnd) return;
  let countryAt = -1;
  let countryTo = -1;
  let dash = i;
  if (keys.key[i] === ',' && i + 1 < s.tokenEnd) {
    const found = lookup(keys, ctx, i + 1, s.tokenEnd, covered);
    if (found === null || found.to >= s.tokenEnd) return;
    countryAt = i + 1;
    countryTo = found.to;
    dash = found.to;
  }
  if (!DATELINE_DASHES.has(keys.key[dash])) return;
  for (let k = s.tokenStart; k < (countryTo > 0 ? countryTo : i); k++) if (covered[k]) return;
  const cityKey = keys.key.slice(s.tokenStart, i).join(' ');
  const places = ctx.gazetteer.byKey.get(cityKey) ?? countryPlaces(ctx, cityKey);
  let country: Place | null = null;
  if (countryAt >= 0) {
    const found = lookup(keys, ctx, countryAt, s.tokenEnd, covered)!;
    country = choosePlace(found.places, new Set());
    out.push({ from: countryAt, to: countryTo, sentence: 0, places: found.places, rule: 'dateline' });
  }
  if (places !== undefined && places.length > 0) {
    const inCountry = country?.country ? places.filter((p) => p.country === country!.country) : [];
    out.push({ from: s.tokenStart, to: i, sentence: 0, places: inCountry.length > 0 ? inCountry : places, rule: 'dateline' });
  } else {
    const start = tokens.start[s.tokenStart];
    const end = tokens.end[i - 1];
    const words = text.slice(start, end);
    extra.push({
      start, end, text: words, kind: 'location', code: null, country: country?.country ?? null, role: null,
      name: words.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()), sentence: 0, via: { stage: PLACES_STAGE, rule: 'dateline' },
    });
  }
  for (let k = s.tokenStart; k < (countryTo > 0 ? countryTo : i); k++) covered[k] = 1;
}

interface Found {
  to: number;
  places: Place[];
  /** Written as "X-based". */
  based: boolean;
}

/** Longest place name at token i (all its tokens free), from the gazetteer or the country dictionary. */
function lookup(keys: TokenKeys, ctx: PlacesContext, i: number, limit: number, covered: Uint8Array): Found | null {
  let best: Found | null = null;
  let key = '';
  for (let to = i + 1; to <= Math.min(limit, i + MAX_TOKENS); to++) {
    if (covered[to - 1]) break;
    key = to === i + 1 ? keys.key[i] : key + (keys.spaceAfter[to - 2] ? ' ' : '') + keys.key[to - 1];
    const base = key.endsWith('-based') ? key.slice(0, -6) : key;
    const places = ctx.gazetteer.byKey.get(base) ?? countryPlaces(ctx, base);
    if (places !== undefined && places.length > 0) best = { to, places, based: base !== key };
    const basedNext = keys.key[to] === '-' || keys.key[to] === '-based' || (keys.key[to] === 'based' && key.endsWith('-'));
    if (!basedNext && !ctx.gazetteer.prefixes.has(key) && !ctx.dict.index.hasPrefix(key)) break;
  }
  return best;
}

/** Nouns that, after a country adjective, name a part of the country ("the Syrian border"). */
const PLACE_NOUNS = new Set([
  'border', 'borders', 'capital', 'land', 'lands', 'airspace', 'territory', 'territories', 'waters', 'coast',
  'coastline', 'islands', 'island', 'mainland', 'frontier', 'countryside', 'province', 'provinces', 'city', 'cities', 'port',
]);

/** "the Syrian border", "the German capital": a country adjective and a place noun. */
function adjectivePlace(keys: TokenKeys, ctx: PlacesContext, article: Article, i: number, limit: number): Place | null {
  if (i + 1 >= limit || !PLACE_NOUNS.has(keys.key[i + 1])) return null;
  // "Russian border-guard ships": the noun starts a compound, not a place.
  if (i + 2 < limit && keys.key[i + 2] === '-' && !keys.spaceAfter[i + 1]) return null;
  const m = ctx.dict.index.match(keys, i, i + 1, article.text, article.tokens.start, article.tokens.end);
  const entry = m?.entries.find((e) => e.type === 'country' && e.form === 'adjective');
  if (entry === undefined || entry.type !== 'country') return null;
  const info = ctx.dict.countries.get(entry.country);
  if (info === undefined) return null;
  return { name: `${info.name} ${keys.key[i + 1]}`, kind: 'region', country: entry.country, lat: info.lat, lon: info.lon, population: 0, capital: false, curated: true };
}

/** Countries by any of the actor dictionary's names ("Britain", "the US"), as places. */
function countryPlaces(ctx: PlacesContext, key: string): Place[] | undefined {
  const code = ctx.dict.countryByName.get(key);
  if (code === undefined) return undefined;
  const info = ctx.dict.countries.get(code);
  if (info === undefined) return undefined;
  return [{ name: info.name, kind: 'country', country: code, lat: info.lat, lon: info.lon, population: 0, capital: false, curated: true }];
}

/** Index of the first token starting at or after `offset` (binary search). */
function firstTokenAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rule that makes tokens [from, to) a place here, or null. */
function placeContext(keys: TokenKeys, from: number, to: number, sStart: number, sEnd: number, lastEnd: number, places: Place[]): string | null {
  // "Moscow-backed authorities", "pro-Russian rebels": the country backs a group; it is no place.
  if (to + 1 < sEnd && keys.key[to] === '-' && BACKING_WORDS.has(keys.key[to + 1])) return null;
  if (from - 2 >= sStart && keys.key[from - 1] === '-' && (keys.key[from - 2] === 'pro' || keys.key[from - 2] === 'anti')) return null;
  if (to < sEnd && (keys.key[to] === '-based' || (keys.key[to] === '-' && keys.key[to + 1] === 'based'))) return 'based';
  let p = from - 1;
  while (p >= sStart && SKIP_BEFORE_PLACE.has(keys.key[p])) p--;
  const prev = p >= sStart ? keys.key[p] : '';
  if (LOCATION_WORDS.has(prev)) return 'preposition';
  // Dateline: "KIEV —" opening a paragraph.
  if (from === sStart && to < sEnd && (DATELINE_DASHES.has(keys.key[to]) || (keys.key[to] === '(' && keys.key[to + 2] === ')'))) return 'dateline';
  if ((prev === ',' || prev === 'and' || prev === 'or') && lastEnd >= p - 1 && lastEnd >= 0) return 'list';
  if (to < sEnd && FACILITY_WORDS.has(keys.key[to])) return 'facility';
  const top = places[0];
  if (top.kind === 'region' || top.kind === 'sea') return 'region';
  if (top.kind === 'city' && places.some((c) => c.capital || c.population >= MAJOR_CITY)) return 'major-city';
  // "Sochi, Russia": a city followed by its country.
  if (to + 1 < sEnd && keys.key[to] === ',' && keys.capital[to + 1]) return 'city-country';
  return null;
}

/** Project entries first; then a place in a country the article mentions; then the most populous. */
function choosePlace(places: Place[], mentioned: Set<string>): Place {
  if (places[0].curated) return places[0];
  let best = places[0];
  let bestScore = -1;
  for (const p of places) {
    const score = (p.population + 1) * (p.country !== null && mentioned.has(p.country) ? 20 : 1) * (p.capital ? 5 : 1);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}
