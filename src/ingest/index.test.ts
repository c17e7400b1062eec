import { describe, expect, it, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, readSource, prepareText, prepareHtml, readerForName, sniffReader, type IngestResult } from './index.js';
import { stdinSource } from './files.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url));
const provenance = { reader: 'test', input: 'inline', item: null };

async function collect(paths: string[], options = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs(paths, options)) out.push(r);
  return out;
}

async function only(path: string, options = {}): Promise<IngestResult> {
  const results = await collect([path], options);
  expect(results).toHaveLength(1);
  return results[0];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'detente-ingest-'));
});

describe('bad input is refused with a clear error naming the item', () => {
  it('a binary file', async () => {
    writeFileSync(join(dir, 'photo.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = await only(join(dir, 'photo.txt'));
    expect(!r.ok && r.error.code).toBe('E_BINARY');
    expect(!r.ok && r.error.message).toMatch(/photo\.txt: this is a binary file/);
  });

  it('invalid UTF-8, saying so and where', async () => {
    writeFileSync(join(dir, 'latin1.txt'), Uint8Array.from([...Buffer.from('The minister said caf'), 0xe9, 0x20, 0x6f, 0x6b]));
    const r = await only(join(dir, 'latin1.txt'));
    expect(!r.ok && r.error.code).toBe('E_INVALID_UTF8');
    expect(!r.ok && r.error.message).toMatch(/latin1\.txt: invalid UTF-8 at byte 21/);
  });

  it('an empty file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = await only(join(dir, 'empty.txt'));
    expect(!r.ok && r.error.code).toBe('E_EMPTY');
    expect(!r.ok && r.error.message).toMatch(/empty\.txt: the file is empty/);
  });

  it('a 50 MB file, refused from its size before it is read', async () => {
    // A sparse file: stat reports 50 MB without the disk holding it; reading it would be slow.
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const started = performance.now();
    const r = await only(join(dir, 'huge.txt'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(!r.ok && r.error.code).toBe('E_TOO_LARGE');
    expect(!r.ok && r.error.message).toMatch(/huge\.txt: the file is 52428800 bytes, over the 20971520-byte limit/);
  });

  it('a file over a configured maxBytes', async () => {
    writeFileSync(join(dir, 'small.txt'), 'The talks resumed on Monday after a pause of several weeks, officials said.');
    const r = await only(join(dir, 'small.txt'), { maxBytes: 10 });
    expect(!r.ok && r.error.code).toBe('E_TOO_LARGE');
  });

  it('a path that does not exist', async () => {
    const r = await only(join(dir, 'missing.txt'));
    expect(!r.ok && r.error.code).toBe('E_NOT_FOUND');
    expect(!r.ok && r.error.item).toBe(join(dir, 'missing.txt'));
  });

  it('an HTML page with no article', async () => {
    const r = await only(fixture('no-article.html'));
    expect(!r.ok && r.error.code).toBe('E_NO_ARTICLE');
    expect(!r.ok && r.error.message).toMatch(/no-article\.html: no article found/);
  });

  it('a text file holding only page furniture', async () => {
    writeFileSync(join(dir, 'menu.txt'), 'Skip to content\nMenu\nHome\nSign in\nSubscribe\n');
    const r = await only(join(dir, 'menu.txt'));
    expect(!r.ok && r.error.code).toBe('E_EMPTY');
  });
});

describe('readInputs', () => {
  it('reads broken HTML that still holds an article', async () => {
    const r = await only(fixture('broken.html'));
    expect(r.ok && r.article.text).toMatch(/^Workers at the car plant/);
    expect(r.ok && r.article.provenance.reader).toBe('ingest.html.v1');
  });

  it('keeps a non-English text with its language and a note', async () => {
    const r = await only(fixture('german.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.meta.language).toBe('de');
    expect(r.article.notes).toContain('not coded: language de');
    expect(r.article.text).toContain('“Wir lassen niemanden allein”');
  });

  it('walks a directory with mixed good and bad files: good ones come through, each bad one is named', async () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(join(mixed, 'nested'), { recursive: true });
    copyFileSync(fixture('byline-agency.txt'), join(mixed, 'a-good.txt'));
    copyFileSync(fixture('article.html'), join(mixed, 'nested', 'b-good.html'));
    writeFileSync(join(mixed, 'c-binary.txt'), Uint8Array.from([0, 1, 2, 3, 0, 0]));
    writeFileSync(join(mixed, 'd-empty.md'), '');
    copyFileSync(fixture('not-xml.rss'), join(mixed, 'e-bad.rss'));
    writeFileSync(join(mixed, 'f-ignored.png'), Uint8Array.from([0x89, 0x50]));
    writeFileSync(join(mixed, '.hidden.txt'), 'A hidden file should not be read at all by the directory walk.');
    symlinkSync(join(mixed, 'nested'), join(mixed, 'g-loop'));
    const results = await collect([mixed]);
    const summary = results.map((r) => (r.ok ? `ok ${r.article.provenance.input}` : `${r.error.code} ${r.error.item}`));
    expect(summary).toEqual([
      `ok ${join(mixed, 'a-good.txt')}`,
      `E_BINARY ${join(mixed, 'c-binary.txt')}`,
      `E_EMPTY ${join(mixed, 'd-empty.md')}`,
      `E_NOT_XML ${join(mixed, 'e-bad.rss')}`,
      `ok ${join(mixed, 'nested', 'b-good.html')}`,
    ]);
  });

  it('skips README, LICENSE and other documentation files when walking a directory, but reads them when named', async () => {
    const docs = join(dir, 'with-docs');
    mkdirSync(join(docs, 'readme'), { recursive: true });
    const story = 'Diplomats from both countries met in Geneva on Monday to resume the stalled talks on the border.';
    for (const name of ['README.md', 'readme.txt', 'LICENSE', 'LICENSE.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'README.en.md', 'CODE_OF_CONDUCT.md']) {
      writeFileSync(join(docs, name), '# About this folder\n\nThese are the articles of the 2017 collection, licensed CC BY.');
    }
    // Article files whose names merely start like a documentation file, and a folder named "readme", are read.
    writeFileSync(join(docs, 'changes-in-cabinet.md'), story);
    writeFileSync(join(docs, 'notices.txt'), story);
    writeFileSync(join(docs, 'readme', 'story.txt'), story);
    const walked = await collect([docs]);
    expect(walked.map((r) => (r.ok ? r.article.provenance.input : r.error.item))).toEqual([
      join(docs, 'changes-in-cabinet.md'),
      join(docs, 'notices.txt'),
      join(docs, 'readme', 'story.txt'),
    ]);
    const named = await only(join(docs, 'README.md'));
    expect(named.ok && named.article.text).toContain('articles of the 2017 collection');
  });

  it('follows a symbolic link to a file in a directory', async () => {
    const linked = join(dir, 'linked');
    mkdirSync(linked, { recursive: true });
    symlinkSync(fixture('german.txt'), join(linked, 'story.txt'));
    const results = await collect([linked]);
    expect(results.map((r) => r.ok)).toEqual([true]);
  });

  it('gives the same text the same id, wherever it comes from', async () => {
    writeFileSync(join(dir, 'one.txt'), 'The talks resumed on Monday after a pause of several weeks, officials said.');
    writeFileSync(join(dir, 'two.txt'), 'The talks resumed on Monday after a pause of several weeks, officials said.\n\n');
    const [a, b] = await collect([join(dir, 'one.txt'), join(dir, 'two.txt')]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && a.article.id).toBe(b.ok && b.article.id);
  });

  it('reads gzip-compressed documents by their inner extension, and refuses a gzip bomb', async () => {
    const { gzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'gz'), { recursive: true });
    writeFileSync(join(dir, 'gz', 'page.html.gz'), gzipSync(readFileSync(fixture('article.html'))));
    writeFileSync(join(dir, 'gz', 'big.txt.gz'), gzipSync(Buffer.alloc(2_000_000, 'a ')));
    writeFileSync(join(dir, 'gz', 'broken.txt.gz'), Buffer.from('not gzip at all'));
    const results = await collect([join(dir, 'gz')], { maxBytes: 1_000_000 });
    expect(results.map((r) => (r.ok ? `ok ${r.article.meta.title}` : `${r.error.code} ${r.error.item}`))).toEqual([
      `E_TOO_LARGE ${join(dir, 'gz', 'big.txt.gz')}`,
      `E_GZIP ${join(dir, 'gz', 'broken.txt.gz')}`,
      'ok Border crossing reopens after floods',
    ]);
  });

  it('reads a web page saved with a .txt name as HTML', async () => {
    copyFileSync(fixture('article.html'), join(dir, 'saved-page.txt'));
    const r = await only(join(dir, 'saved-page.txt'));
    expect(r.ok && r.article.provenance.reader).toBe('ingest.html.v1');
    expect(r.ok && r.article.meta.title).toBe('Border crossing reopens after floods');
  });

  it('sniffs an explicitly named file without a known extension', async () => {
    writeFileSync(join(dir, 'page.download'), '<!doctype html><html><body><article><p>The assembly passed the budget on Thursday after a debate that lasted all night and ended with a narrow vote.</p><p>The opposition said it would challenge the vote in the constitutional court within the week.</p></article></body></html>');
    const r = await only(join(dir, 'page.download'));
    expect(r.ok && r.article.provenance.reader).toBe('ingest.html.v1');
  });
});

describe('registry', () => {
  it.each([
    ['a.txt', 'ingest.text.v1'], ['a.MD', 'ingest.text.v1'], ['a.htm', 'ingest.html.v1'], ['a.ndjson', 'ingest.jsonl.v1'],
    ['a.json', 'ingest.json.v1'], ['a.atom', 'ingest.feed.v1'], ['a.xml', 'ingest.feed.v1'], ['a.warc.gz', 'ingest.warc.v1'],
  ])('reads %s with %s', (name, reader) => {
    expect(readerForName(name)?.name).toBe(reader);
  });

  it.each([
    ['<!DOCTYPE html><html>', 'ingest.html.v1'], ['  <p>Hello</p>', 'ingest.html.v1'], ['WARC/1.1\r\n', 'ingest.warc.v1'],
    ['<?xml version="1.0"?><rss>', 'ingest.feed.v1'], ['{"id": "1", "text": "x"}', 'ingest.jsonl.v1'], ['Plain words.', 'ingest.text.v1'],
  ])('sniffs %j as %s', (head, reader) => {
    expect(sniffReader(new TextEncoder().encode(head)).name).toBe(reader);
  });
});

describe('prepareText and prepareHtml', () => {
  it('turn one document into an Article with given metadata winning', () => {
    const article = prepareText('Peace talks resume\nBy Jane Doe\n\nDelegations met in Geneva on Monday to resume talks on a ceasefire, mediators said.', { url: 'https://x.example/a', title: 'Given title' }, provenance);
    expect(article.meta.title).toBe('Given title');
    expect(article.meta.author).toBe('Jane Doe');
    expect(article.meta.url).toBe('https://x.example/a');
    expect(article.text).toBe('Peace talks resume\n\nDelegations met in Geneva on Monday to resume talks on a ceasefire, mediators said.');
    expect(article.sentences).toEqual([]);
  });

  it('leave language null for a very short text', () => {
    expect(prepareText('Talks resume.', {}, provenance).meta.language).toBeNull();
  });

  it('prepareHtml names the item when the page has no article', () => {
    expect(() => prepareHtml('<html><body></body></html>', {}, { reader: 'test', input: 'feed.xml', item: 'item 4' })).toThrow(/feed\.xml item 4: no article found/);
  });
});

describe('standard input', () => {
  async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
    for (const p of parts) yield new TextEncoder().encode(p);
  }

  it('sniffs HTML on stdin and names the input "-"', async () => {
    const source = await stdinSource(1 << 20, chunks('<!doctype html><html><head><title>Vote delayed</title></head><body><article>', '<p>The parliament delayed its vote on the budget on Tuesday after the coalition partners failed to agree on defence spending.</p><p>A new vote is expected next week, the speaker said.</p></article></body></html>'));
    const reader = sniffReader((await source.bytes()).subarray(0, 1024));
    const results: IngestResult[] = [];
    for await (const r of readSource(reader, source)) results.push(r);
    expect(results).toHaveLength(1);
    expect(results[0].ok && results[0].article.meta.title).toBe('Vote delayed');
    expect(results[0].ok && results[0].article.provenance.input).toBe('-');
  });

  it('refuses stdin over the size limit and empty stdin', async () => {
    await expect(stdinSource(10, chunks('0123456789', 'more'))).rejects.toThrow(/-: standard input is over the 10-byte limit/);
    await expect(stdinSource(10, chunks())).rejects.toThrow(/-: standard input is empty/);
  });
});
