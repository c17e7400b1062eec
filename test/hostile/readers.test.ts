/**
 * Hostile-input catalogue (issue 14), the readers' part. Each case is one failure the
 * adversarial campaign found, scaled down through lowered limits where it must be (a 2 GiB
 * archive line becomes a 2 MB one); each failed on the code before issue 14.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readInputs, readSource, type IngestResult } from '../../src/ingest/index.js';
import { memorySource } from '../../src/ingest/files.js';
import { htmlReader, jsonlReader } from '../../src/ingest/registry.js';
import { decodeText } from '../../src/ingest/decode.js';
import { splitSentences, MAX_SENTENCE_TOKENS } from '../../src/nlp/sentences/sentences.js';
import { estimateItems } from '../../src/cli/estimate-items.js';

const dir = mkdtempSync(join(tmpdir(), 'detente-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(results: AsyncIterable<IngestResult>): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}
const errors = (rs: IngestResult[]) => rs.flatMap((r) => (r.ok ? [] : [r.error]));
const articles = (rs: IngestResult[]) => rs.flatMap((r) => (r.ok ? [r.article] : []));

const STORY =
  '<!doctype html><html><head><title>Dam project approved</title></head><body><article><h1>Dam project approved</h1>' +
  '<p>The national water agency approved plans on Wednesday for a new dam on the upper river, after a two-year review of its effect on farms downstream.</p>' +
  '<p>Farmers groups said they would challenge the decision in court, arguing that the reservoir would flood grazing land used for generations.</p>' +
  '<p>The agency said construction would begin next spring and employ about two thousand workers over five years.</p></article></body></html>';

async function warcResponse(url: string, html: string): Promise<Uint8Array> {
  const rec = WARCRecord.create(
    { url, date: '2021-06-02T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
    (async function* () {
      yield new TextEncoder().encode(html);
    })(),
  );
  return WARCSerializer.serialize(rec, { gzip: true });
}

describe('WARC: a header line without end', () => {
  it('refuses the archive naming the record and the limit, and keeps the good archive read before it', async () => {
    const folder = join(dir, 'warc-bomb');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-good.warc.gz'), await warcResponse('https://example.org/dam', STORY));
    // 2 MB of header without a line feed, compressed to a few KB (the campaign's case was 2 GiB).
    writeFileSync(join(folder, 'b-bomb.warc.gz'), gzipSync(Buffer.concat([Buffer.from('WARC/1.0\r\nWARC-Type: '), Buffer.alloc(2 * 1024 * 1024, 0x41)])));
    const before = process.memoryUsage().rss;
    const rs = await all(readInputs([folder]));
    expect(articles(rs).map((a) => a.meta.url)).toEqual(['https://example.org/dam']);
    const [error] = errors(rs);
    expect(error.code).toBe('E_LIMIT');
    expect(error.item).toMatch(/b-bomb\.warc\.gz record 1$/);
    expect(error.message).toMatch(/max-header-line-bytes limit of 65536/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('bounds the expanded size of an archive with a lowered limit', async () => {
    const file = join(dir, 'big.warc.gz');
    const records = await Promise.all(Array.from({ length: 60 }, (_, i) => warcResponse(`https://example.org/${i}`, STORY.replace('Dam', `Dam ${i}`))));
    writeFileSync(file, Buffer.concat(records));
    const rs = await all(readInputs([file], { limits: { maxDecompressedBytes: 40_000 } }));
    // Decompressed chunks are up to 16 KiB: the records in the chunks before the limit are read.
    expect(articles(rs).length).toBeGreaterThan(0);
    expect(articles(rs).length).toBeLessThan(60);
    expect(errors(rs)).toHaveLength(1);
    expect(errors(rs)[0].message).toMatch(/max-decompressed-bytes limit of 40000/);
  });
});

describe('directories', () => {
  it('a directory holding two links to itself neither hangs the estimate nor the walk', async () => {
    const folder = join(dir, 'loops');
    mkdirSync(folder);
    writeFileSync(join(folder, 'story.html'), STORY);
    symlinkSync(folder, join(folder, 'self-1'));
    symlinkSync('.', join(folder, 'self-2'));
    expect(await estimateItems([folder])).toBe(1);
    expect(articles(await all(readInputs([folder])))).toHaveLength(1);
  }, 20_000);

  it('a FIFO named without an extension is refused at once instead of blocking', async () => {
    const fifo = join(dir, 'fifo-no-ext');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      console.warn('mkfifo is not available: skipped');
      return;
    }
    const rs = await all(readInputs([fifo]));
    expect(errors(rs).map((e) => e.code)).toEqual(['E_NOT_FILE']);
    expect(await estimateItems([fifo])).toBe(1);
  }, 10_000);
});

describe('HTML bounded before Readability', () => {
  const nested = (depth: number) => `<html><body>${'<div>'.repeat(depth)}<p>${'The minister said the talks would resume. '.repeat(10)}</p>${'</div>'.repeat(depth)}</body></html>`;

  it('refuses nesting beyond max-html-depth quickly (2,000 levels took two minutes)', async () => {
    const t0 = performance.now();
    const rs = await all(readSource(htmlReader, memorySource('deep.html', new TextEncoder().encode(nested(2000))), {}));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(errors(rs)[0].message).toMatch(/deep\.html: .*max-html-depth limit of 256/);
  });

  it('refuses a page with more elements than max-html-elements before building its DOM', async () => {
    const page = `<html><body><article>${'<span>word</span> '.repeat(2000)}</article></body></html>`;
    const rs = await all(readSource(htmlReader, memorySource('many.html', new TextEncoder().encode(page)), { limits: { maxHtmlElements: 1000 } }));
    expect(errors(rs)[0].message).toMatch(/max-html-elements limit of 1000/);
  });

  it('reads a page within the limits as before', async () => {
    const rs = await all(readSource(htmlReader, memorySource('ok.html', new TextEncoder().encode(nested(40))), {}));
    expect(articles(rs)).toHaveLength(1);
  });
});

describe('JSON Lines', () => {
  const line = (id: string) => JSON.stringify({ id, text: 'France and Germany signed a treaty in Aachen on Monday.', published: '2026-01-22' });

  it('a first line with NUL and control bytes fails that line only', async () => {
    const body = [`{"id":"bad","text":"a\u0000b\u0001\u0002"}`, line('k1')].join('\n');
    const rs = await all(readSource(jsonlReader, memorySource('first.jsonl', new TextEncoder().encode(body)), {}));
    expect(articles(rs).map((a) => a.id)).toEqual(['k1']);
    expect(errors(rs).map((e) => e.item)).toEqual(['first.jsonl:1']);
  });

  it('a line with NUL and control bytes fails that line only (it made the whole file "binary")', async () => {
    const body = [line('j1'), line('j2'), `{"id":"bad","text":"a\u0000b\u0001\u0002\u0003\u0004\u0005\u0006"}`, line('j3'), line('j4'), line('j5')].join('\n');
    const rs = await all(readSource(jsonlReader, memorySource('ctl.jsonl', new TextEncoder().encode(body)), {}));
    expect(articles(rs).map((a) => a.id)).toEqual(['j1', 'j2', 'j3', 'j4', 'j5']);
    expect(errors(rs).map((e) => e.item)).toEqual(['ctl.jsonl:3']);
  });

  it('a gzip stream of blank lines is refused after max-blank-lines, the records before it kept', async () => {
    const file = join(dir, 'blank.jsonl.gz');
    writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(line('b1') + '\n'), Buffer.alloc(2 * 1024 * 1024, 0x0a)])));
    const t0 = performance.now();
    const rs = await all(readInputs([file], { limits: { maxBlankLines: 1000 } }));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(articles(rs).map((a) => a.id)).toEqual(['b1']);
    expect(errors(rs)).toHaveLength(1);
    expect(errors(rs)[0].message).toMatch(/blank\.jsonl\.gz:1002: .*max-blank-lines limit of 1000/);
  });

  it('stops at max-records, naming the first record not read', async () => {
    const body = Array.from({ length: 10 }, (_, i) => line(`r${i}`)).join('\n');
    const rs = await all(readSource(jsonlReader, memorySource('many.jsonl', new TextEncoder().encode(body)), { limits: { maxRecords: 3 } }));
    expect(articles(rs)).toHaveLength(3);
    expect(errors(rs)[0].item).toBe('many.jsonl:4');
  });
});

describe('decoding as browsers do', () => {
  it('a UTF-8 page declaring utf-16 is read as UTF-8 (it was stored as CJK garbage)', () => {
    const page = '<html><head><meta charset="utf-16"></head><body><p>Déjà vu in Zürich — “talks”.</p></body></html>';
    expect(decodeText(new TextEncoder().encode(page), 'p.html', null, { legacyFallback: true })).toContain('Déjà vu in Zürich — “talks”');
  });

  it('a BOM wins over the transport label, the transport label over the meta', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<meta charset="windows-1251">Zürich')]);
    expect(decodeText(bom, 'b.html', 'iso-8859-2', { legacyFallback: true })).toContain('Zürich');
    const latin = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8">Z'), 0xfc, ...new TextEncoder().encode('rich')]);
    expect(decodeText(latin, 't.html', 'windows-1252', { legacyFallback: true })).toContain('Zürich');
  });
});

describe('URLs', () => {
  it('stores only http(s) URLs; a javascript: or data: URL is dropped and noted', async () => {
    const body = [
      JSON.stringify({ id: 'u1', text: 'France and Germany signed a treaty in Aachen on Monday.', url: 'javascript:alert(1)' }),
      JSON.stringify({ id: 'u2', text: 'France and Germany signed a treaty in Aachen on Monday again.', url: ' data:text/html,<script>x</script>' }),
      JSON.stringify({ id: 'u3', text: 'France and Germany signed a treaty in Aachen on a Tuesday.', url: 'https://example.org/a' }),
    ].join('\n');
    const rs = articles(await all(readSource(jsonlReader, memorySource('u.jsonl', new TextEncoder().encode(body)), {})));
    expect(rs.map((a) => a.meta.url)).toEqual([null, null, 'https://example.org/a']);
    expect(rs[0].notes.join(' ')).toMatch(/url dropped: .*javascript/);
    expect(rs[1].notes.join(' ')).toMatch(/url dropped: .*data/);
  });
});

describe('sentences without punctuation', () => {
  it('no sentence passes the token cap, and splitting stays linear', () => {
    const words = 'Russia accused Ukraine and the United States condemned Iran while France criticized Germany'.split(' ');
    const text = Array.from({ length: 20_000 }, (_, i) => words[i % words.length]).join(' ');
    const { sentences } = splitSentences(text);
    expect(Math.max(...sentences.map((s) => s.tokenEnd - s.tokenStart))).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(sentences.at(-1)!.tokenEnd).toBe(20_000);
  });
});
