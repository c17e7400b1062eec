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

  it('extractText and extractHtml prepare the article in memory, with no temporary file', async () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/no/such/dir/for/detente';
    try {
      const record = await extractText('Talks between Iran and Iraq resumed in Baghdad on Monday.', { title: '  Talks resume ' });
      expect(record).toMatchObject({ title: 'Talks resume', provenance: { reader: 'ingest.text.v1', input: 'text', item: null } });
      const html = await extractHtml('<article><p>The leaders of France and Germany met in Berlin on Tuesday to discuss energy policy.</p></article>');
      expect(html.provenance).toEqual({ reader: 'ingest.html.v1', input: 'html', item: null });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('extractText uses the published option only when the article has no date of its own', async () => {
    const text = 'Russia expelled two US diplomats. Washington protested.';
    expect((await extractText(text, {}, { published: '2017-08-01' })).published).toBe('2017-08-01');
    expect((await extractText(text, { published: '2017-07-31' }, { published: '2017-08-01' })).published).toBe('2017-07-31');
  });

  it('extractText and extractHtml refuse empty, over-large and article-less input with a code', async () => {
    await expect(extractText('   ')).rejects.toMatchObject({ code: 'E_EMPTY_INPUT' });
    await expect(extractText('Talks resumed in Geneva on Monday.', {}, { maxBytes: 10 })).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    await expect(extractHtml('<html><body><nav><a href="/">Home</a></nav></body></html>')).rejects.toBeInstanceOf(ItemError);
    const seen: string[] = [];
    await expect(extractHtml('<html><body><nav><a href="/">Home</a></nav></body></html>', {}, { onError: (e) => seen.push(e.item) })).rejects.toMatchObject({ code: 'E_EMPTY_INPUT' });
    expect(seen).toEqual(['html']);
  });
});
