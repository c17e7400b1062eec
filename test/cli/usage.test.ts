import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fixtureDb, runCli, tempDir } from './run-cli.js';

const dir = tempDir('usage');
let db: string;
beforeAll(async () => {
  assertBuilt();
  db = await fixtureDb(join(dir.path, 'fx.db'));
});
afterAll(() => dir.remove());

describe('detente usage and exit codes', () => {
  it('lists the commands with --help and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['ingest', 'extract', 'events', 'articles', 'show', 'stats', 'demo']) expect(r.stdout).toContain(name);
  });

  it('exits 2 with no command, and with an unknown one', () => {
    expect(runCli([]).code).toBe(2);
    const r = runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it('exits 2 for an unknown flag and names it', () => {
    const r = runCli(['events', '--db', db, '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--colour');
    expect(r.stdout).toBe('');
  });

  it.each([
    [['events', '--limit', 'lots'], '--limit'],
    [['events', '--dyad', 'USA'], '--dyad'],
    [['events', '--from', 'July'], '--from'],
    [['events', '--format', 'xml'], '--format'],
    [['events', '--code', 'abc'], '--code'],
    [['events', '--root', '190'], '--root'],
    [['ingest', 'x', '--published', '2017-13-45'], '--published'],
  ])('exits 2 for a bad value of %j and names the flag', (args, flag) => {
    const r = runCli([...args, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(flag);
  });

  it('exits 2 naming --db when the database does not exist, and creates nothing', () => {
    const missing = join(dir.path, 'missing.db');
    const r = runCli(['events', '--db', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--db: no database at ${missing}`);
    expect(runCli(['stats', '--db', missing]).code).toBe(2);
  });

  it('names an unreachable postgres:// database in one clear line, without a stack trace', () => {
    const r = runCli(['stats', '--db', 'postgres://user@127.0.0.1:1/detente']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot open PostgreSQL store postgres:\/\/user@127\.0\.0\.1:1\/detente: .*ECONNREFUSED/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the database from DETENTE_DB when --db is absent', () => {
    const r = runCli(['stats', '--json'], { env: { DETENTE_DB: db } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ articles: 3, events: 7 });
  });

  it('prints the version', () => {
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
