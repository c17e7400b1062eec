/**
 * @module bench/api-data
 * Generates a synthetic event corpus for the API load benchmark: articles of 20 events each,
 * dyads drawn from a skewed (Zipf-like) distribution over 40 countries so that a few pairs
 * (USA–RUS first) are heavy, as in real news, dates spread evenly over 2000–2025 in article order, and codes from a
 * fixed list with their QuadClass and Goldstein weight; each event's sentence has words of its own, so
 * that cross-story clustering links few of them (as in news, where a dyad's daily events differ). Seeded, so every run builds the same data.
 */
import { newArticle, type Article } from '../src/model/article.js';
import type { Actor, CodedEvent, QuadClass } from '../src/model/event.js';
import { seededRandom as rng } from '../src/util/seeded-random.js';

const COUNTRIES = [
  'USA', 'RUS', 'CHN', 'UKR', 'GBR', 'FRA', 'DEU', 'IRN', 'ISR', 'SYR', 'TUR', 'IND', 'PAK', 'PRK', 'KOR', 'JPN', 'SAU', 'EGY', 'IRQ', 'AFG',
  'POL', 'BLR', 'GEO', 'ARM', 'AZE', 'KAZ', 'BRA', 'MEX', 'VEN', 'CUB', 'NGA', 'ZAF', 'ETH', 'SDN', 'LBY', 'YEM', 'QAT', 'ARE', 'ITA', 'ESP',
];
const ROLES = ['', 'GOV', 'MIL', 'LEG', 'BUS'];
const CODES: [string, QuadClass, number][] = [
  ['010', 1, 0], ['020', 1, 3], ['036', 1, 4], ['040', 1, 1], ['042', 1, 1.9], ['043', 1, 2.8], ['051', 1, 3.4], ['057', 1, 8],
  ['061', 2, 6.4], ['070', 2, 7], ['071', 2, 7.4], ['081', 2, 5],
  ['111', 3, -2], ['112', 3, -2], ['120', 3, -4], ['130', 3, -4.4], ['138', 3, -7], ['160', 3, -4], ['163', 4, -8], ['172', 4, -5],
  ['173', 4, -5], ['180', 4, -9], ['190', 4, -10], ['193', 4, -10], ['195', 4, -10],
];
const MODALITIES = ['asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'negated', 'hypothetical'] as const;
export const EVENTS_PER_ARTICLE = 20;
const START = Date.UTC(2000, 0, 1);
const DAYS = 26 * 365;


/** Index in [0, n) with probability ∝ 1/(i+1)^1.1: a few countries dominate. */
function zipf(random: () => number, weights: number[]): number {
  let r = random() * weights[weights.length - 1];
  let lo = 0;
  let hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (weights[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  r = lo;
  return r;
}

/** A made-up content word (six letters): two events rarely share one. */
function word(random: () => number): string {
  let w = '';
  for (let i = 0; i < 6; i += 1) w += String.fromCharCode(97 + Math.floor(random() * 26));
  return w;
}

export function* generateArticles(totalEvents: number, seed = 42): Generator<Article> {
  const random = rng(seed);
  const cumulative: number[] = [];
  COUNTRIES.reduce((sum, _c, i) => {
    const next = sum + 1 / (i + 1) ** 1.1;
    cumulative.push(next);
    return next;
  }, 0);
  const articles = Math.ceil(totalEvents / EVENTS_PER_ARTICLE);
  for (let n = 0; n < articles; n += 1) {
    // Articles come in date order, as a crawl would deliver them; it also keeps the date
    // indexes append-mostly, which makes the 1,000,000-event fill several times faster.
    const day = new Date(START + Math.floor((n / articles) * DAYS) * 86_400_000).toISOString().slice(0, 10);
    const events: CodedEvent[] = [];
    let text = '';
    for (let i = 0; i < EVENTS_PER_ARTICLE && n * EVENTS_PER_ARTICLE + i < totalEvents; i += 1) {
      const s = zipf(random, cumulative);
      let t = zipf(random, cumulative);
      if (t === s) t = (t + 1) % COUNTRIES.length;
      const [code, quad, goldstein] = CODES[Math.floor(random() * CODES.length)];
      const sourceCode = COUNTRIES[s] + ROLES[Math.floor(random() * ROLES.length)];
      const targetCode = COUNTRIES[t] + ROLES[Math.floor(random() * ROLES.length)];
      // Words of their own: reports that shared their wording ("acted toward … report") would all
      // be linked as one happening, day after day, into clusters spanning years.
      const sentence = `${sourceCode} ${word(random)} ${targetCode} ${word(random)} ${word(random)}.`;
      const start = text.length;
      text += `${sentence} `;
      const actor = (c: string, at: number): Actor => ({ code: c, country: c.slice(0, 3), role: c.slice(3) || null, name: c, text: c, start: at, end: at + c.length });
      events.push({
        id: `e${i + 1}`,
        code,
        root: code.slice(0, 2),
        quad_class: quad,
        goldstein,
        source: actor(sourceCode, start),
        target: actor(targetCode, start + sentence.indexOf(targetCode)),
        date: day,
        date_source: 'published',
        location: null,
        sentence: i,
        evidence: { start, end: start + sentence.length, text: sentence },
        modality: MODALITIES[Math.floor(random() * MODALITIES.length)],
        rule: 'bench.synthetic',
      });
    }
    const article = newArticle({ id: `bench-${n}`, text: text.trimEnd(), meta: { title: `Synthetic report ${n}`, published: day, language: 'en' } });
    article.events = events;
    yield article;
  }
}
