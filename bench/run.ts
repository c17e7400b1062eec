/**
 * `npm run bench`: builds a seeded corpus of ~800-word articles from samples/ and measures
 *   (a) ingest into a fresh SQLite file — articles/s, median of BENCH_RUNS runs, and peak memory;
 *   (b) the language layer — median ms per 1,000 words for the stages named `nlp.*`;
 *   (c) end-to-end extraction — text to coded events with every default stage, on one core.
 * Each measurement runs in its own process (bench/worker.ts) so its peak memory is its own.
 * Prints one headline line, then details, and writes docs/benchmarks.md.
 * Sizes: BENCH_ARTICLES (corpus and ingest, 10000), BENCH_NLP (300), BENCH_E2E (as many as BENCH_ARTICLES), BENCH_RUNS (3),
 * BENCH_RATIO_ARTICLES (news-bench articles for the ratio, 2000; skipped when ../shared is absent).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.js';
import { updateBenchmarks } from './benchmarks-md.js';
import { median } from './numbers.js';
import { NEWS_BENCH, type RatioResult } from './ratio.js';
import { measureStartup } from './startup.js';
import { existsSync } from 'node:fs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/out');
const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a positive integer, found "${process.env[name]}"`);
  return value;
};
const ARTICLES = env('BENCH_ARTICLES', 10_000);
const NLP = env('BENCH_NLP', 300);
// The same articles as ingest by default, so that ingest's rate and peak memory compare with the pipeline's alone:
// V8 lets the heap grow with the length of a run, so a shorter pipeline-only run understates its peak.
const E2E = env('BENCH_E2E', ARTICLES);
const RUNS = env('BENCH_RUNS', 3);

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function worker<T>(...args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/worker.ts'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`bench worker ${args[0]} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

interface IngestResult { articles: number; events: number; failed: number; seconds: number; perSecond: number; pipelineSeconds: number; storeSeconds: number; maxRssMB: number }
interface NlpResult { articles: number; stages: string[]; medianMsPer1000Words: number; perStage: Record<string, number | null>; maxRssMB: number }
interface E2eResult { articles: number; words: number; events: number; errors: number; seconds: number; perSecond: number; stages: string[]; maxRssMB: number }

const log = (s: string) => process.stderr.write(s + '\n');

const corpusPath = join(OUT, `corpus-${ARTICLES}`);
log(`bench: building ${ARTICLES} articles from samples/ …`);
const corpus = await buildCorpus(join(ROOT, 'samples'), corpusPath, ARTICLES);

/** The machine may be shared: the 1-minute load average before and after each measurement goes next to its figures. */
const load = () => loadavg()[0].toFixed(1);
const loadStart = load();
const ingestRuns: (IngestResult & { load: string })[] = [];
for (let run = 1; run <= RUNS; run++) {
  const db = join(OUT, `bench-${run}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  log(`bench: ingest run ${run}/${RUNS} …`);
  const before = load();
  ingestRuns.push({ ...worker<IngestResult>('ingest', corpusPath, db), load: `${before} → ${load()}` });
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
}
log(`bench: language layer over ${NLP} articles …`);
const nlpLoad = load();
const nlp = worker<NlpResult>('nlp', corpusPath, String(NLP));
log(`bench: end-to-end over ${E2E} articles …`);
const e2eLoad = load();
const e2e = worker<E2eResult>('e2e', corpusPath, String(Math.min(E2E, ARTICLES)));
const e2eLoadEnd = load();
const RATIO_ARTICLES = env('BENCH_RATIO_ARTICLES', 2000);
let ratio: RatioResult | null = null;
if (existsSync(NEWS_BENCH)) {
  log(`bench: ratio to wink-nlp over ${RATIO_ARTICLES} news-bench articles, ${RUNS} runs …`);
  ratio = worker<RatioResult>('ratio', '-', `${RATIO_ARTICLES},${RUNS}`);
} else {
  log(`bench: ratio skipped, news-bench not found at ${NEWS_BENCH}`);
}
log(`bench: start-up, ${RUNS} runs of detente extract on one sentence (needs npm run build) …`);
const startup = measureStartup(RUNS);

const ingestRate = median(ingestRuns.map((r) => r.perSecond));
const ingestRss = Math.max(...ingestRuns.map((r) => r.maxRssMB));
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.versions.node}, commit ${commit}, ${new Date().toISOString().slice(0, 10)}; load average ${loadStart} at the start, ${load()} at the end`;

const headline =
  `Détente bench: ingest ${fmt(ingestRate)} articles/s · language layer ${fmt(nlp.medianMsPer1000Words)} ms per 1,000 words · ` +
  `end-to-end ${fmt(e2e.perSecond)} articles/s on one core`;
console.log(headline);
console.log(`machine: ${machine}`);
console.log(`corpus: ${corpus.articles} articles, ${fmt(corpus.words / corpus.articles, 0)} words each on average, from ${corpus.paragraphs} sample paragraphs`);
console.log(`(a) ingest into fresh SQLite: ${ingestRuns.map((r) => fmt(r.perSecond)).join(', ')} articles/s → median ${fmt(ingestRate)}; ` +
  `${ingestRuns[0].events} events, ${ingestRuns[0].failed} failed; peak memory ${fmt(ingestRss, 0)} MB`);
const share = (part: number, whole: number) => `${fmt((100 * part) / whole, 0)} %`;
const split = (r: IngestResult) =>
  `pipeline ${share(r.pipelineSeconds, r.seconds)}, store ${share(r.storeSeconds, r.seconds)}, reading and the rest ${share(r.seconds - r.pipelineSeconds - r.storeSeconds, r.seconds)}`;
console.log(`      time split (run 1): ${split(ingestRuns[0])}`);
console.log(`(b) language layer (${nlp.stages.join(', ') || 'no nlp.* stages'}): median ${fmt(nlp.medianMsPer1000Words, 2)} ms per 1,000 words over ${nlp.articles} articles`);
for (const [stage, ms] of Object.entries(nlp.perStage)) console.log(`      ${stage}: ${ms === null ? 'did not run' : `${fmt(ms, 2)} ms`}`);
console.log(`(c) end-to-end (${e2e.stages.length} stages): ${fmt(e2e.perSecond)} articles/s, ${fmt(e2e.words / e2e.seconds, 0)} words/s over ${e2e.articles} articles; ` +
  `${e2e.events} events, ${e2e.errors} article errors; peak memory ${fmt(e2e.maxRssMB, 0)} MB`);
if (ratio) {
  console.log(`(d) news-bench: ${fmt(ratio.ratio, 2)}× wink-nlp tokens+POS+negation per 1,000 words (median of ${ratio.runs.length}; pipeline ${fmt(ratio.pipelineMs, 2)} ms, wink ${fmt(ratio.winkMs, 2)} ms CPU), ` +
    `${fmt(ratio.articlesPerSecond)} articles/s on one core; syntax parsed ${ratio.parsedSentences} of ${ratio.sentences} sentences`);
}
console.log(`    start-up: one sentence through detente extract ${fmt(startup.cpuMs, 0)} ms CPU, ${fmt(startup.wallMs, 0)} ms wall (median of ${startup.runs.length})`);

const stageList = (stages: string[]) => stages.map((s) => `\`${s}\``).join(', ');
updateBenchmarks(join(ROOT, 'docs/benchmarks.md'), {
  Ingest: [
    `\`npm run bench\` — ${machine}.`,
    '',
    `Corpus: ${corpus.articles} distinct articles of ~${fmt(corpus.words / corpus.articles, 0)} words, recombined (seeded) from the paragraphs of \`samples/\`, as JSONL files of 500 articles.`,
    `\`processInputs\` reads it, runs the full default pipeline and stores into a fresh SQLite file (batches of 200 per transaction).`,
    '',
    '| run | articles/s | events | peak memory (maxRSS) | time split | load average (1 min, before → after) |',
    '|---|---|---|---|---|---|',
    ...ingestRuns.map((r, i) => `| ${i + 1} | ${fmt(r.perSecond)} | ${r.events} | ${fmt(r.maxRssMB, 0)} MB | ${split(r)} | ${r.load} |`),
    `| **median** | **${fmt(ingestRate)}** | | max ${fmt(ingestRss, 0)} MB | | |`,
    '',
    `Ingest runs at ${share(ingestRate, e2e.perSecond)} of the pipeline-only rate of the same bench (end-to-end extraction below, ${fmt(e2e.perSecond)} articles/s); ` +
      `its peak memory is ${fmt(ingestRss / e2e.maxRssMB, 2)} × the pipeline's alone (${fmt(e2e.maxRssMB, 0)} MB).`,
  ].join('\n'),
  'Language layer': [
    `Median time of the \`nlp.*\` stages per 1,000 words, per article, over ${nlp.articles} corpus articles (after one warm-up article; stage timings from the article's stamps); load average ${nlpLoad} at the start.`,
    '',
    '| stages | median ms per 1,000 words |',
    '|---|---|',
    ...Object.entries(nlp.perStage).map(([s, ms]) => `| \`${s}\` | ${ms === null ? 'did not run' : fmt(ms, 2)} |`),
    `| **all nlp.* together** | **${fmt(nlp.medianMsPer1000Words, 2)}** |`,
    '',
    'The total is the median of each article\'s sum, so it includes the garbage-collection pauses that land in some stage of',
    'nearly every article; the per-stage medians mostly miss them, and so add up to less.',
  ].join('\n'),
  'End-to-end extraction': [
    `Text to coded events with every default stage (${stageList(e2e.stages)}), one core, ${e2e.articles} articles streamed from the corpus; only the pipeline is timed.`,
    '',
    `- **${fmt(e2e.perSecond)} articles/s** (${fmt(e2e.words / e2e.seconds, 0)} words/s)`,
    `- ${e2e.events} events, ${e2e.errors} article errors`,
    `- peak memory (maxRSS): ${fmt(e2e.maxRssMB, 0)} MB`,
    `- load average ${e2eLoad} → ${e2eLoadEnd} (1 min, before → after)`,
  ].join('\n'),
  ...(ratio ? { 'Speed on real news (ratio to wink-nlp)': ratioSection(ratio) } : {}),
  'Start-up': [
    `One sentence with an event through \`detente extract\` in a fresh process (\`npm run bench:startup\`): CPU time of the process (user + system, all threads) and wall time, median of ${startup.runs.length} (issue 8's target: under 1 s).`,
    '',
    '| run | CPU ms | wall ms | load average (1 min) |',
    '|---|---|---|---|',
    ...startup.runs.map((r, i) => `| ${i + 1} | ${r.cpuMs} | ${r.wallMs} | ${r.load} |`),
    `| **median** | **${startup.cpuMs}** | **${startup.wallMs}** | |`,
  ].join('\n'),
});

function ratioSection(r: RatioResult): string {
  return [
    `Issue 8's measure (\`npm run bench:ratio\`): CPU time of the whole default pipeline per 1,000 words of real news (${r.articles} articles of \`../shared/corpora/news-bench.jsonl.gz\`, ${r.words} words), ` +
      `as a ratio to wink-nlp's tokens + POS + negation on the same texts in the same process, each after its own start-up; runs alternate wink and pipeline. Target: at most 5×, aiming at 3×.`,
    '',
    '| run | pipeline ms / 1,000 words | wink ms / 1,000 words | ratio | articles/s (one core) | load average (1 min, before → after) |',
    '|---|---|---|---|---|---|',
    ...r.runs.map((x, i) => `| ${i + 1} | ${fmt(x.pipelineMs, 2)} | ${fmt(x.winkMs, 2)} | ${fmt(x.ratio, 2)}× | ${fmt(x.articlesPerSecond)} | ${x.load} |`),
    `| **median** | **${fmt(r.pipelineMs, 2)}** | **${fmt(r.winkMs, 2)}** | **${fmt(r.ratio, 2)}×** | **${fmt(r.articlesPerSecond)}** | |`,
    '',
    `The syntax stage parsed ${r.parsedSentences} of ${r.sentences} sentences (those with an actor mention and a verb, or two mentions).`,
  ].join('\n');
}
log('bench: figures written to docs/benchmarks.md');
