/**
 * Robustness over real third-party inputs in ../shared/corpora (feeds and WARC files):
 * every file is either read or refused with a clear error. Skipped, with a message, when
 * the corpora are not present.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readInputs } from './index.js';

const corpora = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));
const present = existsSync(corpora);
if (!present) console.warn(`skipping corpus robustness tests: ${corpora} not found`);

function files(folder: string): string[] {
  const dir = join(corpora, folder);
  return existsSync(dir) ? readdirSync(dir).sort().map((f) => join(dir, f)) : [];
}

describe.skipIf(!present)('real feeds and archives', () => {
  it.each([...files('feeds'), ...files('warc')].map((f) => [f.split('/').pop()!, f]))('%s is read or refused clearly', async (_name, path) => {
    let articles = 0;
    for await (const r of readInputs([path])) {
      if (r.ok) {
        articles++;
        expect(r.article.text.length).toBeGreaterThan(0);
        expect(r.article.text).not.toMatch(/\n{3,}|^\s|\s$/);
        expect(r.article.id).toMatch(/\S/);
        if (r.article.meta.published !== null) expect(r.article.meta.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else {
        expect(r.error.code).toMatch(/^E_[A-Z0-9_]+$/);
        expect(r.error.message.startsWith(path)).toBe(true);
      }
    }
    // Every feed here has items with text, and every archive except the revisit-only one has an HTML page.
    if (!/revisit/.test(path)) expect(articles).toBeGreaterThan(0);
  });

  it('reads all 48 news pages of the synthetic news WARC', async () => {
    const path = join(corpora, 'warc', 'aeb-news-pages.synth.warc.gz');
    let ok = 0;
    for await (const r of readInputs([path])) if (r.ok) ok++;
    expect(ok).toBe(48);
  });

  it('reads real gzipped news pages from a directory, each into a non-empty article', async () => {
    const dir = join(corpora, 'news-html', 'html');
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().slice(0, 30).map((f) => join(dir, f));
    let ok = 0;
    for await (const r of readInputs(pages)) {
      if (r.ok) {
        ok++;
        expect(r.article.text.split('\n\n').length).toBeGreaterThan(1);
      }
    }
    expect(ok).toBe(pages.length);
  });

  it('decodes the windows-1251 feed into Russian text', async () => {
    const path = join(corpora, 'feeds', 'node-feedparser__iconv.xml');
    const languages: (string | null)[] = [];
    for await (const r of readInputs([path])) {
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.article.text).toMatch(/[а-я]{4}/);
        languages.push(r.article.meta.language);
      }
    }
    // Items too short to tell stay null; none may be mistaken for another language.
    expect(languages.filter((l) => l === 'ru').length).toBeGreaterThan(languages.length / 2);
    expect(languages.every((l) => l === 'ru' || l === null)).toBe(true);
  });
});
