/**
 * Draws the real-news audit sample: politics and world articles of
 * ../shared/corpora/news-bench.jsonl.gz (BBC 2004-05, Reuters 1987), coded by the default
 * pipeline, and 50 of their events chosen with a fixed seed. Prints one JSON line per drawn
 * event with the sentence, for a person to judge; the judgements live in
 * test/gold/audit-news.jsonl (ids and at most one clause of text) and are scored by
 * test/gold/audit-score.ts. Skips with a message when ../shared is absent.
 *
 *   npx tsx test/gold/audit-draw.ts [count] > /tmp/audit-draw.jsonl
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { newArticle } from '../../src/model/article.js';
import { seededRandom } from '../../src/util/seeded-random.js';
import { createPipeline } from '../../src/pipeline/run.js';
import { defaultStages } from '../../src/pipeline/default-stages.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'news-bench.jsonl.gz');
/** The seed of the drawing: change it and the sample (and its judgements) must be redone. */
export const AUDIT_SEED = 20261205;
/** Articles taken, in corpus order after the filter: enough for a few hundred events. */
const ARTICLES = 400;

/**
 * Politics and world news: the corpus has no section labels, so an article counts when its
 * text names the state at work (government, ministers, troops, talks) several times and is not
 * a company or market report (earnings tables, share prices).
 */
const POLITICS = /\b(government|minister|ministers|president|parliament|election|troops|army|rebels|talks|embassy|sanctions|military|opposition|prime minister|foreign|diplomat|diplomats|treaty|summit|ceasefire|protest|protesters|police)\b/gi;
const BUSINESS = /\b(shr|qtr|dividend|net profit|revs|earnings per share|shares|stock exchange|cts|dlrs|mln|billion dlrs|tonnes|crop|bond|futures)\b/gi;

export function isPolitics(text: string): boolean {
  const politics = text.match(POLITICS)?.length ?? 0;
  const business = text.match(BUSINESS)?.length ?? 0;
  return politics >= 4 && business <= 1;
}

function main(): void {
  if (!existsSync(CORPUS)) {
    console.error(`skipped: ${CORPUS} is absent`);
    return;
  }
  const count = Number(process.argv[2] ?? 50);
  const lines = gunzipSync(readFileSync(CORPUS)).toString('utf8').split('\n').filter((l) => l.trim() !== '');
  const articles = lines.map((l) => JSON.parse(l) as { id: string; title: string; date: string | null; text: string }).filter((a) => isPolitics(a.text)).slice(0, ARTICLES);
  const pipeline = createPipeline(defaultStages);
  const pool: { article: string; date: string | null; n: number; event: any; sentence: string }[] = [];
  for (const a of articles) {
    const article = pipeline.run(newArticle({ id: a.id, text: a.text.replace(/\s*\n\s*/g, (m) => (m.includes('\n\n') ? '\n\n' : ' ')), meta: { published: a.date, language: 'en', title: a.title, author: null, source: null, url: null } }));
    article.events.forEach((event: any, n: number) => {
      const s = article.sentences.find((x) => event.evidence.start >= x.start && event.evidence.start < x.end);
      pool.push({ article: a.id, date: a.date, n, event, sentence: s ? article.text.slice(s.start, s.end) : '' });
    });
  }
  const random = seededRandom(AUDIT_SEED);
  // Fisher-Yates with the seeded generator, then the first `count`.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  console.error(`${articles.length} politics/world articles, ${pool.length} events; drawing ${count}`);
  for (const p of pool.slice(0, count)) {
    const e = p.event;
    console.log(JSON.stringify({
      article: p.article, published: p.date, event: p.n, code: e.code, root: e.root,
      source: e.source?.code ?? null, target: e.target?.code ?? null, date: e.date, date_source: e.date_source,
      evidence: p.article ? (e.evidence?.text ?? null) : null, sentence: p.sentence,
    }));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
