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

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '60' },
    seconds: { type: 'string', default: '60' },
    db: { type: 'string', default: 'bench/out/api-bench.db' },
    reuse: { type: 'boolean', default: false },
  },
});
const EVENTS = Number(args.events);
const CLIENTS = Number(args.clients);
const REQUESTS = Number(args.requests);
const SECONDS = Number(args.seconds);

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function fill(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const store = await openStore(path);
  const t0 = performance.now();
  let batch: Article[] = [];
  let stored = 0;
  for (const article of generateArticles(EVENTS)) {
    batch.push(article);
    if (batch.length === 1000) {
      stored += (await store.putArticles(batch)).events;
      batch = [];
      if (stored % 100_000 === 0) process.stderr.write(`\r  ${stored.toLocaleString('en')} events stored (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
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
async function load(base: string, nextPath: (random: () => number) => string, requests = REQUESTS, clients = CLIENTS): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const random = seededRandom(1000 + client);
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

function report(name: string, r: Result, target: number): { line: string; ok: boolean } {
  const s = [...r.latencies].sort((a, b) => a - b);
  const p99 = quantile(s, 0.99);
  const ok = p99 < target && r.errors === 0;
  if (r.errors > 0) process.stderr.write(`  ${name}: ${r.errors} failed requests\n`);
  const line = `| ${name} | ${s.length} | ${quantile(s, 0.5).toFixed(1)} | ${quantile(s, 0.9).toFixed(1)} | ${p99.toFixed(1)} | ${s[s.length - 1].toFixed(1)} | ${(s.length / r.seconds).toFixed(0)} | < ${target} | ${ok ? 'met' : 'MISSED'} |`;
  return { line, ok };
}

async function main(): Promise<void> {
  const path = args.db!;
  mkdirSync(join(path, '..'), { recursive: true });
  if (args.reuse && existsSync(path)) process.stderr.write(`bench:api: reusing ${path}\n`);
  else {
    process.stderr.write(`bench:api: generating ${EVENTS.toLocaleString('en')} events into ${path}\n`);
    await fill(path);
  }
  // The server runs in its own process: clients in this one must not queue on its event loop.
  const child = fork(fileURLToPath(new URL('./api-server.ts', import.meta.url)), [path], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = url.replace(/\/$/, '');
  try {
    const stats = (await (await fetch(`${base}/api/stats`)).json()) as { events: number };
    const { dyads } = (await (await fetch(`${base}/api/dyads?limit=40`)).json()) as { dyads: { source_country: string; target_country: string; events: number }[] };
    process.stderr.write(`bench:api: ${stats.events.toLocaleString('en')} events; busiest dyad ${dyads[0].source_country}→${dyads[0].target_country} with ${dyads[0].events.toLocaleString('en')} asserted events; ${CLIENTS} clients × ${REQUESTS} requests per phase\n`);
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

    await load(base, timeline, 2); // warm-up: page cache and prepared statements
    await load(base, events, 2);
    const rows: { line: string; ok: boolean }[] = [];
    rows.push(report('GET /api/dyads/{a}/{b}/timeline', await load(base, timeline), 50));
    rows.push(report('GET /api/events (filtered, limit 100)', await load(base, events), 100));
    // No store access: what the machine and the HTTP layer alone give 32 clients (a loaded box shows here first).
    const health = report('GET /api/health (no store access)', await load(base, () => '/api/health'), 50);
    // One client at a time: the service time of each query, free of queueing behind the others.
    const serial: { line: string; ok: boolean }[] = [];
    serial.push(report('timeline, 1 client', await load(base, timeline, 40, 1), 50));
    serial.push(report('filtered events, 1 client', await load(base, events, 40, 1), 100));
    process.stdout.write(`\n${stats.events.toLocaleString('en')} events, ${CLIENTS} concurrent clients, loopback, ${process.platform} ${process.arch}, Node ${process.version}\n\n`);
    process.stdout.write('| endpoint | requests | median ms | p90 ms | p99 ms | max ms | req/s | p99 target ms | |\n|---|---|---|---|---|---|---|---|---|\n');
    for (const r of [...rows, health, ...serial]) process.stdout.write(`${r.line}\n`);
    process.stdout.write(`\nload average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min) at the end of the run\n`);
    process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
  } finally {
    child.disconnect();
  }
}

await main();
