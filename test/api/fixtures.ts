/**
 * @module test/api/fixtures
 * Hand-built articles with known events, so API tests can check filters and timeline arithmetic
 * against numbers computed here rather than against whatever the coder happens to produce.
 * One article also carries markup in its text, for the "rendered as text" checks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newArticle, type Article } from '../../src/model/article.js';
import type { Actor, CodedEvent, Modality, QuadClass } from '../../src/model/event.js';
import type { Mention } from '../../src/model/mention.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

export interface FixtureEvent {
  source: string;
  target: string;
  code: string;
  quad: QuadClass;
  goldstein: number;
  date: string;
  modality?: Modality;
  verb: string;
}

const NAMES: Record<string, string> = {
  USA: 'United States',
  RUS: 'Russia',
  UKR: 'Ukraine',
  CHN: 'China',
  FRA: 'France',
};

function actor(code: string, text: string, start: number): Actor {
  const country = code.slice(0, 3);
  return { code, country, role: code.length > 3 ? code.slice(3) : null, name: NAMES[country] ?? code, text, start, end: start + text.length };
}

/** One article whose sentences each carry one event: "<Source> <verb> <Target>." */
export function fixtureArticle(id: string, published: string, events: FixtureEvent[], title = `Article ${id}`): Article {
  let text = '';
  const sentences: Article['sentences'] = [];
  const mentions: Mention[] = [];
  const coded: CodedEvent[] = [];
  events.forEach((e, i) => {
    const start = text.length;
    const sourceText = NAMES[e.source.slice(0, 3)] ?? e.source;
    const targetText = NAMES[e.target.slice(0, 3)] ?? e.target;
    const sentence = `${sourceText} ${e.verb} ${targetText}.`;
    text += sentence + (i < events.length - 1 ? ' ' : '');
    sentences.push({ start, end: start + sentence.length, tokenStart: 0, tokenEnd: 0 });
    const src = actor(e.source, sourceText, start);
    const tgt = actor(e.target, targetText, start + sourceText.length + e.verb.length + 2);
    for (const a of [src, tgt]) {
      mentions.push({
        start: a.start, end: a.end, text: a.text, kind: 'country', code: a.code, country: a.country,
        role: a.role, name: a.name, sentence: i, via: { stage: 'test' },
      });
    }
    coded.push({
      id: `e${i + 1}`,
      code: e.code,
      root: e.code.slice(0, 2),
      quad_class: e.quad,
      goldstein: e.goldstein,
      source: src,
      target: tgt,
      date: e.date,
      date_source: 'text',
      location: null,
      sentence: i,
      evidence: { start, end: start + sentence.length, text: sentence },
      modality: e.modality ?? 'asserted',
      rule: 'test.fixture',
    });
  });
  const article = newArticle({ id, text, meta: { title, published, language: 'en', source: 'Fixture Times' } });
  article.sentences = sentences;
  article.mentions = mentions;
  article.events = coded;
  return article;
}

/** A deterministic corpus: USA↔RUS over three months, RUS→UKR, CHN→USA, one negated event, one quote, one hostile text. */
export function fixtureCorpus(): Article[] {
  const articles: Article[] = [];
  // USA→RUS: 2026-01 (3 events), 2026-02 (2), RUS→USA: 2026-01 (1), 2026-03 (2)
  articles.push(fixtureArticle('usa-rus-1', '2026-01-10', [
    { source: 'USAGOV', target: 'RUSGOV', code: '036', quad: 1, goldstein: 4, date: '2026-01-05', verb: 'offered talks to' },
    { source: 'USAGOV', target: 'RUSGOV', code: '163', quad: 4, goldstein: -8, date: '2026-01-06', verb: 'imposed sanctions on' },
    { source: 'USA', target: 'RUS', code: '112', quad: 3, goldstein: -2, date: '2026-01-12', verb: 'accused' },
    { source: 'RUSGOV', target: 'USAGOV', code: '111', quad: 3, goldstein: -2, date: '2026-01-13', verb: 'criticised' },
  ]));
  articles.push(fixtureArticle('usa-rus-2', '2026-02-20', [
    { source: 'USA', target: 'RUS', code: '057', quad: 1, goldstein: 8, date: '2026-02-18', verb: 'signed an agreement with' },
    { source: 'USA', target: 'RUS', code: '042', quad: 1, goldstein: 1.9, date: '2026-02-19', verb: 'visited' },
    { source: 'USA', target: 'RUS', code: '190', quad: 4, goldstein: -10, date: '2026-02-19', verb: 'fought', modality: 'negated' },
  ], 'Talks, then a "deal"'));
  articles.push(fixtureArticle('usa-rus-3', '2026-03-02', [
    { source: 'RUSMIL', target: 'USAMIL', code: '173', quad: 4, goldstein: -5, date: '2026-03-01', verb: 'arrested soldiers of' },
    { source: 'RUS', target: 'USA', code: '020', quad: 1, goldstein: 3, date: '2026-03-02', verb: 'appealed to' },
  ]));
  articles.push(fixtureArticle('rus-ukr-1', '2026-02-01', [
    { source: 'RUSMIL', target: 'UKRMIL', code: '190', quad: 4, goldstein: -10, date: '2026-01-30', verb: 'attacked' },
    { source: 'RUSMIL', target: 'UKR', code: '195', quad: 4, goldstein: -10, date: '2026-01-31', verb: 'shelled' },
  ]));
  articles.push(fixtureArticle('chn-usa-1', '2026-02-11', [
    { source: 'CHN', target: 'USA', code: '061', quad: 2, goldstein: 6.4, date: '2026-02-10', verb: 'cooperated economically with' },
  ]));
  const hostile = fixtureArticle('hostile-1', '2026-02-12', [
    { source: 'FRA', target: 'USA', code: '010', quad: 1, goldstein: 0, date: '2026-02-12', verb: 'made a statement about' },
  ], '<img src=x onerror=alert(1)> Title');
  // Markup in the clean text must come back and be shown literally, never interpreted.
  const tail = ' <script>window.__pwned = true</script> said the <b>minister</b>.';
  hostile.text += tail;
  hostile.sentences.push({ start: hostile.text.length - tail.length + 1, end: hostile.text.length, tokenStart: 0, tokenEnd: 0 });
  hostile.quotes = [{
    start: hostile.text.length - tail.length + 1,
    end: hostile.text.length - ' said the <b>minister</b>.'.length,
    text: '<script>window.__pwned = true</script>',
    speaker: { name: 'Jean Dupont', code: 'FRAGOV', country: 'FRA', affiliation: 'Foreign Ministry', start: 0, end: 6 },
    kind: 'direct',
  }];
  articles.push(hostile);
  return articles;
}

/** Many events spread over 2025–2026 for pagination tests. */
export function bulkArticles(count: number): Article[] {
  const out: Article[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    out.push(fixtureArticle(`bulk-${i}`, `2025-${month}-${day}`, [
      { source: 'FRA', target: 'CHN', code: '040', quad: 1, goldstein: 1, date: `2025-${month}-${day}`, verb: 'consulted' },
    ]));
  }
  return out;
}

export interface TempStore {
  store: Store;
  dir: string;
  cleanup(): Promise<void>;
}

/** A real SQLite store in a fresh temp directory. */
export async function tempStore(articles: Article[]): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'detente-api-'));
  const store = await openStore(join(dir, 'test.db'));
  if (articles.length > 0) await store.putArticles(articles);
  return {
    store,
    dir,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
