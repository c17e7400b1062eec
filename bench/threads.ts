/**
 * `npx tsx bench/threads.ts [articles] [runs]`: ingest speed with the pipeline on 1 and on 2
 * worker threads, over the first N articles of ../shared/corpora/news-bench.jsonl.gz (default
 * 2,000), each configuration run `runs` times (default 3) alternately, each into a fresh
 * database, from the built package (npm run build first). Prints the median articles/s of each,
 * their ratio, and the load average (the machine is shared), for docs/benchmarks.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const NEWS_BENCH = resolve(ROOT, '../shared/corpora/news-bench.jsonl.gz');
const count = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 3);

const { processInputs } = await import(join(ROOT, 'dist/pipeline/process.js'));
const { createPipelinePool } = await import(join(ROOT, 'dist/pipeline/pool.js'));
const { openStore } = await import(join(ROOT, 'dist/store/open-store.js'));

const dir = mkdtempSync(join(tmpdir(), 'detente-threads-'));
const input = join(dir, 'sample.jsonl');
const lines: string[] = [];
for await (const line of createInterface({ input: createReadStream(NEWS_BENCH).pipe(createGunzip()) })) {
  if (line.trim() === '') continue;
  lines.push(line);
  if (lines.length >= count) break;
}
writeFileSync(input, lines.join('\n') + '\n');

async function once(threads: number, run: number): Promise<number> {
  const store = await openStore(join(dir, `t${threads}-${run}.db`));
  const pool = createPipelinePool({ threads });
  // Start the threads (loading the models) before the clock: the figure is the steady rate.
  await Promise.all(Array.from({ length: threads }, () => pool.run({ id: 'warm', text: '', meta: { language: 'en' }, provenance: { reader: 'w', input: 'w', item: null }, sentences: [], tokens: { start: new Int32Array(), end: new Int32Array(), pos: [], lemma: [], normal: [], sentence: new Int32Array(), negated: new Uint8Array() }, mentions: [], dates: [], clauses: [], quotes: [], events: [], errors: [], notes: [], stamps: {} })));
  const t0 = performance.now();
  const summary = await processInputs([input], { store, pipeline: pool, ingestOptions: { jsonl: true } });
  const seconds = (performance.now() - t0) / 1000;
  await pool.close();
  await store.close();
  return summary.articles / seconds;
}

const rates: Record<number, number[]> = { 1: [], 2: [] };
const loads: number[] = [];
for (let run = 0; run < runs; run++) {
  for (const threads of [1, 2]) {
    loads.push(loadavg()[0]);
    rates[threads].push(await once(threads, run));
    console.error(`run ${run + 1}, ${threads} thread(s): ${rates[threads].at(-1)!.toFixed(1)} articles/s (load ${loads.at(-1)!.toFixed(2)})`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const one = median(rates[1]);
const two = median(rates[2]);
console.log(
  JSON.stringify({ articles: lines.length, runs, threads1: +one.toFixed(1), threads2: +two.toFixed(1), ratio: +(two / one).toFixed(2), load: loads.map((l) => +l.toFixed(2)) }),
);
rmSync(dir, { recursive: true, force: true });
