// Preloaded by bench/startup.ts (node --import): reports the process's CPU time and wall time
// since start when it exits, on stderr, as one line "cpu-at-exit <cpu ms> <wall ms>".
import { performance } from 'node:perf_hooks';

process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`cpu-at-exit ${((u.user + u.system) / 1000).toFixed(0)} ${performance.now().toFixed(0)}\n`);
});
