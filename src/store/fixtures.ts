/**
 * @module store/fixtures
 * Hand-built articles with known events, mentions and quotes, shared by the store
 * conformance suite and the CLI tests. Offsets are computed from the text, never typed in.
 */
import { newArticle, type Article } from '../model/article.js';
import type { Actor, CodedEvent, Modality, QuadClass } from '../model/event.js';
import type { Mention } from '../model/mention.js';
import { textSpan } from '../model/span.js';
import { seededRandom as seeded } from '../util/seeded-random.js';

interface ActorSpec {
  code: string;
  name: string;
  /** Words of the text that name the actor. */
  words: string;
}

interface EventSpec {
  evidence: string;
  code: string;
  quad: QuadClass;
  goldstein: number;
  source: ActorSpec;
  target: ActorSpec;
  date: string | null;
  modality?: Modality;
}

const ACTORS = {
  usa: { code: 'USAGOV', name: 'Donald Trump', words: 'Trump' },
  rus: { code: 'RUSGOV', name: 'Vladimir Putin', words: 'Putin' },
  lavrov: { code: 'RUSGOV', name: 'Sergei Lavrov', words: 'Lavrov' },
  washington: { code: 'USAGOV', name: 'United States', words: 'Washington' },
  ukrmil: { code: 'UKRMIL', name: 'Ukrainian armed forces', words: 'Ukrainian forces' },
  rusmil: { code: 'RUSMIL', name: 'Russian armed forces', words: 'Russian positions' },
  kyiv: { code: 'UKRGOV', name: 'Ukraine', words: 'Kyiv' },
} satisfies Record<string, ActorSpec>;

function actorIn(text: string, from: number, spec: ActorSpec): Actor {
  const start = text.indexOf(spec.words, from);
  if (start < 0) throw new Error(`fixture: "${spec.words}" not found`);
  return {
    code: spec.code,
    country: spec.code.slice(0, 3),
    role: spec.code.slice(3) || null,
    name: spec.name,
    text: spec.words,
    start,
    end: start + spec.words.length,
  };
}

/** One article whose text is the evidence sentences in order, each coded as given. */
function fixtureArticle(
  id: string,
  title: string,
  published: string,
  specs: EventSpec[],
  quote?: { words: string; speaker: ActorSpec },
  source = 'Fixture Wire',
): Article {
  const text = specs.map((s) => s.evidence).join(' ') + (quote ? ` "${quote.words}," ${quote.speaker.words} said.` : '');
  const article = newArticle({
    id,
    text,
    meta: { title, published, language: 'en', source, url: `https://example.org/${id}` },
    provenance: { reader: 'fixture', input: 'fixtures', item: id },
  });
  let offset = 0;
  const mentions: Mention[] = [];
  specs.forEach((spec, i) => {
    const start = text.indexOf(spec.evidence, offset);
    const end = start + spec.evidence.length;
    offset = end;
    article.sentences.push({ start, end, tokenStart: 0, tokenEnd: 0 });
    const source = actorIn(text, start, spec.source);
    const target = actorIn(text, start, spec.target);
    for (const actor of [source, target]) {
      mentions.push({ ...actor, kind: 'organization', sentence: i, via: { stage: 'fixture' } });
    }
    const event: CodedEvent = {
      id: `e${i + 1}`,
      code: spec.code,
      root: spec.code.slice(0, 2),
      quad_class: spec.quad,
      goldstein: spec.goldstein,
      source,
      target,
      date: spec.date,
      date_source: spec.date === null ? null : 'text',
      location: null,
      sentence: i,
      evidence: textSpan(text, start, end),
      modality: spec.modality ?? 'asserted',
      rule: `fixture.${spec.code}`,
    };
    article.events.push(event);
  });
  article.mentions = mentions;
  if (quote) {
    const start = text.indexOf(quote.words);
    const speaker = actorIn(text, start + quote.words.length, quote.speaker);
    article.quotes.push({
      start,
      end: start + quote.words.length,
      text: quote.words,
      kind: 'direct',
      speaker: { name: quote.speaker.name, code: quote.speaker.code, country: quote.speaker.code.slice(0, 3), affiliation: null, start: speaker.start, end: speaker.end },
    });
    article.sentences.push({ start: start - 1, end: text.length, tokenStart: 0, tokenEnd: 0 });
  }
  return article;
}

/**
 * Three articles, seven events: five asserted (one with a month-only date), one negated,
 * one hypothetical; USA–RUS events in both directions; one quote by Putin.
 */
export function fixtureArticles(): Article[] {
  return [
    fixtureArticle(
      'fx-hamburg',
      'Trump and Putin meet in Hamburg',
      '2017-07-08',
      [
        { evidence: 'Trump met Putin in Hamburg on Friday.', code: '036', quad: 1, goldstein: 4, source: ACTORS.usa, target: ACTORS.rus, date: '2017-07-07' },
        { evidence: 'On Saturday Putin criticized Trump over sanctions.', code: '112', quad: 3, goldstein: -2, source: ACTORS.rus, target: ACTORS.usa, date: '2017-07-08' },
        { evidence: 'Trump did not impose new sanctions on Putin.', code: '163', quad: 4, goldstein: -8, source: ACTORS.usa, target: ACTORS.rus, date: '2017-07-08', modality: 'negated' },
      ],
      { words: 'We had a very constructive conversation', speaker: ACTORS.rus },
    ),
    fixtureArticle('fx-donbas', 'Shelling in the Donbas', '2017-07-11', [
      { evidence: 'Ukrainian forces shelled Russian positions on Monday.', code: '190', quad: 4, goldstein: -10, source: ACTORS.ukrmil, target: ACTORS.rusmil, date: '2017-07-10' },
      { evidence: 'In July Washington provided military aid to Kyiv.', code: '070', quad: 2, goldstein: 7, source: ACTORS.washington, target: ACTORS.kyiv, date: '2017-07' },
    ]),
    fixtureArticle('fx-lavrov', 'Lavrov in Washington', '2017-08-02', [
      { evidence: 'Lavrov visited Washington on August 1.', code: '042', quad: 1, goldstein: 1.9, source: ACTORS.lavrov, target: ACTORS.washington, date: '2017-08-01' },
      { evidence: 'Lavrov said Washington could threaten new measures.', code: '138', quad: 3, goldstein: -7, source: ACTORS.washington, target: ACTORS.lavrov, date: '2017-08-01', modality: 'hypothetical' },
    ]),
  ];
}

/**
 * Six articles from three outlets for cross-story clustering: one Hamburg meeting reported by two
 * outlets (in opposite directions, with two codes of root 04), a later meeting of the same two
 * leaders, and shelling on two days reported by three articles. Expected clusters:
 * {cl-hamburg-a, cl-hamburg-b}, {cl-danang}, {cl-shell-mon-a, cl-shell-mon-b}, {cl-shell-tue}.
 */
export function clusterFixtureArticles(): Article[] {
  const meet = (evidence: string, code: string, source: ActorSpec, target: ActorSpec, date: string): EventSpec => ({ evidence, code, quad: 1, goldstein: 1, source, target, date });
  const shell = (evidence: string, date: string): EventSpec => ({ evidence, code: '190', quad: 4, goldstein: -10, source: ACTORS.ukrmil, target: ACTORS.rusmil, date });
  return [
    fixtureArticle('cl-hamburg-a', 'Trump meets Putin', '2017-07-08', [meet('Trump met Putin at the G20 summit in Hamburg on Friday.', '040', ACTORS.usa, ACTORS.rus, '2017-07-07')], undefined, 'Wire A'),
    fixtureArticle('cl-hamburg-b', 'Putin and Trump hold talks', '2017-07-07', [meet('Putin held talks with Trump at the G20 summit in Hamburg on Friday.', '046', ACTORS.rus, ACTORS.usa, '2017-07-07')], undefined, 'Wire B'),
    fixtureArticle('cl-danang', 'Trump and Putin meet again', '2017-11-11', [meet('Trump met Putin in Da Nang on Saturday.', '040', ACTORS.usa, ACTORS.rus, '2017-11-11')], undefined, 'Wire A'),
    fixtureArticle('cl-shell-mon-a', 'Shelling on Monday', '2017-07-11', [shell('Ukrainian forces shelled Russian positions near Donetsk on Monday.', '2017-07-10')], undefined, 'Wire A'),
    fixtureArticle('cl-shell-tue', 'Shelling again', '2017-07-12', [shell('Ukrainian forces shelled Russian positions near Donetsk on Tuesday.', '2017-07-11')], undefined, 'Wire C'),
    fixtureArticle('cl-shell-mon-b', 'Donetsk shelled', '2017-07-10', [shell('Ukrainian forces shelled Russian positions outside Donetsk on Monday.', '2017-07-10')], undefined, 'Wire C'),
  ];
}

/** Countries of the random fixtures; IGO codes have no country. */
export const RANDOM_COUNTRIES = ['USA', 'RUS', 'UKR', 'CHN'];
const RANDOM_CODES = ['USA', 'USAGOV', 'USAMIL', 'RUS', 'RUSGOV', 'RUSMIL', 'UKRGOV', 'UKRMIL', 'CHNGOV', 'IGOUNO'];
export const RANDOM_WORDS = ['talks', 'sanctions', 'border', 'troops', 'ceasefire', 'aid'];
const RANDOM_KINDS: [string, QuadClass, number][] = [
  ['036', 1, 4], ['042', 1, 1.9], ['0311', 1, 3.4], ['070', 2, 7], ['112', 3, -2], ['138', 3, -7], ['163', 4, -8], ['190', 4, -10.0],
];
const RANDOM_MODALITIES: Modality[] = ['asserted', 'asserted', 'asserted', 'negated', 'hypothetical'];

/** A date of any precision around a year end (weeks that straddle two years), or none. */
function randomDate(random: () => number): string | null {
  const r = random();
  if (r < 0.05) return null;
  if (r < 0.1) return random() < 0.5 ? '2016' : '2017';
  const day = new Date(Date.UTC(2016, 11, 1) + Math.floor(random() * 75) * 86_400_000).toISOString().slice(0, 10);
  return r < 0.2 ? day.slice(0, 7) : day;
}

/**
 * Seeded random articles for comparing query results with a direct computation over the
 * events (`articles.flatMap(a => a.events)`, in storage order): few countries, so every dyad,
 * actor and country has many events; some actors without a country, some events without an
 * actor; dates of every precision; every modality; evidence made of a few words.
 */
export function randomArticles(count: number, seed: number): Article[] {
  const random = seeded(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const articles: Article[] = [];
  for (let n = 0; n < count; n += 1) {
    const events: CodedEvent[] = [];
    let text = '';
    const size = 1 + Math.floor(random() * 6);
    for (let i = 0; i < size; i += 1) {
      const sentence = `${pick(RANDOM_WORDS)} ${pick(RANDOM_WORDS)} and ${pick(RANDOM_WORDS)} ${i}.`;
      const start = text.length;
      text += `${sentence} `;
      const actor = (): Actor | null => {
        if (random() < 0.05) return null;
        const code = pick(RANDOM_CODES);
        const country = code.startsWith('IGO') ? null : code.slice(0, 3);
        return { code, country, role: code.slice(3) || null, name: code, text: 'x', start, end: start + 1 };
      };
      const [code, quad, goldstein] = pick(RANDOM_KINDS);
      const date = randomDate(random);
      events.push({
        id: `e${i + 1}`,
        code,
        root: code.slice(0, 2),
        quad_class: quad,
        goldstein,
        source: actor(),
        target: actor(),
        date,
        date_source: date === null ? null : 'text',
        location: null,
        sentence: i,
        evidence: textSpan(text, start, start + sentence.length),
        modality: pick(RANDOM_MODALITIES),
        rule: 'fixture.random',
      });
    }
    const article = newArticle({ id: `rnd-${seed}-${n}`, text: text.trimEnd(), meta: { title: `Random ${n}`, published: '2017-01-01', language: 'en' } });
    article.events = events;
    articles.push(article);
  }
  return articles;
}

const LINK_WORDS = ['pipeline', 'harbour', 'convoy', 'refinery', 'airbase', 'bridge', 'depot'];

/**
 * Seeded articles for clustering by sentence words: each event's evidence is only the first
 * clause of its sentence ("Ukrainian forces shelled Russian positions"), the rest of the
 * sentence names what was hit from a few words, so whether two reports link depends on the
 * words of their whole sentences. Two dyads, two codes, text and publication days within a week
 * (some reports give only the month), three outlets.
 */
export function wordLinkedArticles(count: number, seed: number): Article[] {
  const random = seeded(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const pairs: [ActorSpec, ActorSpec][] = [
    [ACTORS.ukrmil, ACTORS.rusmil],
    [ACTORS.usa, ACTORS.rus],
  ];
  const articles: Article[] = [];
  for (let n = 0; n < count; n += 1) {
    const published = `2017-07-${String(10 + Math.floor(random() * 6)).padStart(2, '0')}`;
    const article = newArticle({
      id: `wl-${String(n).padStart(3, '0')}`,
      text: '',
      meta: { title: `Report ${n}`, published, language: 'en', source: pick(['Wire A', 'Wire B', 'Wire C']), url: `https://example.org/wl/${n}` },
      provenance: { reader: 'fixture', input: 'fixtures', item: `wl-${n}` },
    });
    let text = '';
    const size = 1 + Math.floor(random() * 2);
    for (let i = 0; i < size; i += 1) {
      const [source, target] = pick(pairs);
      const clause = `${source.words} hit ${target.words}`;
      const sentence = `${clause} near the ${pick(LINK_WORDS)}, the ${pick(LINK_WORDS)} and the ${pick(LINK_WORDS)}.`;
      const start = text.length + (text === '' ? 0 : 1);
      text += (text === '' ? '' : ' ') + sentence;
      article.sentences.push({ start, end: start + sentence.length, tokenStart: 0, tokenEnd: 0 });
      const day = `2017-07-${String(9 + Math.floor(random() * 5)).padStart(2, '0')}`;
      const code = pick(['190', '190', '193']);
      const textDay = random() < 0.6;
      // Some reports give only the month: they are compared with every day of it.
      const monthOnly = random() < 0.15;
      article.events.push({
        id: `e${i + 1}`,
        code,
        root: code.slice(0, 2),
        quad_class: 4,
        goldstein: -10,
        source: actorIn(text, start, source),
        target: actorIn(text, start, target),
        date: monthOnly ? '2017-07' : textDay ? day : published,
        date_source: monthOnly || textDay ? 'text' : 'published',
        location: null,
        sentence: i,
        evidence: { start, end: start + clause.length, text: clause },
        modality: 'asserted',
        rule: `fixture.${code}`,
      });
    }
    article.text = text;
    articles.push(article);
  }
  return articles;
}
