/**
 * Property-based fuzzing (fast-check, fixed seed, bounded in time) of every reader and of the
 * API. Properties: the process survives (no throw escapes a reader, no 5xx from the API), every
 * item is either an article or a failure naming the input it came from, each non-blank JSONL
 * line gives exactly one result, and memory stays under a bound.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readSource, type IngestResult } from '../../src/ingest/index.js';
import { memorySource } from '../../src/ingest/files.js';
import { feedReader, htmlReader, jsonReader, jsonlReader, sniffReader, textReader, warcReader } from '../../src/ingest/registry.js';
import type { InputReader } from '../../src/ingest/source.js';
import type { ReadLimits } from '../../src/ingest/limits.js';
import { createApp } from '../../src/api/app.js';
import { fixtureCorpus, tempStore, type TempStore } from '../api/fixtures.js';

const SEED = 20261204;
/** Each property stops after this long, whatever the number of runs reached. */
const TIME_LIMIT_MS = 12_000;
const MEMORY_BOUND = 1.5 * 1024 * 1024 * 1024;
/** Lowered limits, so that the bounds themselves are exercised by small inputs. */
const LIMITS: Partial<ReadLimits> = { maxBytes: 64 * 1024, maxHeaderLineBytes: 2048, maxHeaderBytes: 8192, maxDecompressedBytes: 256 * 1024, maxRecords: 50, maxBlankLines: 20, maxHtmlElements: 2000, maxHtmlDepth: 64 };
const encode = (s: string) => new TextEncoder().encode(s);

async function readAll(reader: InputReader, name: string, bytes: Uint8Array): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readSource(reader, memorySource(name, bytes), { limits: LIMITS, maxBytes: LIMITS.maxBytes })) out.push(r);
  return out;
}

/** Every result is an article from this input, or a failure whose item names this input. */
function checkResults(results: IngestResult[], name: string): void {
  for (const r of results) {
    if (r.ok) {
      expect(r.article.provenance.input).toBe(name);
      expect(typeof r.article.id).toBe('string');
      if (r.article.meta.url !== null) expect(r.article.meta.url).not.toMatch(/^\s*(?:javascript|data|vbscript):/i);
    } else {
      expect(r.error.item.startsWith(name)).toBe(true);
      expect(r.error.message.length).toBeGreaterThan(0);
    }
  }
  expect(process.memoryUsage().rss).toBeLessThan(MEMORY_BOUND);
}

const words = fc.constantFrom('Russia', 'accused', 'Ukraine', 'the', 'minister', 'said', 'on', 'Monday', '.', ',', '"', '\n', '\n\n', '<p>', '</p>', '<div>', '&amp;', '\u0000', '\u001b[31m', 'é', '\uFEFF', 'javascript:alert(1)', '{', '}', '[', ']');
const prose = fc.array(words, { maxLength: 300 }).map((w) => w.join(' '));
const bytes = fc.uint8Array({ maxLength: 4096 });
const html = fc
  .tuple(fc.array(fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<span>', '<article>', '<script>', '<!--', '-->', '<meta charset="utf-16">', '<a href="javascript:x">', '<title>', '</title>', '<br>'), { maxLength: 400 }), prose)
  .map(([tags, text]) => `<html><body>${tags.join('')}${text}${tags.reverse().join('')}</body></html>`);
const record = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()),
    text: fc.oneof(prose, fc.string({ maxLength: 200 })),
    published: fc.oneof(fc.constant('2026-03-03'), fc.string({ maxLength: 12 })),
    url: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', ' JaVaScRiPt:x', 'ftp://x'), fc.string({ maxLength: 20 })),
    title: fc.string({ maxLength: 40 }),
  },
  { requiredKeys: [] },
);
const jsonlLine = fc.oneof(record.map((r) => JSON.stringify(r)), fc.json(), fc.string({ maxLength: 80 }), fc.constant(''), fc.constant('   '), fc.constant('{"id":"x","text":"a\u0000b"}'));
const feed = fc.array(fc.tuple(fc.string({ maxLength: 30 }), prose, fc.oneof(fc.webUrl(), fc.constant('javascript:x'))), { maxLength: 12 }).map(
  (items) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items
      .map(([t, d, l]) => `<item><title>${t.replace(/[<&]/g, '')}</title><link>${l}</link><description>${d.replace(/[<&]/g, '')}</description></item>`)
      .join('')}</channel></rss>`,
);

async function warcOf(pages: string[]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const [i, page] of pages.entries()) {
    const rec = WARCRecord.create(
      { url: `https://example.org/${i}`, date: '2021-06-02T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html' } },
      (async function* () {
        yield encode(page);
      })(),
    );
    parts.push(await WARCSerializer.serialize(rec, { gzip: i % 2 === 0 }));
  }
  return new Uint8Array(Buffer.concat(parts));
}
/** A valid archive, then cut, with bytes flipped and bytes inserted. */
const warc = fc
  .tuple(fc.array(html, { minLength: 1, maxLength: 3 }), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.boolean())
  .map(([pages, cut, flips, truncate]) => ({ pages, cut, flips, truncate }));

const options = (runs: number) => ({ seed: SEED, numRuns: runs, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true });

describe('fuzzing the readers', () => {
  it('text, HTML and sniffed input: every result named, nothing thrown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(prose.map(encode), html.map(encode), bytes), async (input) => {
        for (const [reader, name] of [[textReader, 'f.txt'], [htmlReader, 'f.html'], [sniffReader(input.subarray(0, 1024)), '-']] as const) {
          checkResults(await readAll(reader, name, input), name);
        }
      }),
      options(150),
    );
  }, 60_000);

  it('JSON Lines: one result per non-blank line (within the limits), each named by its line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonlLine, { maxLength: 40 }), async (lines) => {
        const results = await readAll(jsonlReader, 'f.jsonl', encode(lines.join('\n')));
        checkResults(results, 'f.jsonl');
        const nonBlank = lines.filter((l) => l.trim() !== '').length;
        const blankRun = Math.max(0, ...lines.join('\n').split(/[^\n]/).map((run) => run.length));
        if (nonBlank > 0 && blankRun < 20) expect(results.length).toBe(nonBlank);
      }),
      options(200),
    );
  }, 60_000);

  it('JSON, feeds and random bytes under their names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(record).map((r) => JSON.stringify(r)), fc.json(), feed, fc.string()), bytes, async (text, noise) => {
        checkResults(await readAll(jsonReader, 'f.json', encode(text)), 'f.json');
        checkResults(await readAll(feedReader, 'f.xml', encode(text)), 'f.xml');
        checkResults(await readAll(feedReader, 'g.xml', noise), 'g.xml');
      }),
      options(150),
    );
  }, 60_000);

  it('WARC archives cut, flipped and padded: the archive is read or its failing record named', async () => {
    await fc.assert(
      fc.asyncProperty(warc, async ({ pages, cut, flips, truncate }) => {
        const whole = await warcOf(pages);
        const damaged = truncate ? whole.slice(0, cut % (whole.length + 1)) : whole.slice();
        for (const [at, value] of flips) if (damaged.length > 0) damaged[at % damaged.length] = value;
        checkResults(await readAll(warcReader, 'f.warc.gz', damaged), 'f.warc.gz');
      }),
      options(120),
    );
  }, 60_000);
});

describe('fuzzing the API', () => {
  let t: TempStore;
  beforeAll(async () => {
    t = await tempStore(fixtureCorpus());
  });
  afterAll(async () => t.cleanup());

  it('no request makes the server answer 5xx or leaves a response without its security headers', async () => {
    const token = 'fuzz-token';
    const apps = [createApp({ store: t.store, token, maxBodyBytes: 16 * 1024 }), createApp({ store: t.store, token, protectReads: true, bindHost: '127.0.0.1' })];
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
    const path = fc.oneof(
      fc.constantFrom('/api/events', '/api/articles', '/api/articles/usa-rus-1', '/api/dyads', '/api/search', '/api/health', '/api/codes', '/openapi.json', '/api/timeline', '/api/nothing'),
      fc.webPath().map((p) => `/api${p}`),
    );
    const query = fc.array(
      fc.tuple(fc.constantFrom('limit', 'offset', 'from', 'to', 'q', 'dyad', 'code', 'actor', 'format', 'cursor', 'published', 'x'), fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom('csv', 'ndjson', 'USA,RUS', '2026-03', '-1', '%', '\u0000'))),
      { maxLength: 4 },
    );
    const headers = fc.record(
      {
        authorization: fc.oneof(fc.constant(`Bearer ${token}`), fc.string({ maxLength: 30 }).map((s) => `Bearer ${s}`)),
        'content-type': fc.constantFrom('text/plain', 'text/html', 'application/x-ndjson', 'application/json', 'image/png', ''),
        host: fc.constantFrom('localhost', '127.0.0.1:8787', 'attacker.example', ''),
        accept: fc.constantFrom('text/csv', 'application/json', '*/*'),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(fc.constant(undefined), prose, fc.array(jsonlLine, { maxLength: 5 }).map((l) => l.join('\n')), html);
    await fc.assert(
      fc.asyncProperty(fc.nat(1), method, path, query, headers, body, async (which, m, p, q, h, b) => {
        const search = new URLSearchParams(q).toString();
        const init: RequestInit = { method: m, headers: Object.fromEntries(Object.entries(h).filter(([, v]) => v !== '')) };
        if (b !== undefined && m !== 'GET' && m !== 'HEAD') init.body = b;
        let res: Response;
        try {
          res = await apps[which].request(`${p}${search ? `?${search}` : ''}`, init);
        } catch (error) {
          // A URL the client itself cannot form (fetch refuses it) never reaches the server.
          if (error instanceof TypeError) return;
          throw error;
        }
        expect(res.status, `${m} ${p}?${search}`).toBeLessThan(500);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        await res.arrayBuffer();
      }),
      { ...options(400), interruptAfterTimeLimit: 45_000 },
    );
    expect(process.memoryUsage().rss).toBeLessThan(MEMORY_BOUND);
  }, 120_000);
});
