import { describe, expect, it } from 'vitest';
import { findReport, locateQuote, parsePairs } from './evaluate.js';
import type { EventRow } from '../store/store.js';

const TEXT = 'Talks resumed in Geneva.\n\nThe army shelled the town on Monday,\nofficials said, and the minister\ncondemned the attack.';
const SENTENCES = [
  { start: 0, end: 24 },
  { start: 26, end: TEXT.length },
];

function event(code: string, evidence: string): EventRow {
  const start = TEXT.indexOf(evidence);
  return { code, sentence: 1, evidence: { start, end: start + evidence.length, text: evidence } } as unknown as EventRow;
}

describe('reports named by quoted words', () => {
  it('finds a quote across line breaks and collapsed spaces', () => {
    const span = locateQuote(TEXT, 'officials said,   and the minister condemned');
    expect(span).not.toBeNull();
    expect(TEXT.slice(span!.start, span!.end)).toBe('officials said, and the minister\ncondemned');
    expect(locateQuote(TEXT, 'the navy shelled the town')).toBeNull();
  });

  it('prefers the labelled root, then the event inside the quote', () => {
    const shelling = event('190', 'army shelled the town');
    const condemning = event('111', 'minister\ncondemned the attack');
    const article = { text: TEXT, sentences: SENTENCES };
    expect(findReport([shelling, condemning], article, { article: 'x', quote: 'the minister condemned the attack' })).toBe(condemning);
    expect(findReport([condemning, shelling], article, { article: 'x', quote: 'the town on Monday, officials said, and the minister condemned', root: '19' })).toBe(shelling);
    expect(findReport([shelling, condemning], article, { article: 'x', quote: 'minister condemned the attack', root: '19' })).toBe(condemning);
    expect(findReport([shelling], article, { article: 'x', quote: 'Talks resumed in Geneva' })).toBeUndefined();
  });

  it('refuses references without enough words to find', () => {
    expect(() => parsePairs('{"a": {"article": "x", "quote": "the army"}, "b": {"article": "y", "quote": "a b c d"}, "same": true}', 'p.jsonl')).toThrow(/p\.jsonl:1/);
  });
});
