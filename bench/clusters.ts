/**
 * `npm run bench:clusters`: what cross-story clustering gives and costs on the 10,113 real
 * articles of ../shared/corpora/news-bench.jsonl.gz, and how well it links on the labelled pairs.
 *   1. ingest the corpus (full pipeline + store, clustering included) into a fresh SQLite file;
 *   2. three times: forget every cluster and cluster the stored events again, article by article
 *      in storage order (the very code ingest runs, SqliteStore.clusterStored) — the median is the
 *      time clustering adds, per article, and its ratio to the ingest time per article;
 *   3. count clusters; 4. precision and recall on test/cluster/same-event-pairs.jsonl.
 * Writes the "Event clusters" section of docs/benchmarks.md.
 */
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { processInputs } from '../src/pipeline/process.js';
import { createPipeline } from '../src/pipeline/run.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { updateBenchmarks } from './benchmarks-md.js';
import { measureLinks, NEWS_BENCH } from './cluster-links.js';
import { floors } from './cluster-floors.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DB = join(ROOT, 'bench/out/clusters.db');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(NEWS_BENCH)) {
  console.log(`skipped: ${NEWS_BENCH} is absent`);
  process.exit(0);
}
for (const suffix of ['', '-wal', '-shm']) rmSync(DB + suffix, { force: true });
const loadBefore = loadavg()[0];
const store = new SqliteStore(DB);
const t0 = performance.now();
const summary = await processInputs([NEWS_BENCH], { store, pipeline: createPipeline(defaultStages) });
const ingestMs = performance.now() - t0;
await store.close();
const articles = summary.articles;

const runs: number[] = [];
for (let run = 0; run < 3; run += 1) {
  const db = new Database(DB);
  db.exec("UPDATE events SET cluster_id = NULL, cluster_key = NULL, cluster_words = NULL, cluster_head = 1; DELETE FROM clusters;");
  db.close();
  const t = performance.now();
  const reopened = new SqliteStore(DB); // clusters every stored event, article by article
  runs.push(performance.now() - t);
  await reopened.close();
}
const db = new Database(DB, { readonly: true });
const one = (sql: string) => db.prepare(sql).pluck().get() as number;
const counts = {
  events: one('SELECT count(*) FROM events'),
  clusterable: one('SELECT count(*) FROM events WHERE cluster_key IS NOT NULL'),
  clusters: one('SELECT count(*) FROM clusters'),
  clustersOfClusterable: one('SELECT count(DISTINCT cluster_id) FROM events WHERE cluster_key IS NOT NULL'),
  multi: one('SELECT count(*) FROM clusters WHERE articles > 1'),
  inMulti: one('SELECT count(*) FROM events e JOIN clusters c ON c.id = e.cluster_id WHERE c.articles > 1'),
  largest: one('SELECT max(articles) FROM clusters'),
};
db.close();
const clusterMs = median(runs);
const links = (await measureLinks())!;
const perArticle = (ms: number) => ms / articles;
const lines = [
  `\`npm run bench:clusters\` (bench/clusters.ts). Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end.`,
  '',
  `**Linking** on test/cluster/same-event-pairs.jsonl: ${links.pairs} labelled pairs of real news-bench reports (${links.positives} the same happening told by two stories, ${links.negatives} only similar: repeated strikes on one front, different meetings of the same two sides, different demands of one government). News-bench holds BBC 2004-05 and Reuters 1987, two outlets that never report one period, so the pairs are of different Reuters stories, never of two outlets. A pair counts as linked when ingest puts both reports in one cluster.`,
  '',
  '| figure | value | CI floor |',
  '|---|---|---|',
  `| precision of "same event" | ${links.precision.toFixed(2)} (${links.truePositives} of ${links.truePositives + links.falsePositives} links) | ${floors.precision} |`,
  `| recall of "same event" | ${links.recall.toFixed(2)} (${links.truePositives} of ${links.positives}) | ${floors.recall} |`,
  `| pairs whose event the coder no longer finds | ${links.unmatched} | |`,
  '',
  'The rules were tuned on these pairs (there is no held-out half), so the figures are a development measure.',
  '',
  `**News-bench** (${articles.toLocaleString('en')} articles, ${counts.events.toLocaleString('en')} events): ${counts.clusterable.toLocaleString('en')} events can be clustered (dated, with an actor; any modality, a denial only with denials); they form ${counts.clustersOfClusterable.toLocaleString('en')} clusters, ${counts.multi} of them with reports from more than one article (${counts.inMulti} events in those; the largest has ${counts.largest} articles). With one cluster for each other event too, the store holds ${counts.clusters.toLocaleString('en')} clusters.`,
  '',
  `**Cost**: ingest (read + full pipeline + store, clustering included) took ${(ingestMs / 1000).toFixed(1)} s, ${perArticle(ingestMs).toFixed(2)} ms per article. Clustering alone, run again over the stored events three times (median): ${(clusterMs / 1000).toFixed(2)} s, **${perArticle(clusterMs).toFixed(3)} ms per article**, ${((100 * clusterMs) / ingestMs).toFixed(1)}% of the ingest time.`,
];
console.log(lines.join('\n'));
updateBenchmarks(join(ROOT, 'docs/benchmarks.md'), { 'Event clusters': lines.join('\n') });
