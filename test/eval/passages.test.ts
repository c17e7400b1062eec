import { describe, expect, it } from 'vitest';
import { parseGoldFile, parsePassages } from '../../src/eval/gold.js';
import { scorePassage } from '../../src/eval/passages.js';
import { formatPassageReport } from '../../src/eval/report.js';

describe('passage-labelled gold', () => {
  it('tells passage files from event files by their first record', () => {
    const passages = parseGoldFile('\n{"id":"p1","code":"0311","name":"x","text":"A and B agreed."}\n');
    expect(passages.kind).toBe('passages');
    expect(passages.records[0]).toMatchObject({ id: 'p1', code: '0311', date: null });
    const events = parseGoldFile('{"id":"a","date":"2018-01-01","text":"x","events":[]}');
    expect(events.kind).toBe('events');
  });

  it('names the line of a bad passage, and of a file mixing the two kinds', () => {
    expect(() => parsePassages('{"id":"p1","code":"03x","text":"t"}', 'm.jsonl')).toThrow(/m.jsonl:1.*CAMEO code/);
    expect(() => parseGoldFile('{"id":"p1","code":"031","text":"t"}\n{"id":"a","text":"x","events":[]}', 'm.jsonl')).toThrow(/m.jsonl:2/);
  });

  it('finds a passage at the root level with any event of its root, at the code level only with its exact code', () => {
    expect(scorePassage('0311', [{ code: '036' }, { code: '031' }])).toEqual({ rootFound: true, codeFound: false });
    expect(scorePassage('0311', [{ code: '0311' }])).toEqual({ rootFound: true, codeFound: true });
    expect(scorePassage('173', [{ code: '172' }])).toEqual({ rootFound: true, codeFound: false });
    expect(scorePassage('173', [{ code: '190' }])).toEqual({ rootFound: false, codeFound: false });
    expect(scorePassage('010', [])).toEqual({ rootFound: false, codeFound: false });
  });

  it('reports shares of passages, per root, and what was coded for the ones missed', () => {
    const text = formatPassageReport({
      kind: 'passages', passages: 2, rootFound: 1, codeFound: 0, rootRate: 0.5, codeRate: 0, articlesPerSecond: 10,
      roots: [{ root: '17', passages: 2, rootFound: 1, codeFound: 0 }],
      results: [
        { id: 'p1', code: '173', text: 'They arrested him.', predicted: ['172'], rules: ['verb:x'], rootFound: true, codeFound: false, errors: [] },
        { id: 'p2', code: '174', text: 'They expelled him.', predicted: [], rules: [], rootFound: false, codeFound: false, errors: [] },
      ],
    });
    expect(text).toContain('root in 1 (50.0 %)');
    expect(text).toContain('p2 (174)');
    expect(text).toContain('coded: nothing');
    expect(text).not.toContain('- p1');
  });
});
