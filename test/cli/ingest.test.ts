import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, tempDir } from './run-cli.js';

const dir = tempDir('ingest');
const input = join(dir.path, 'news');
beforeAll(() => {
  assertBuilt();
  mkdirSync(input);
  writeFileSync(join(input, 'talks.txt'), 'Talks resume in Geneva\n\nRussian and American diplomats met in Geneva on Monday to discuss arms control.\n');
  writeFileSync(join(input, 'expel.txt'), 'Moscow expels diplomats\n\nRussia expelled two American diplomats on Tuesday, the foreign ministry said.\n');
  writeFileSync(
    join(input, 'wire.jsonl'),
    [
      JSON.stringify({ id: 'wire-1', text: 'The European Union imposed new sanctions on Iran on Wednesday.', published: '2019-03-06' }),
      '{ this line is not JSON',
      JSON.stringify({ id: 'wire-2', text: 'China and India agreed to resume border talks.', published: '2019-03-07' }),
    ].join('\n') + '\n',
  );
});
afterAll(() => dir.remove());

describe('detente ingest', () => {
  it('stores every readable article, names the failed item on stderr and exits 1', () => {
    const db = join(dir.path, 'a.db');
    const r = runCli(['ingest', input, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed: .*wire\.jsonl.*2/);
    expect(r.stderr).toMatch(/ingest: 4 new, 0 duplicate, 1 failed, \d+ events, [\d.]+ articles\/s/);
    const stats = JSON.parse(runCli(['stats', '--db', db, '--json']).stdout);
    expect(stats).toMatchObject({ articles: 4, failures: 1 });
  });

  it('stores nothing new when run again on the same input', () => {
    const db = join(dir.path, 'b.db');
    runCli(['ingest', input, '--db', db]);
    const again = runCli(['ingest', input, '--db', db, '--json']);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ new: 0, duplicate: 4, failed: 1 });
    const sqlite = new Database(db, { readonly: true });
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(4);
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM failures').get() as { n: number }).n).toBe(1);
    sqlite.close();
  });

  it('exits 0 when every item is read, and takes --published for inputs without a date', () => {
    const db = join(dir.path, 'c.db');
    const r = runCli(['ingest', join(input, 'talks.txt'), '--db', db, '--published', '2019-03-04', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [article] = JSON.parse(`[${runCli(['articles', '--db', db, '--format', 'jsonl']).stdout.trim()}]`);
    expect(article.published).toBe('2019-03-04');
  });

  it('exits 1 and names a path that does not exist', () => {
    const r = runCli(['ingest', join(dir.path, 'nowhere.txt'), '--db', join(dir.path, 'd.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nowhere.txt');
  });

  it('refuses a file over --max-bytes, naming it, and reads it under a larger limit', () => {
    const db = join(dir.path, 'e.db');
    const small = runCli(['ingest', join(input, 'talks.txt'), '--db', db, '--max-bytes', '20']);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/failed: .*talks\.txt/);
    const large = runCli(['ingest', join(input, 'talks.txt'), '--db', db, '--max-bytes', '100000']);
    expect(large.code).toBe(0);
  });
});
