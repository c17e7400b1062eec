/**
 * The analyst formats against their published column lists, read back as a reader of those
 * files would (GDELT's files have no header: pandas reads them with header=None and GDELT's
 * column names; ICEWS and POLECAT files carry theirs), through GET /api/export, which streams
 * the same writers `detente events --format` uses. The column lists below are written out from
 * the GDELT 2.0 Event and Mentions codebooks and the ICEWS coded-event data's header, not taken
 * from the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { fixtureArticle, tempStore, type FixtureEvent, type TempStore } from '../api/fixtures.js';
import { newArticle, type Article } from '../../src/model/article.js';
import type { Actor } from '../../src/model/event.js';
import { expectError, type App } from '../api/helpers.js';

const GDELT_EVENTS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...['Actor1', 'Actor2'].flatMap((a) => ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => a + c)),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...['Actor1Geo', 'Actor2Geo', 'ActionGeo'].flatMap((g) => ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => `${g}_${c}`)),
  'DATEADDED', 'SOURCEURL',
];
const GDELT_MENTIONS = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName', 'MentionIdentifier', 'SentenceID',
  'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset', 'InRawText', 'Confidence', 'MentionDocLen', 'MentionDocTone', 'MentionDocTranslationInfo', 'Extras',
];
const ICEWS = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity',
  'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude',
];

const expulsion = (date: string): FixtureEvent => ({ source: 'RUSGOV', target: 'USAGOV', code: '1246', quad: 3, goldstein: -5, date, verb: 'expelled ten diplomats of the embassy staff of' });

/** A four-state summit: one event with participants and no sides (none of them in the RUS–USA rows below). */
function summit(): Article {
  const text = 'The leaders of France, China, Germany and Britain met in Hamburg on Friday.';
  const article = newArticle({ id: 'summit', text, meta: { title: 'Summit', published: '2026-05-09', language: 'en', source: 'Wire' } });
  const actor = (code: string, words: string): Actor => ({ code, country: code.slice(0, 3), role: 'GOV', name: words, text: words, start: text.indexOf(words), end: text.indexOf(words) + words.length });
  article.sentences.push({ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 });
  article.events.push({
    id: 'e1', code: '043', root: '04', quad_class: 1, goldstein: 2.8, source: null, target: null, date: '2026-05-08', date_source: 'text',
    location: null, sentence: 0, evidence: { start: 0, end: text.length, text }, modality: 'asserted', rule: 'test.multilateral',
    participants: [actor('FRAGOV', 'France'), actor('CHNGOV', 'China'), actor('DEUGOV', 'Germany'), actor('GBRGOV', 'Britain')], organisation: null,
  });
  return article;
}

let t: TempStore;
let app: App;

beforeAll(async () => {
  const many = Array.from({ length: 1203 }, (_, i) => fixtureArticle(`bulk-${i}`, '2025-06-01', [{ source: 'FRA', target: 'CHN', code: '042', quad: 1, goldstein: 1.9, date: '2025-05', verb: 'made a visit to' }]));
  t = await tempStore([
    fixtureArticle('wire-a', '2026-03-02', [expulsion('2026-03-01')]),
    fixtureArticle('wire-b', '2026-03-02', [expulsion('2026-03-01')]),
    fixtureArticle('wire-c', '2026-03-03', [expulsion('2026-03-01')]),
    fixtureArticle('wire-m', '2026-04-02', [expulsion('2026-04')]),
    summit(),
    ...many,
  ]);
  app = createApp({ store: t.store });
}, 60_000);
afterAll(async () => t.cleanup());

async function download(query: string): Promise<{ res: Response; lines: string[] }> {
  const res = await app.request(`/api/export?${query}`);
  expect(res.status).toBe(200);
  return { res, lines: (await res.text()).split('\n').filter((l) => l !== '') };
}

/** A header-less TSV read with the codebook's names, as pandas.read_csv(sep='\t', header=None, names=…) would. */
function readWithNames(lines: string[], names: string[]): Record<string, string>[] {
  return lines.map((line) => {
    const fields = line.split('\t');
    expect(fields).toHaveLength(names.length);
    return Object.fromEntries(names.map((n, i) => [n, fields[i]]));
  });
}

describe('GDELT 2.0', () => {
  it('writes the Events table: 61 columns in the codebook order, no header, cluster counts', async () => {
    const { res, lines } = await download('format=gdelt&dyad=RUS,USA');
    expect(res.headers.get('content-disposition')).toMatch(/detente-events\.export\.CSV/);
    expect(lines[0].startsWith('GLOBALEVENTID')).toBe(false);
    const rows = readWithNames(lines, GDELT_EVENTS);
    expect(rows).toHaveLength(4);
    const day = rows.find((r) => r.SQLDATE === '20260301')!;
    expect(day).toMatchObject({ MonthYear: '202603', Year: '2026', EventCode: '1246', EventRootCode: '12', QuadClass: '3', NumArticles: '3', Actor1CountryCode: 'RUS', Actor1Type1Code: 'GOV' });
    // A month-precision date: the month's first day, as the module's documented rule says.
    expect(rows.find((r) => r.MonthYear === '202604')!.SQLDATE).toBe('20260401');
    const perCluster = readWithNames((await download('format=gdelt&dyad=RUS,USA&per=cluster')).lines, GDELT_EVENTS);
    expect(perCluster).toHaveLength(2);
  });

  it('writes the Mentions table: 16 columns, one row per report, each pointing at its event', async () => {
    const events = readWithNames((await download('format=gdelt&dyad=RUS,USA&per=cluster')).lines, GDELT_EVENTS);
    const mentions = readWithNames((await download('format=gdelt-mentions&dyad=RUS,USA&per=cluster')).lines, GDELT_MENTIONS);
    const ids = new Set(events.map((e) => e.GLOBALEVENTID));
    for (const m of mentions) expect(ids.has(m.GLOBALEVENTID)).toBe(true);
  });
});

describe('multilateral events', () => {
  it('export as one row with its participants, or one row per pair with dyadic', async () => {
    const one = (await download('format=jsonl&from=2026-05&to=2026-05')).lines.map((l) => JSON.parse(l));
    expect(one).toHaveLength(1);
    expect(one[0].participants.map((p: Actor) => p.country)).toEqual(['FRA', 'CHN', 'DEU', 'GBR']);
    const pairs = readWithNames((await download('format=gdelt&from=2026-05&to=2026-05&dyadic=true')).lines, GDELT_EVENTS);
    expect(pairs).toHaveLength(6);
    expect(new Set(pairs.map((r) => [r.Actor1CountryCode, r.Actor2CountryCode].sort().join('-'))).size).toBe(6);
    for (const r of pairs) expect(r.EventCode).toBe('043');
  });
});

describe('ICEWS, POLECAT, PLOVER, CSV', () => {
  it('writes the ICEWS-style TSV with its header, column for column', async () => {
    const { lines } = await download('format=icews&dyad=RUS,USA');
    expect(lines[0].split('\t')).toEqual(ICEWS);
    const rows = lines.slice(1).map((l) => l.split('\t'));
    for (const r of rows) expect(r).toHaveLength(ICEWS.length);
    expect(rows.map((r) => r[ICEWS.indexOf('CAMEO Code')])).toEqual(['1246', '1246', '1246', '1246']);
  });

  it('writes PLOVER records with the CAMEO→PLOVER event type and a POLECAT-like TSV', async () => {
    const plover = (await download('format=plover&dyad=RUS,USA')).lines.map((l) => JSON.parse(l));
    expect(plover).toHaveLength(4);
    // ../shared/reference/cameo_to_plover.tsv maps 1246 to REJECT, mode "yield", context "military".
    for (const p of plover) expect(p).toMatchObject({ event_type: 'REJECT', mode: 'yield', cameo_code: '1246', actor: expect.anything(), recipient: expect.anything() });
    expect(plover.find((p) => p.event_date === '2026-04')).toMatchObject({ date_precision: 'month' });
    const polecat = (await download('format=polecat&dyad=RUS,USA')).lines;
    const header = polecat[0].split('\t');
    expect(header.slice(0, 3)).toEqual(['Event ID', 'Event Date', 'Event Type']);
    for (const l of polecat.slice(1)) expect(l.split('\t')).toHaveLength(header.length);
    const array = JSON.parse(await (await app.request('/api/export?format=plover-json&dyad=RUS,USA')).text());
    expect(array).toHaveLength(4);
  });

  it('streams every row, past any page size, with date_precision and cluster_id in CSV', async () => {
    const { lines } = await download('format=csv&modality=all');
    const header = lines[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['date_precision', 'cluster_id']));
    expect(lines.length - 1).toBe(1203 + 4 + 1);
    const month = lines.slice(1).filter((l) => l.startsWith('bulk-'));
    expect(month.every((l) => l.split(',')[header.indexOf('date_precision')] === 'month')).toBe(true);
    const jsonl = (await download('format=jsonl&dyad=RUS,USA')).lines.map((l) => JSON.parse(l));
    expect(jsonl.map((r) => r.date_precision).sort()).toEqual(['day', 'day', 'day', 'month']);
    await expectError(await app.request('/api/export?format=xml'), 400, 'format');
  });
});
