/**
 * Start-up cost of the CLI (issue 8: under 1 s): one short news sentence with an event through
 * `detente extract`, in a fresh process, BENCH_RUNS times (default 3); prints the median CPU time
 * (user + system, all threads) and wall time of the process, and the load average. Needs a built
 * dist/ (npm run build), which bin/detente.js runs.
 *
 *   npm run bench:startup
 *
 * As a library: `measureStartup` is called by bench/run.ts.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './numbers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SENTENCE = 'Russia condemned the United States on Monday for sanctions against Iran.';

export interface StartupResult {
  cpuMs: number;
  wallMs: number;
  runs: { cpuMs: number; wallMs: number; load: string }[];
  events: number;
}

export function measureStartup(runs: number): StartupResult {
  const all: StartupResult['runs'] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const load = loadavg()[0].toFixed(1);
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/cpu-at-exit.mjs'), join(ROOT, 'bin/detente.js'), 'extract', '-'], {
      cwd: ROOT, input: SENTENCE, encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`detente extract failed (exit ${r.status}): ${r.stderr}`);
    const m = /cpu-at-exit (\d+) (\d+)/.exec(r.stderr);
    if (!m) throw new Error(`no CPU figure from the child: ${r.stderr}`);
    events = (JSON.parse(r.stdout.trim().split('\n')[0]) as { events?: unknown[] }).events?.length ?? 0;
    all.push({ cpuMs: Number(m[1]), wallMs: Number(m[2]), load });
  }
  return { cpuMs: median(all.map((r) => r.cpuMs)), wallMs: median(all.map((r) => r.wallMs)), runs: all, events };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const r = measureStartup(Number(process.env.BENCH_RUNS ?? 3));
  console.log(
    `start-up (one sentence through detente extract, median of ${r.runs.length}): ${r.cpuMs} ms CPU, ${r.wallMs} ms wall; ` +
      `runs ${r.runs.map((x) => `${x.cpuMs}/${x.wallMs} ms at load ${x.load}`).join(', ')}; ${r.events} event(s)`,
  );
}
