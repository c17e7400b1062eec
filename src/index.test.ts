import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline, defaultStages, extract, extractHtml, extractText, ItemError, RECORD_FORMAT } from './index.js';

describe('library API', () => {
  it('extract reads a folder into records in input order', async () => {
    const dir = 'samples/text';
    const records = await extract(dir);
    expect(records.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.txt')).length);
    for (const r of records) {
      expect(r.format).toBe(RECORD_FORMAT);
      expect(r.provenance.input.startsWith(dir)).toBe(true);
      expect(r.sentences.length).toBeGreaterThan(0);
    }
  });

  it('extract throws the failed item unless onError is given', async () => {
    await expect(extract('no/such/file.txt')).rejects.toBeInstanceOf(ItemError);
    const failed: string[] = [];
    expect(await extract(['no/such/file.txt'], { onError: (e) => failed.push(e.item) })).toEqual([]);
    expect(failed).toHaveLength(1);
  });

  it('extractText keeps the given id and publication date and splits sentences', async () => {
    const record = await extractText('Russia expelled two US diplomats on Monday. Washington protested.', { id: 'mine', published: '2017-07-31' });
    expect(record).toMatchObject({ id: 'mine', published: '2017-07-31', provenance: { input: 'text', item: null } });
    expect(record.sentences.map((s) => record.text.slice(s.start, s.end))).toEqual(['Russia expelled two US diplomats on Monday.', 'Washington protested.']);
  });

  it('extractText gives the same text the same id', async () => {
    const a = await extractText('Talks between Iran and Iraq resumed in Baghdad.');
    const b = await extractText('Talks between Iran and Iraq resumed in Baghdad.');
    expect(a.id).toBe(b.id);
  });

  it('extractHtml removes the page around the article and uses the pipeline given', async () => {
    const html = `<html><head><title>Summit ends</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Summit ends</h1><p>The leaders of France and Germany met in Berlin on Tuesday to discuss energy policy and the budget.</p>
      <p>Both governments said the talks had been useful and would continue next month in Paris.</p></article>
      <footer>Copyright 2019 Example News</footer></body></html>`;
    const record = await extractHtml(html, { url: 'https://news.example/summit' }, { pipeline: createPipeline(defaultStages.slice(0, 1)) });
    expect(record.text).toContain('The leaders of France and Germany met in Berlin');
    expect(record.text).not.toContain('Copyright 2019');
    expect(record.url).toBe('https://news.example/summit');
    expect(record.provenance.input).toBe('html');
  });
});
