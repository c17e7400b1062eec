/**
 * @module bench/pg-server
 * A PostgreSQL server for the benchmarks, as .ci/postgres.sh starts one for the tests (initdb,
 * pg_ctl on a free loopback port, trust authentication, run as the `postgres` user when we are
 * root), except that its data folder is kept (bench/out/pg by default) so that a 1,000,000-event
 * store filled once can be measured again with --reuse. fsync is off: a benchmark store, never data.
 * shared_buffers is 1 GB (a quarter of a small server's memory, the usual sizing): with 256 MB an
 * event page of a rarer filter read 1,500 pages from the operating system per request at 1M events.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const dir = versions.length > 0 ? join(root, versions[versions.length - 1], 'bin') : '';
  if (!dir || !existsSync(join(dir, 'initdb'))) throw new Error('PostgreSQL is not installed (apt-get install postgresql, or see .ci/postgres.sh)');
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.once('error', fail);
  });
}

export interface BenchPg {
  url: string;
  stop(): void;
}

export async function startBenchPostgres(folder = 'bench/out/pg'): Promise<BenchPg> {
  const bin = binDir();
  const dir = resolve(folder);
  const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const run = (cmd: string, args: string[]) => {
    const [exe, ...rest] = asUser.length > 0 ? [...asUser, cmd, ...args] : [cmd, ...args];
    return execFileSync(exe, rest, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  };
  if (!existsSync(join(dir, 'data'))) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    if (asUser.length > 0) {
      try {
        execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
      } catch {
        execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
      }
      execFileSync('chown', ['postgres', dir]);
    }
    run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  }
  const port = await freePort();
  const settings = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c max_connections=200 -c fsync=off -c shared_buffers=1GB -c effective_cache_size=8GB`;
  run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } catch {
        // already stopped
      }
    },
  };
}
