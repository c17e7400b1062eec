import { describe, expect, it } from 'vitest';
import { newArticle } from './article.js';
import { itemName } from './item-name.js';
import { toRecord } from './record.js';
import { storedArticle } from './stored.js';
import { createPipeline } from '../pipeline/run.js';
import { defaultStages } from '../pipeline/default-stages.js';

describe('storedArticle', () => {
  it('keeps everything toRecord writes and drops the working layers, leaving the input as it was', () => {
    const analysed = createPipeline(defaultStages).run(
      newArticle({
        id: 'a1',
        text: 'Russia expelled two US diplomats on Monday, the foreign ministry said. Washington protested on Tuesday.',
        meta: { language: 'en', published: '2017-07-31', title: 'Diplomats expelled' },
        provenance: { reader: 'test', input: 'a.jsonl', item: 'line 1' },
      }),
    );
    expect(analysed.tokens.start.length).toBeGreaterThan(10);
    expect(analysed.events.length).toBeGreaterThan(0);
    const tokensBefore = analysed.tokens.start.length;
    const stored = storedArticle(analysed);
    expect(toRecord(stored)).toEqual(toRecord(analysed));
    expect(stored.tokens.start.length).toBe(0);
    expect(stored.tokens.lemma).toEqual([]);
    expect(stored.dates).toEqual([]);
    expect(stored.clauses).toEqual([]);
    expect(analysed.tokens.start.length).toBe(tokensBefore);
  });
});

describe('itemName', () => {
  it('names lines as file:line and other items after the input', () => {
    expect(itemName({ input: 'a.jsonl', item: 'line 12' })).toBe('a.jsonl:12');
    expect(itemName({ input: 'feed.xml', item: 'item 3' })).toBe('feed.xml item 3');
    expect(itemName({ input: 'a.txt', item: null })).toBe('a.txt');
  });
});
