import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, type IngestResult } from '../index.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/ingest/records.jsonl', import.meta.url));

async function collect(paths: string[], options = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs(paths, options)) out.push(r);
  return out;
}

describe('JSONL reader', () => {
  it('reads good lines, names each bad line as file:line, and skips blank lines', async () => {
    const results = await collect([fixture]);
    expect(results.map((r) => (r.ok ? `ok ${r.article.provenance.item}` : `${r.error.code} ${r.error.item}`))).toEqual([
      'ok line 1',
      `E_JSONL_LINE ${fixture}:3`,
      'ok line 4',
      `E_JSONL_LINE ${fixture}:5`,
      'ok line 6',
      `E_JSONL_LINE ${fixture}:7`,
    ]);
  });

  it('keeps the given id and metadata', async () => {
    const [first] = await collect([fixture]);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.article.id).toBe('r1');
    expect(first.article.meta).toMatchObject({
      title: 'Council approves budget', url: 'https://example.org/budget', source: 'Example Gazette', published: '2021-05-03',
    });
  });

  it('hashes the text when no id is given, and reads "html" records through the HTML extractor', async () => {
    const results = await collect([fixture]);
    const noId = results[2].ok ? results[2].article : null;
    expect(noId?.id).toMatch(/^a-[0-9a-f]{16}$/);
    const html = results[4].ok ? results[4].article : null;
    expect(html?.id).toBe('r5');
    expect(html?.meta.title).toBe('Port reopens');
    expect(html?.text.split('\n\n')).toHaveLength(3);
  });

  it('uses the --published date only when a record has none', async () => {
    const results = await collect([fixture], { published: '2020-01-01' });
    const dates = results.filter((r) => r.ok).map((r) => (r.ok ? r.article.meta.published : null));
    expect(dates).toEqual(['2021-05-03', '2020-01-01', '2020-01-01']);
  });

  it('accepts common alternative field names and reports a published value that is no date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-jsonl-'));
    writeFileSync(join(dir, 'export.jsonl'), [
      JSON.stringify({ headline: 'Strike ends', body: 'The dock strike ended on Friday after a pay deal.', date: '2019-03-01T10:00:00Z', link: 'https://x.example/s' }),
      JSON.stringify({ text: 'The dock strike ended on Friday after a pay deal.', published: 'last Friday' }),
    ].join('\n'));
    const [a, b] = await collect([join(dir, 'export.jsonl')], { published: '2019-01-01' });
    expect(a.ok && a.article.meta).toMatchObject({ title: 'Strike ends', published: '2019-03-01', url: 'https://x.example/s' });
    expect(b.ok && b.article.meta.published).toBe('2019-01-01');
    expect(b.ok && b.article.errors).toEqual(['published "last Friday" is not a date (expected YYYY-MM-DD); ignored']);
  });

  it('reads any file as JSONL with the jsonl option, and a .json array record by record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-jsonl-'));
    writeFileSync(join(dir, 'lines.txt'), '{"id":"x1","text":"The strike ended on Monday after talks."}\n');
    const [asJsonl] = await collect([join(dir, 'lines.txt')], { jsonl: true });
    expect(asJsonl.ok && asJsonl.article.id).toBe('x1');
    writeFileSync(join(dir, 'batch.json'), JSON.stringify([{ id: 'j1', text: 'Talks resumed on Monday in Geneva.' }, { id: 'j2', text: 7 }]));
    const batch = await collect([join(dir, 'batch.json')]);
    expect(batch[0].ok && batch[0].article.id).toBe('j1');
    expect(!batch[1].ok && batch[1].error.message).toMatch(/batch\.json record 2: expected "text" to be a string, found number/);
  });

  it('streams a file larger than maxBytes line by line, across chunk boundaries, and names an over-long line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-jsonl-'));
    const story = (i: number) => `Delegation ${i} met the foreign minister in Geneva on Monday to resume the talks on the border. `.repeat(6);
    const lines: string[] = [];
    for (let i = 1; i <= 400; i++) lines.push(JSON.stringify({ id: `s${i}`, text: story(i) }));
    lines[199] = JSON.stringify({ id: 'too-long', text: 'x '.repeat(5000) });
    // 400 lines of ~600 bytes: about 240 KB, several 64 KB chunks, with lines cut at chunk ends.
    writeFileSync(join(dir, 'big.jsonl'), lines.join('\n'));
    const results = await collect([join(dir, 'big.jsonl')], { maxBytes: 4096 });
    expect(results).toHaveLength(400);
    const bad = results.filter((r) => !r.ok);
    expect(bad.map((r) => !r.ok && `${r.error.code} ${r.error.item}`)).toEqual([`E_TOO_LARGE ${join(dir, 'big.jsonl')}:200`]);
    const ids = results.map((r) => (r.ok ? r.article.id : null)).filter(Boolean);
    expect(ids).toHaveLength(399);
    expect(ids[0]).toBe('s1');
    expect(ids[198]).toBe('s199');
    expect(ids[199]).toBe('s201');
    expect(ids[398]).toBe('s400');
    for (const r of results) if (r.ok) expect(r.article.text).toContain(`Delegation ${r.article.id.slice(1)} met`);
  });

  it('streams a gzip-compressed JSONL file, and names a broken one', async () => {
    const { gzipSync } = await import('node:zlib');
    const dir = mkdtempSync(join(tmpdir(), 'detente-jsonl-'));
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `g${i + 1}`, text: `Talks number ${i + 1} resumed in Vienna on Monday. `.repeat(10) }));
    writeFileSync(join(dir, 'export.jsonl.gz'), gzipSync(lines.join('\n') + '\n'));
    writeFileSync(join(dir, 'broken.jsonl.gz'), Buffer.from('not gzip at all'));
    const results = await collect([join(dir, 'broken.jsonl.gz'), join(dir, 'export.jsonl.gz')], { maxBytes: 2000 });
    expect(!results[0].ok && results[0].error.code).toBe('E_GZIP');
    const ok = results.slice(1);
    expect(ok.map((r) => r.ok && r.article.id)).toEqual(lines.map((_, i) => `g${i + 1}`));
  });
});
