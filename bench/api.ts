/**
 * @module bench/api
 * `npm run bench:api`: API latency under load. Fills a fresh SQLite store with 1,000,000
 * generated events (bench/api-data.ts) through the store's own batch writer, starts the real
 * server on loopback, and runs 32 concurrent clients against the dyad timeline and filtered
 * event pages. Prints median / p90 / p99 latency per endpoint and the targets
 * (p99 < 50 ms timeline, < 100 ms filtered events), then the same mixes from a single client
 * (service time without queueing). Bounded: a fixed number of requests per client and a time
 * cap per phase.
 *
 *   npm run bench:api                       # 1,000,000 events, 32 clients
 *   npm run bench:api -- --events 200000 --clients 16 --requests 50 --reuse
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.js';
import type { Article } from '../src/model/article.js';
import { generateArticles } from './api-data.js';
import { startBenchPostgres, type BenchPg } from './pg-server.js';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '60' },
    seconds: { type: 'string', default: '60' },
    db: { type: 'string', default: 'bench/out/api-bench.db' },
    reuse: { type: 'boolean', default: false },
    'fill-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    postgres: { type: 'boolean', default: false },
    workers: { type: 'string', default: '1' },
    'no-cache': { type: 'boolean', default: false },
    // Writes the server's CPU profile (.cpuprofile, for Chrome DevTools) into this folder.
    profile: { type: 'string' },
  },
});
const EVENTS = Number(args.events);
const CLIENTS = Number(args.clients);
const REQUESTS = Number(args.requests);
const SECONDS = Number(args.seconds);
const RUNS = Number(args.runs);

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Empties the target: the SQLite file, or the PostgreSQL schema named in the URL. */
async function reset(target: string): Promise<void> {
  if (!isPostgres(target)) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
    return;
  }
  const url = new URL(target);
  const schema = url.searchParams.get('schema')!;
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

/** True when the target already holds the events asked for (for --reuse). */
async function filled(target: string): Promise<boolean> {
  if (!isPostgres(target) && !existsSync(target)) return false;
  try {
    const store = await openStore(target);
    const { events } = await store.stats();
    await store.close();
    return events >= EVENTS;
  } catch {
    return false;
  }
}

const isPostgres = (target: string) => target.startsWith('postgres://') || target.startsWith('postgresql://');

async function fill(target: string): Promise<void> {
  await reset(target);
  const store = await openStore(target);
  const t0 = performance.now();
  let batch: Article[] = [];
  let stored = 0;
  for (const article of generateArticles(EVENTS)) {
    batch.push(article);
    if (batch.length === 1000) {
      stored += (await store.putArticles(batch)).events;
      batch = [];
      if (stored % 20_000 === 0) process.stderr.write(`\r  ${stored.toLocaleString('en')} events stored (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  if (batch.length > 0) stored += (await store.putArticles(batch)).events;
  await store.close();
  process.stderr.write(`\r  ${stored.toLocaleString('en')} events stored in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

interface Result {
  latencies: number[];
  errors: number;
  seconds: number;
  bytes: number;
}

/** `CLIENTS` loops, each sending up to REQUESTS requests (or until the time cap). */
async function load(base: string, nextPath: (random: () => number) => string, requests = REQUESTS, clients = CLIENTS, seed = 0): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const random = seededRandom(1000 + client + seed * 7919);
      for (let i = 0; i < requests && performance.now() < deadline; i += 1) {
        const path = nextPath(random);
        const start = performance.now();
        try {
          const res = await fetch(base + path);
          const body = await res.arrayBuffer();
          latencies.push(performance.now() - start);
          bytes += body.byteLength;
          if (res.status !== 200) {
            errors += 1;
            if (errors <= 3) process.stderr.write(`  ${res.status} ${path}: ${new TextDecoder().decode(body).slice(0, 200)}\n`);
          }
        } catch (error) {
          // A failed request counts against the run (and its time as latency), it does not end it.
          latencies.push(performance.now() - start);
          errors += 1;
          if (errors <= 3) process.stderr.write(`  ${path}: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}\n`);
        }
      }
    }),
  );
  return { latencies, errors, seconds: (performance.now() - t0) / 1000, bytes };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function p99(r: Result): number {
  return quantile([...r.latencies].sort((a, b) => a - b), 0.99);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median over runs of each figure; met when the median p99 is under target and nothing failed. */
function report(row: Row): { line: string; ok: boolean } {
  const sorted = row.runs.map((r) => [...r.latencies].sort((a, b) => a - b));
  const at = (q: number) => median(sorted.map((s) => quantile(s, q)));
  const p99s = sorted.map((s) => quantile(s, 0.99));
  const errors = row.runs.reduce((n, r) => n + r.errors, 0);
  const ok = at(0.99) < row.target && errors === 0;
  if (errors > 0) process.stderr.write(`  ${row.name}: ${errors} failed requests\n`);
  const rate = median(row.runs.map((r) => r.latencies.length / r.seconds));
  const line = `| ${row.name} | ${median(row.runs.map((r) => r.latencies.length))} | ${at(0.5).toFixed(1)} | ${at(0.9).toFixed(1)} | ${at(0.99).toFixed(1)} [${p99s.map((p) => p.toFixed(0)).join(', ')}] | ${median(sorted.map((s) => s[s.length - 1])).toFixed(1)} | ${rate.toFixed(0)} | < ${row.target} | ${ok ? 'met' : 'MISSED'} |`;
  return { line, ok };
}

async function main(): Promise<void> {
  let target = args.db!;
  let pgServer: BenchPg | null = null;
  if (args.postgres) {
    pgServer = await startBenchPostgres();
    target = `${pgServer.url}?schema=api_bench`;
    process.stderr.write(`bench:api: PostgreSQL on ${pgServer.url} (data in bench/out/pg)\n`);
  } else if (!isPostgres(target)) mkdirSync(join(target, '..'), { recursive: true });
  try {
    if (args.reuse && (await filled(target))) process.stderr.write(`bench:api: reusing ${target}\n`);
    else {
      process.stderr.write(`bench:api: generating ${EVENTS.toLocaleString('en')} events into ${target}\n`);
      await fill(target);
    }
    if (args['fill-only']) return;
    await measure(target);
  } finally {
    pgServer?.stop();
  }
}

interface Row {
  name: string;
  target: number;
  runs: Result[];
}

async function measure(target: string): Promise<void> {
  // The server runs in its own process: clients in this one must not queue on its event loop.
  const serverArgs = [target, `--workers=${args.workers}`, ...(args['no-cache'] ? ['--no-cache'] : [])];
  const child = fork(fileURLToPath(new URL('./api-server.ts', import.meta.url)), serverArgs, {
    execArgv: ['--import', 'tsx', ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [])],
    stdio: 'inherit',
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = url.replace(/\/$/, '');
  try {
    const stats = (await (await fetch(`${base}/api/stats`)).json()) as { events: number };
    const { dyads } = (await (await fetch(`${base}/api/dyads?limit=40`)).json()) as { dyads: { source_country: string; target_country: string; events: number }[] };
    process.stderr.write(`bench:api: ${stats.events.toLocaleString('en')} events; busiest dyad ${dyads[0].source_country}→${dyads[0].target_country} with ${dyads[0].events.toLocaleString('en')} asserted events; ${CLIENTS} clients × ${REQUESTS} requests per phase, ${RUNS} run(s), server on ${args.workers} process(es), response cache ${args['no-cache'] ? 'off' : 'on'}\n`);
    const pick = <T>(random: () => number, list: T[]) => list[Math.floor(random() * list.length)];
    // The heaviest dyads are asked for most, as a dashboard's users would.
    const hot = dyads.slice(0, 20);

    const timeline = (random: () => number) => {
      const d = pick(random, hot);
      const bucket = pick(random, ['month', 'month', 'week', 'day']);
      const directed = random() < 0.5;
      const from = random() < 0.3 ? `&from=${2000 + Math.floor(random() * 20)}` : '';
      return `/api/dyads/${d.source_country}/${d.target_country}/timeline?bucket=${bucket}&directed=${directed}${from}`;
    };
    const events = (random: () => number) => {
      const d = pick(random, hot);
      const year = 2000 + Math.floor(random() * 23);
      const choices = [
        `dyad=${d.source_country},${d.target_country}`,
        `dyad=${d.source_country},${d.target_country}&quad_class=${1 + Math.floor(random() * 4)}`,
        `dyad=${d.source_country},${d.target_country}&from=${year}&to=${year + 2}`,
        `actor=${d.source_country}GOV&root=${pick(random, ['04', '11', '16', '19'])}`,
        `country=${d.target_country}&from=${year}-03&to=${year}-09`,
        `code=163&from=${year}`,
        `dyad=${d.source_country},${d.target_country}&directed=true&modality=all`,
      ];
      return `/api/events?${pick(random, choices)}&limit=100`;
    };

    await load(base, timeline, 2, CLIENTS, 999); // warm-up: page cache and prepared statements
    await load(base, events, 2, CLIENTS, 999);
    const rows: Row[] = [
      { name: 'GET /api/dyads/{a}/{b}/timeline', target: 50, runs: [] },
      { name: 'GET /api/events (filtered, limit 100)', target: 100, runs: [] },
      // No store access: what the machine and the HTTP layer alone give 32 clients (a loaded box shows here first).
      { name: 'GET /api/health (no store access)', target: 50, runs: [] },
      // One client at a time: the service time of each query, free of queueing behind the others.
      { name: 'timeline, 1 client', target: 50, runs: [] },
      { name: 'filtered events, 1 client', target: 100, runs: [] },
    ];
    const loads: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // Each run draws other requests (another seed), so a run is not served from the previous one's cache.
      loads.push(loadavg()[0]);
      rows[0].runs.push(await load(base, timeline, REQUESTS, CLIENTS, run));
      rows[1].runs.push(await load(base, events, REQUESTS, CLIENTS, run));
      rows[2].runs.push(await load(base, () => '/api/health', REQUESTS, CLIENTS, run));
      rows[3].runs.push(await load(base, timeline, 40, 1, run + 500));
      rows[4].runs.push(await load(base, events, 40, 1, run + 500));
      process.stderr.write(`  run ${run + 1}: timeline p99 ${p99(rows[0].runs.at(-1)!).toFixed(1)} ms, events p99 ${p99(rows[1].runs.at(-1)!).toFixed(1)} ms (load ${loads.at(-1)!.toFixed(2)})\n`);
    }
    process.stdout.write(`\n${stats.events.toLocaleString('en')} events on ${isPostgres(target) ? 'PostgreSQL' : 'SQLite'}, ${CLIENTS} concurrent clients, loopback, server on ${args.workers} process(es), response cache ${args['no-cache'] ? 'off' : 'on'}, ${process.platform} ${process.arch}, Node ${process.version}\n`);
    process.stdout.write(`median of ${RUNS} run(s) (each run's own requests); p99 of each run in brackets\n\n`);
    process.stdout.write('| endpoint | requests | median ms | p90 ms | p99 ms | max ms | req/s | p99 target ms | |\n|---|---|---|---|---|---|---|---|---|\n');
    const verdicts = rows.map((r) => report(r));
    for (const v of verdicts) process.stdout.write(`${v.line}\n`);
    process.stdout.write(`\nload average at the start of each run: ${loads.map((l) => l.toFixed(2)).join(', ')}; at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)\n`);
    process.exitCode = verdicts.slice(0, 2).every((v) => v.ok) ? 0 : 1;
  } finally {
    child.disconnect();
  }
}

await main();
