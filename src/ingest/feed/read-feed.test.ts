import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, type IngestResult } from '../index.js';
import { parseFeed } from './read-feed.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url));

async function collect(paths: string[]): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs(paths)) out.push(r);
  return out;
}

describe('RSS 2.0', () => {
  it('makes each item an article with title, link, date, author and content:encoded text', async () => {
    const results = await collect([fixture('feed.rss')]);
    const articles = results.filter((r) => r.ok).map((r) => (r.ok ? r.article : null)!);
    expect(articles).toHaveLength(2);
    expect(articles[0].meta).toMatchObject({
      title: 'Ferry service resumes after storm', url: 'https://harbour.example/ferry-resumes', published: '2023-02-07',
      author: 'Lise Berg', source: 'Harbour Daily', language: 'en',
    });
    expect(articles[0].text).toBe(
      'The ferry service between the islands resumed on Tuesday after a storm kept boats in port for three days.\n\nThe operator said extra sailings would clear the backlog of passengers by Thursday.',
    );
    expect(articles[0].provenance).toEqual({ reader: 'ingest.feed.v1', input: fixture('feed.rss'), item: 'item 1' });
    expect(articles[1].text).toMatch(/^The fish market opened/);
  });

  it('reports an item without any content by name and goes on', async () => {
    const results = await collect([fixture('feed.rss')]);
    const errors = results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error)!);
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('E_EMPTY');
    expect(errors[0].item).toBe(`${fixture('feed.rss')} item 3`);
    expect(errors[0].message).toMatch(/item 3: the item has no content/);
  });
});

describe('Atom', () => {
  it('reads entries with HTML content or a summary and resolves relative links', async () => {
    const results = await collect([fixture('feed.atom')]);
    expect(results.every((r) => r.ok)).toBe(true);
    const [first, second] = results.map((r) => (r.ok ? r.article : null)!);
    expect(first.meta).toMatchObject({ title: 'Mountain road closed by landslide', url: 'https://upland.example/news/road-closed', published: '2024-04-01', author: 'Kai Moser', source: 'Upland Observer' });
    expect(first.text).toBe('The only road to the upper valley was closed on Monday after a landslide buried a stretch of it under rocks and mud.\n\nPolice said no one was hurt.');
    expect(second.meta.published).toBe('2024-03-30');
    expect(second.text).toMatch(/^Resorts in the region/);
  });
});

describe('feed encodings and refusals', () => {
  it('decodes a windows-1251 feed as its XML declaration says', async () => {
    // windows-1251 puts А..я at 0xC0..0xFF in alphabetical order.
    const cp1251 = (s: string) => Uint8Array.from([...s].map((ch) => (ch >= 'А' && ch <= 'я' ? 0xc0 + ch.charCodeAt(0) - 0x410 : ch.charCodeAt(0))));
    const body = 'Правительство объявило в понедельник о новых мерах поддержки для малых предприятий в регионе.';
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости</title><item><title>Меры</title><description>${body}</description></item></channel></rss>`;
    const dir = mkdtempSync(join(tmpdir(), 'detente-feed-'));
    writeFileSync(join(dir, 'ru.xml'), cp1251(xml));
    const [result] = await collect([join(dir, 'ru.xml')]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toBe(body);
    expect(result.article.meta).toMatchObject({ title: 'Меры', source: 'Новости', language: 'ru' });
    expect(result.article.notes).toEqual(['not coded: language ru']);
  });

  it('refuses an item whose content is only an image, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-feed-'));
    writeFileSync(join(dir, 'ads.rss'), '<rss version="2.0"><channel><title>T</title><item><title>Featured Advertiser</title><description>&lt;a href="x"&gt;&lt;img src="ad.gif"/&gt;&lt;/a&gt;</description></item></channel></rss>');
    const [result] = await collect([join(dir, 'ads.rss')]);
    expect(!result.ok && result.error.message).toBe(`${join(dir, 'ads.rss')} item 1: the item's content holds no text (only images, links or markup)`);
  });

  it('refuses a file that is not XML with E_NOT_XML naming the file', async () => {
    const results = await collect([fixture('not-xml.rss')]);
    expect(results).toHaveLength(1);
    expect(results[0].ok).toBe(false);
    if (results[0].ok) return;
    expect(results[0].error.code).toBe('E_NOT_XML');
    expect(results[0].error.message).toContain('not-xml.rss');
  });

  it('refuses XML that is not a feed, and malformed XML', () => {
    expect(() => parseFeed('<?xml version="1.0"?><catalog><book/></catalog>', 'c.xml')).toThrow(/not an RSS or Atom feed.*<catalog>/);
    expect(() => parseFeed('<notes><a></b></notes>', 'n.xml')).toThrow(/not well-formed XML/);
  });
});
