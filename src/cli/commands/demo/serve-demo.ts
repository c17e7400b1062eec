/**
 * @module cli/commands/demo/serve-demo
 * The last step of `detente demo`: serve the demo database (API + dashboard) on loopback and
 * print its URL, until Ctrl+C. `--no-serve` skips it (tests, scripts).
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Store } from '../../../store/store.js';
import { serveUntilStopped } from '../serve/serve-until-stopped.js';

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError(`expected a port number 0-65535, found "${value}".`);
  return Number(value);
}

export function addServeOptions(cmd: Command): void {
  cmd
    .option('--no-serve', 'stop after showing the findings instead of serving the dashboard')
    .option('--port <n>', 'port for the dashboard (0 picks a free one)', parsePort, 8787);
}

export async function serveDemo(store: Store, options: Record<string, unknown>): Promise<void> {
  await serveUntilStopped({ store, port: options.port as number, host: '127.0.0.1' }, (url) => {
    process.stdout.write(`\nDashboard: ${url}\n`);
    process.stderr.write('Serving the demo database (read-only API); press Ctrl+C to stop.\n');
  });
}
