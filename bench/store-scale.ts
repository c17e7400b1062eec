/**
 * `npm run bench:store`: fills a fresh SQLite store with STORE_EVENTS synthetic events
 * (default 1,000,000; 10 per article) and times the queries the API and CLI make, to check
 * that the indexes hold at that size. Prints one line per query and writes the
 * "Store queries at scale" section of docs/benchmarks.md.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { updateBenchmarks } from './benchmarks-md.js';
import { seededRandom } from './numbers.js';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newArticle, type Article } from '../src/model/article.js';
import type { CodedEvent, Modality, QuadClass } from '../src/model/event.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { EventFilter } from '../src/store/store.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = Number(process.env.STORE_EVENTS ?? 1_000_000);
const PER_ARTICLE = 10;
const db = join(ROOT, 'bench/out/store-scale.db');

const COUNTRIES = ['USA', 'RUS', 'CHN', 'UKR', 'IRN', 'SYR', 'TUR', 'FRA', 'DEU', 'GBR', 'ISR', 'PRK', 'IND', 'PAK', 'EGY', 'JPN'];
const ROLES = ['GOV', 'MIL', 'LEG', 'OPP', 'REB', 'BUS'];
const CODES: [string, QuadClass, number][] = [
  ['010', 1, 0], ['036', 1, 4], ['042', 1, 1.9], ['057', 1, 8], ['070', 2, 7], ['112', 3, -2], ['130', 3, -4.4],
  ['163', 4, -8], ['173', 4, -5], ['190', 4, -10], ['1823', 4, -9], ['0311', 1, 3.4],
];
const WORDS = ['talks', 'sanctions', 'border', 'missile', 'embassy', 'ceasefire', 'trade', 'troops', 'summit', 'pipeline', 'election', 'aid'];
const MODALITIES: Modality[] = ['asserted', 'asserted', 'asserted', 'asserted', 'negated', 'hypothetical'];

const random = seededRandom(42);
const rand = (n: number) => Math.floor(random() * n);

function article(i: number): Article {
  const day = new Date(Date.UTC(2015, 0, 1) + rand(3650) * 86_400_000).toISOString().slice(0, 10);
  const text = Array.from({ length: PER_ARTICLE }, (_, k) => `Sentence ${k} of article ${i} about ${WORDS[rand(WORDS.length)]} and ${WORDS[rand(WORDS.length)]}.`).join(' ');
  const a = newArticle({ id: `scale-${i}`, text, meta: { published: day, title: `Article ${i}`, language: 'en' } });
  let offset = 0;
  for (let k = 0; k < PER_ARTICLE; k++) {
    const end = text.indexOf('.', offset) + 1;
    const [code, quad, goldstein] = CODES[rand(CODES.length)];
    const actor = (country: string) => {
      const code = country + ROLES[rand(ROLES.length)];
      return { code, country, role: code.slice(3), name: `${country} official`, text: 'Sentence', start: offset, end: offset + 8 };
    };
    const event: CodedEvent = {
      id: `e${k + 1}`, code, root: code.slice(0, 2), quad_class: quad, goldstein,
      source: actor(COUNTRIES[rand(COUNTRIES.length)]), target: actor(COUNTRIES[rand(COUNTRIES.length)]),
      date: day, date_source: 'published', location: null, sentence: k,
      evidence: { start: offset, end, text: text.slice(offset, end) }, modality: MODALITIES[rand(MODALITIES.length)], rule: 'scale',
    };
    a.events.push(event);
    a.mentions.push({ ...event.source!, kind: 'organization', sentence: k, via: { stage: 'scale' } });
    offset = end + 1;
  }
  return a;
}

for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
const store = new SqliteStore(db);
const t0 = performance.now();
const articles = EVENTS / PER_ARTICLE;
for (let i = 0; i < articles; i += 1000) {
  await store.putArticles(Array.from({ length: Math.min(1000, articles - i) }, (_, k) => article(i + k)));
}
const loadSeconds = (performance.now() - t0) / 1000;
const loadAtStart = loadavg()[0];
console.log(`store scale: ${EVENTS.toLocaleString('en-US')} events in ${articles.toLocaleString('en-US')} articles loaded in ${loadSeconds.toFixed(1)} s`);

const rows: string[] = [];

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  await run(); // first run warms the page cache
  const runs: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const result = await run();
    runs.push(performance.now() - t);
    size = Array.isArray(result) ? result.length : (result as { events: unknown[] }).events.length;
  }
  runs.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(48)} ${runs[2].toFixed(1).padStart(8)} ms  (${size} rows)`);
  rows.push(`| ${label} | ${runs[2].toFixed(1)} | ${size} |`);
}

const q = (filter: EventFilter) => () => store.queryEvents({ limit: 50, ...filter });
await time('latest events', q({}));
await time('dyad USA,RUS both directions', q({ dyad: ['USA', 'RUS'] }));
await time('dyad USA,RUS directed, 2019', q({ dyad: ['USA', 'RUS'], directed: true, from: '2019', to: '2019' }));
await time('actor RUSMIL', q({ actor: 'RUSMIL' }));
await time('root 19', q({ root: '19' }));
await time('code 18 prefix, 2020-03', q({ code: '18', from: '2020-03', to: '2020-03' }));
await time('country PRK, modality all', q({ country: 'PRK', modality: 'all' }));
await time('text "ceasefire pipeline"', q({ text: 'ceasefire pipeline' }));
const firstPage = await store.queryEvents({ dyad: ['USA', 'RUS'], limit: 50 });
await time('dyad USA,RUS page 2 (cursor)', q({ dyad: ['USA', 'RUS'], cursor: firstPage.next ?? undefined }));
await time('timeline USA–RUS by month', () => store.timeline({ a: 'USA', b: 'RUS', bucket: 'month' }));
await time('timeline USA–RUS by week, 2018', () => store.timeline({ a: 'USA', b: 'RUS', bucket: 'week', from: '2018', to: '2018' }));
await time('timeline USA–RUS by day, both directions', () => store.timeline({ a: 'USA', b: 'RUS', bucket: 'day' }));
await time('timeline USA–RUS by week, from 2019-02-13', () => store.timeline({ a: 'USA', b: 'RUS', bucket: 'week', from: '2019-02-13' }));
await time('dyads (top 50)', () => store.dyads({ limit: 50 }));
await time('dyads from 2020 (top 50)', () => store.dyads({ limit: 50, from: '2020' }));
await time('actor USA (prefix of 6 codes)', q({ actor: 'USA' }));
await time('text "talks" (many matches)', q({ text: 'talks' }));
await time('actors "rus"', () => store.searchActors('rus', 20));
await time('stats', async () => [await store.stats()]);
await store.close();

updateBenchmarks(join(ROOT, 'docs/benchmarks.md'), {
  'Store queries at scale': [
    `\`npm run bench:store\` — ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `A fresh SQLite store filled with ${EVENTS.toLocaleString('en-US')} synthetic events (${PER_ARTICLE} per article, 16 countries, ten years of dates;`,
    `loaded in ${loadSeconds.toFixed(0)} s through \`putArticles\` in batches of 1,000 articles), then each query the API and CLI make,`,
    `median of five runs after a warm-up, first page of 50 unless noted. Load average (1 min) ${loadAtStart.toFixed(1)} before the queries, ${loadavg()[0].toFixed(1)} after`,
    '(the machine is shared; compare figures only at similar load).',
    '',
    '| query | median ms | rows |',
    '|---|---|---|',
    ...rows,
  ].join('\n'),
});
