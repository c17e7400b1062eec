/**
 * Hostile-input catalogue (issue 14): the pipeline pool (a time budget per article, results
 * independent of the thread), memory flat in the number of failures, nothing read lost when the
 * reading fails, the server answering while an article is coded, and what the CLI prints.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newArticle, type Article } from '../../src/model/article.js';
import { toRecord } from '../../src/model/record.js';
import { ItemError } from '../../src/errors.js';
import type { IngestResult, ReadInputs } from '../../src/ingest/types.js';
import { openStore } from '../../src/store/open-store.js';
import { createPipeline } from '../../src/pipeline/run.js';
import { defaultStages } from '../../src/pipeline/default-stages.js';
import { FAILURE_EXAMPLES, processInputs } from '../../src/pipeline/process.js';
import { createPipelinePool } from '../../src/pipeline/pool.js';
import { storedArticle } from '../../src/model/stored.js';
import { startServer } from '../../src/api/server.js';
import { csvField, failureLine, printable } from '../../src/cli/output.js';
import { renderArticle } from '../../src/cli/commands/show/render.js';
import { assertBuilt, BIN, runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'detente-hostile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshStore = () => openStore(join(dir, `s${++n}.db`));

const TEXTS = [
  'The United States and Russia agreed on Tuesday to resume arms control talks in Geneva, officials said.',
  'China criticised Japan over the visit of its prime minister to the shrine on Friday.',
  'France and Germany signed a treaty in Aachen on Monday, pledging closer defence ties.',
  'Iran accused Israel of attacking a nuclear site, and threatened to retaliate.',
];
const article = (i: number): Article =>
  newArticle({ id: `a${i}`, text: TEXTS[i % TEXTS.length] + ` (${i})`, meta: { language: 'en', published: '2026-03-03' }, provenance: { reader: 'test', input: 'list', item: `a${i}` } });
const listReader = (count: number, thenThrow = false): ReadInputs =>
  async function* (): AsyncIterable<IngestResult> {
    for (let i = 0; i < count; i++) yield { ok: true, article: article(i) };
    if (thenThrow) throw new Error('the disk went away');
  };

describe('the pipeline pool', () => {
  it('stops an article over its time budget, names it as failed, and the batch goes on', async () => {
    const pool = createPipelinePool({ threads: 1, itemTimeoutMs: 1 });
    const store = await freshStore();
    try {
      const summary = await processInputs(['list'], { store, pipeline: pool, read: listReader(2) });
      expect(summary.failed).toBe(2);
      expect(summary.failures.map((f) => f.item)).toEqual(['list a0', 'list a1']);
      expect(summary.failures[0].message).toMatch(/time budget per item \(--item-timeout\)/);
      expect((await store.stats()).failures).toBe(2);
    } finally {
      await pool.close();
      await store.close();
    }
  }, 60_000);

  it('codes every article exactly as the in-process pipeline does, whichever of two threads gets it', async () => {
    const pool = createPipelinePool({ threads: 2 });
    const local = createPipeline(defaultStages);
    try {
      const inputs = Array.from({ length: 8 }, (_, i) => article(i));
      const pooled = await Promise.all(inputs.map((a) => pool.run(structuredClone(a))));
      for (let i = 0; i < inputs.length; i++) {
        const expected = toRecord(storedArticle(local.run(structuredClone(inputs[i]))));
        const got = toRecord(pooled[i]);
        expect({ ...got, stamps: undefined }).toEqual({ ...expected, stamps: undefined });
      }
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('failures and losses', () => {
  it('keeps counts and the first few failures only, streaming each one (1 M bad lines held 707 MB)', async () => {
    const store = await freshStore();
    const read: ReadInputs = async function* () {
      for (let i = 1; i <= 20_000; i++) yield { ok: false, error: new ItemError('E_JSONL_LINE', `big.jsonl:${i}`, 'malformed JSON') };
    };
    let streamed = 0;
    const summary = await processInputs(['big.jsonl'], { store, pipeline: createPipeline([]), read, onFailure: () => streamed++ });
    expect(summary.failed).toBe(20_000);
    expect(streamed).toBe(20_000);
    expect(summary.failures).toHaveLength(FAILURE_EXAMPLES);
    expect((await store.stats()).failures).toBe(20_000);
    await store.close();
  });

  it('a fatal condition in the reading cannot lose the articles already read', async () => {
    const store = await freshStore();
    await expect(processInputs(['list'], { store, pipeline: createPipeline([]), read: listReader(3, true) })).rejects.toThrow(/disk went away/);
    expect((await store.stats()).articles).toBe(3);
    await store.close();
  });
});

describe('the server under a POST', () => {
  it('answers /api/health while a long article is being coded', async () => {
    const store = await freshStore();
    const token = 'hostile-test-token';
    const server = await startServer({ store, port: 0, token });
    try {
      const body = TEXTS.join(' ').repeat(300);
      const post = fetch(`${server.url}api/articles`, { method: 'POST', body, headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` } });
      const latencies: number[] = [];
      let settled = false;
      void post.finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 200));
      while (!settled && latencies.length < 20) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}api/health`);
        expect(res.status).toBe(200);
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await post).status).toBe(201);
      expect(latencies.length).toBeGreaterThan(0);
      expect(Math.max(...latencies)).toBeLessThan(1000);
    } finally {
      await server.close();
      await store.close();
    }
  }, 120_000);
});

describe('what the CLI prints', () => {
  it('strips terminal escapes and bidi overrides from stored fields; quotes names', () => {
    expect(printable('Title\x1b]8;;https://evil\x07click\x1b[2J\u202Eevil')).not.toMatch(/[\x1b\x07\u202E]/);
    const line = failureLine('a\nfailed: forged.txt', 'a\nfailed: forged.txt: the file is empty');
    expect(line.split('\n').filter(Boolean)).toHaveLength(1);
    expect(line).toBe('failed: "a\\nfailed: forged.txt": the file is empty\n');
  });

  it('show prints no escape sequence from a title, source or text', () => {
    const a = newArticle({ id: 'x', text: 'Text \x1b[31mred\x1b[0m here.', meta: { title: '\x1b]0;pwned\x07T', source: 'S\x9b2J', url: 'https://e.org/' }, provenance: { reader: 'r', input: 'i', item: null } });
    const out = renderArticle(toRecord(a), false);
    expect(out).not.toMatch(/[\x1b\x07\x9b]/);
  });

  it('neutralises spreadsheet formulas in CSV as the API does', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1')).toBe('-1');
    expect(csvField(-3.5)).toBe('-3.5');
  });

  describe('the built CLI', () => {
    beforeAll(() => assertBuilt());

    it('a newline in a file name cannot forge a failed: line', () => {
      const folder = join(dir, 'names');
      mkdirSync(folder);
      const name = join(folder, 'x.txt\nfailed: forged.txt: owned');
      writeFileSync(name, '');
      const r = runCli(['ingest', name, '--db', join(dir, 'names.db'), '-q']);
      const failed = r.stderr.split('\n').filter((l) => l.startsWith('failed: '));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toContain('\\nfailed: forged.txt');
    });

    it('extract runs on the pool: an article over its time budget is named and the others come out in input order', () => {
      const folder = join(dir, 'extract');
      mkdirSync(folder);
      TEXTS.forEach((text, i) => writeFileSync(join(folder, `${i}.txt`), text));
      const timedOut = runCli(['extract', folder, '--item-timeout', '0.001']);
      expect(timedOut.code).toBe(1);
      expect(timedOut.stdout).toBe('');
      const failed = timedOut.stderr.split('\n').filter((l) => l.startsWith('failed: '));
      expect(failed).toHaveLength(TEXTS.length);
      expect(failed[0]).toMatch(/time budget per item \(--item-timeout\)/);
      // A generous budget: the shared test machine may be loaded; the order is what this half checks.
      const ok = runCli(['extract', folder, '--threads', '2', '--item-timeout', '120']);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      const records = ok.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string });
      expect(records.map((r) => r.text)).toEqual(TEXTS);
    }, 120_000);

    it('a WARC header bomb on standard input is named by the limit, not a V8 crash', () => {
      // 2 MB of header without a line feed, gzip-compressed to 2 KB (the campaign's case was 2 GiB from stdin too).
      const bomb = gzipSync(Buffer.concat([Buffer.from('WARC/1.0\r\nWARC-Type: '), Buffer.alloc(2 * 1024 * 1024, 0x41)]));
      const r = spawnSync(process.execPath, [BIN, 'ingest', '-', '--db', join(dir, 'stdin-bomb.db'), '-q'], { input: bomb, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^failed: "- record 1": .*max-header-line-bytes limit of 65536/m);
      expect(r.stderr).not.toMatch(/FATAL|heap out of memory/);
    }, 90_000);

    it('articles prints no escape sequence from a stored title', async () => {
      const db = join(dir, 'escapes.db');
      const store = await openStore(db);
      await store.putArticles([newArticle({ id: 'esc', text: 'Russia expelled two diplomats.', meta: { title: '\x1b]0;pwned\x07\x1b[2JTitle', published: '2026-03-03' }, provenance: { reader: 'r', input: 'i', item: null } })]);
      await store.close();
      const r = runCli(['articles', '--db', db]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Title');
      expect(r.stdout).not.toMatch(/[\x1b\x07\x9b]/);
    });

    it('an unusable --db is a clear usage error, without a stack trace, and /proc does not hang', () => {
      for (const db of ['/proc/self/detente.db', '/proc/1/mem', dir, join(dir, 'no-such-folder', 'x.db')]) {
        const t0 = performance.now();
        const r = runCli(['ingest', join(dir, 'nothing.txt'), '--db', db, '-q']);
        expect(performance.now() - t0, db).toBeLessThan(15_000);
        expect(r.code, db).toBe(2);
        expect(r.stderr, db).toMatch(/^detente: --db: /);
        expect(r.stderr, db).not.toMatch(/\n\s+at /);
      }
    }, 90_000);
  });
});
