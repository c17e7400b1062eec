/**
 * Crash safety of `detente ingest`: SIGKILL it part-way through a large input, run it again,
 * and every article must be stored exactly once with its events, mentions and quotes complete
 * (each batch is one transaction), and the database must pass PRAGMA integrity_check.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, ROOT, runCliAsync, tempDir } from './run-cli.js';

const ARTICLES = 3000;
const dir = tempDir('kill');
const input = join(dir.path, 'many.jsonl');
const db = join(dir.path, 'kill.db');

const COUNTRIES = ['Russia', 'China', 'France', 'Germany', 'Iran', 'Turkey', 'Japan', 'India', 'Brazil', 'Egypt'];
const VERBS = ['criticized', 'met', 'praised', 'threatened', 'signed an agreement with', 'expelled diplomats from'];

beforeAll(() => {
  assertBuilt();
  const lines: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const a = COUNTRIES[i % COUNTRIES.length];
    const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length];
    const verb = VERBS[i % VERBS.length];
    const day = String((i % 28) + 1).padStart(2, '0');
    const text = `${a} ${verb} ${b} on Monday, officials said in report number ${i}. "We will respond," a spokesman for ${b} said.`;
    lines.push(JSON.stringify({ id: `kill-${i}`, text, published: `2019-04-${day}`, title: `Report ${i}` }));
  }
  writeFileSync(input, lines.join('\n') + '\n');
});
afterAll(() => dir.remove());

function count(sql: string): number {
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare(sql).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

function storedSoFar(): number {
  try {
    return count('SELECT COUNT(*) AS n FROM articles');
  } catch {
    return 0; // not created or not migrated yet
  }
}

describe('detente ingest killed and run again', () => {
  it('stores every article exactly once and keeps the database intact', async () => {
    const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', db, '--batch-size', '50', '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, DETENTE_DB: '' },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 120_000;
    let before = 0;
    while (Date.now() < deadline) {
      before = storedSoFar();
      if (before >= 100 || child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    before = storedSoFar();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(ARTICLES);

    const rerun = await runCliAsync(['ingest', input, '--db', db, '--json', '--quiet']);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary).toMatchObject({ new: ARTICLES - before, duplicate: before, failed: 0 });

    expect(count('SELECT COUNT(*) AS n FROM articles')).toBe(ARTICLES);
    expect(count('SELECT COUNT(DISTINCT id) AS n FROM articles')).toBe(ARTICLES);
    // No article lost or duplicated its layers: the rows match what each stored record holds.
    expect(count('SELECT COUNT(*) AS n FROM events')).toBe(count('SELECT COALESCE(SUM(n_events), 0) AS n FROM articles'));
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(count("SELECT COALESCE(SUM(json_array_length(record, '$.mentions')), 0) AS n FROM articles"));
    expect(count('SELECT COUNT(*) AS n FROM quotes')).toBe(count("SELECT COALESCE(SUM(json_array_length(record, '$.quotes')), 0) AS n FROM articles"));
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
  }, 300_000);
});
