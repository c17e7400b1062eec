/**
 * @module cli/commands/serve
 * `detente serve`: the HTTP API (/api, described at /openapi.json) and the dashboard (/) over
 * one database. Local by default (127.0.0.1). POST /api/articles is enabled only with a token
 * (--token or DETENTE_TOKEN); --protect-reads makes every read need it too.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { UsageError } from '../../../errors.js';
import { EXIT, type CliCommand } from '../../command.js';
import { addDbOption, openCliStore, parsePositiveInt, parsePositiveNumber } from '../../options.js';
import { configureSharedPool, DEFAULT_ITEM_TIMEOUT_MS } from '../../../pipeline/pool.js';
import { serveUntilStopped } from './serve-until-stopped.js';

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError(`expected a port number 0-65535, found "${value}".`);
  return Number(value);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 8787)
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--token <secret>', 'bearer token that enables POST /api/articles (default: $DETENTE_TOKEN)')
      .option('--protect-reads', 'require the token for reads as well')
      .option('--max-body <bytes>', 'largest POST body accepted', parsePositiveInt, 5 * 1024 * 1024)
      .option('--threads <n>', 'worker threads that analyse posted articles', parsePositiveInt, 1)
      .option('--item-timeout <seconds>', `time budget per posted article (default ${DEFAULT_ITEM_TIMEOUT_MS / 1000})`, parsePositiveNumber)
      .option('--allowed-host <name...>', 'further Host names to answer (besides the bound address and localhost), e.g. a reverse proxy\'s name');
    addDbOption(cmd);
  },
  async run(_args, options) {
    const token = (options.token as string | undefined) ?? (process.env.DETENTE_TOKEN || undefined);
    const protectReads = Boolean(options.protectReads);
    if (protectReads && !token) throw new UsageError('--protect-reads needs a token: pass --token <secret> or set DETENTE_TOKEN');
    const host = options.host as string;
    configureSharedPool({
      threads: options.threads as number,
      itemTimeoutMs: options.itemTimeout === undefined ? undefined : (options.itemTimeout as number) * 1000,
    });
    const store = await openCliStore(options.db as string | undefined);
    try {
      await serveUntilStopped(
        { store, token, protectReads, port: options.port as number, host, maxBodyBytes: options.maxBody as number, allowedHosts: (options.allowedHost as string[] | undefined) ?? [] },
        (url) => {
          process.stderr.write(`detente serve: dashboard ${url}  API ${url}api  description ${url}openapi.json\n`);
          process.stderr.write(token ? 'POST /api/articles is enabled (bearer token set).\n' : 'POST /api/articles is disabled; set --token or DETENTE_TOKEN to enable it.\n');
          if (!LOOPBACK.has(host) && !protectReads) {
            process.stderr.write(`warning: listening on ${host} with open reads; anyone who can reach it can read the database (use --protect-reads).\n`);
          }
          process.stderr.write('Press Ctrl+C to stop.\n');
        },
      );
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
