import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readInputs, type IngestResult } from '../index.js';

const encoder = new TextEncoder();

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
}

const STORY_A = page('Dam project approved', [
  'The national water agency approved plans on Wednesday for a new dam on the upper river, after a two-year review of its effect on farms downstream.',
  'Farmers groups said they would challenge the decision in court, arguing that the reservoir would flood grazing land used for generations.',
  'The agency said construction would begin next spring and employ about two thousand workers over five years.',
]);
const STORY_B = page('Airport strike called off', [
  'Baggage handlers at the capital airport called off a planned strike on Thursday after the operator improved its pay offer, the union said.',
  'Airlines had warned that hundreds of flights would be cancelled during the busiest week of the summer holidays if the strike went ahead.',
  'Members will vote on the new offer next week, and the union recommended that they accept it.',
]);

async function record(opts: { url: string; type: 'response' | 'request' | 'metadata'; status?: string; contentType?: string; body: string; date?: string }): Promise<Uint8Array> {
  const rec = WARCRecord.create(
    {
      url: opts.url,
      date: opts.date ?? '2021-06-02T10:00:00Z',
      type: opts.type,
      warcVersion: 'WARC/1.1',
      ...(opts.type === 'metadata'
        ? { warcHeaders: { 'Content-Type': 'application/warc-fields' } }
        : {
            statusline: opts.type === 'request' ? 'GET / HTTP/1.1' : `HTTP/1.1 ${opts.status ?? '200 OK'}`,
            httpHeaders: opts.type === 'request' ? { Host: 'example.org' } : { 'Content-Type': opts.contentType ?? 'text/html; charset=utf-8' },
          }),
    },
    [encoder.encode(opts.body)],
  );
  return WARCSerializer.serialize(rec, { gzip: true });
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function collect(path: string): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs([path])) out.push(r);
  return out;
}

let dir: string;
let records: Uint8Array[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'detente-warc-'));
  records = [
    await record({ url: 'https://news.example/', type: 'request', body: '' }),
    await record({ url: 'https://news.example/dam', type: 'response', body: STORY_A, date: '2021-06-02T23:59:00Z' }),
    await record({ url: 'https://news.example/logo.png', type: 'response', contentType: 'image/png', body: 'PNG' }),
    await record({ url: 'https://news.example/moved', type: 'response', status: '301 Moved Permanently', body: '' }),
    await record({ url: 'https://news.example/dam', type: 'metadata', body: 'via: https://news.example/\r\n' }),
    await record({ url: 'https://news.example/strike', type: 'response', body: STORY_B, date: '2021-06-03T08:00:00Z' }),
  ];
  writeFileSync(join(dir, 'crawl.warc.gz'), concat(records));
});

describe('WARC reader', () => {
  it('makes each HTML 200 response an article with its target URI and WARC date, skipping other records', async () => {
    const results = await collect(join(dir, 'crawl.warc.gz'));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const [a, b] = results.map((r) => (r.ok ? r.article : null)!);
    expect(a.meta).toMatchObject({ title: 'Dam project approved', url: 'https://news.example/dam', published: '2021-06-02', language: 'en' });
    expect(a.text).toMatch(/^The national water agency approved plans/);
    expect(a.text).not.toContain('Home');
    expect(a.provenance).toEqual({ reader: 'ingest.warc.v1', input: join(dir, 'crawl.warc.gz'), item: 'record 2' });
    expect(b.meta).toMatchObject({ url: 'https://news.example/strike', published: '2021-06-03' });
  });

  it('reads the articles before the cut of a truncated .warc.gz and reports one error naming the record', async () => {
    const whole = concat(records);
    const cutAt = whole.length - Math.floor(records[5].length / 2);
    writeFileSync(join(dir, 'cut.warc.gz'), whole.subarray(0, cutAt));
    const results = await collect(join(dir, 'cut.warc.gz'));
    expect(results).toHaveLength(2);
    expect(results[0].ok && results[0].article.meta.url).toBe('https://news.example/dam');
    const last = results[1];
    expect(last.ok).toBe(false);
    if (last.ok) return;
    expect(last.error.code).toBe('E_WARC_TRUNCATED');
    expect(last.error.item).toBe(`${join(dir, 'cut.warc.gz')} record 6`);
    expect(last.error.message).toMatch(/truncated or corrupt.*after 1 article/);
  });

  it('reports an uncompressed WARC cut inside a record', async () => {
    const { gunzipSync } = await import('node:zlib');
    const plain = gunzipSync(concat(records.slice(0, 2)));
    writeFileSync(join(dir, 'cut.warc'), plain.subarray(0, plain.length - 200));
    const results = await collect(join(dir, 'cut.warc'));
    expect(results).toHaveLength(1);
    expect(!results[0].ok && results[0].error.code).toBe('E_WARC_TRUNCATED');
    expect(!results[0].ok && results[0].error.item).toMatch(/cut\.warc record 2$/);
  });

  it('refuses a file that is not a web archive', async () => {
    writeFileSync(join(dir, 'fake.warc'), 'Just some text that happens to have a .warc name.\n');
    const results = await collect(join(dir, 'fake.warc'));
    expect(results).toHaveLength(1);
    expect(!results[0].ok && results[0].error.code).toBe('E_NOT_WARC');
    expect(!results[0].ok && results[0].error.message).toMatch(/fake\.warc: no WARC record header found/);
  });
});
