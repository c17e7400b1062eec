import { describe, expect, it } from 'vitest';
import { actorKey, matchRecord, prf, quadOf } from '../../src/eval/score.js';
import { parseGold } from '../../src/eval/gold.js';
import { formatReport } from '../../src/eval/report.js';
import type { EvalReport } from '../../src/eval/evaluate.js';

const t = (source: string | null, target: string | null, code: string) => ({ source, target, code });

describe('eval scoring', () => {
  it('compares countries by their first three letters and organisations by their own block', () => {
    expect(actorKey('USAGOV')).toBe('USA');
    expect(actorKey('USAMIL')).toBe(actorKey('USA'));
    expect(actorKey('IGOUNO')).toBe('IGOUNO');
    expect(actorKey('IGOUNOHRC')).toBe('IGOUNO');
    expect(actorKey('IMGMOSISI')).toBe(actorKey('IMGISI'));
    expect(actorKey('IGOBUSIMF')).toBe(actorKey('IGOIMF'));
    expect(actorKey('IGOEUREEC')).toBe('IGOEEC');
    expect(actorKey('IGOUNO')).not.toBe(actorKey('IGOEUREEC'));
    expect(actorKey('NGOHLH')).toBe('NGOHLH');
    expect(actorKey(null)).toBe('-');
  });

  it('matches as a multiset: two gold events need two predictions', () => {
    const gold = [t('USAGOV', 'RUSGOV', '163'), t('USAGOV', 'RUSGOV', '163')];
    const m = matchRecord([t('USA', 'RUSMIL', '163')], gold, 'code');
    expect(m.counts).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('scores the root and QuadClass levels more leniently than the full code', () => {
    const gold = [t('GBRGOV', 'RUSGOV', '174')];
    const pred = [t('GBRGOV', 'RUSGOV', '173')];
    expect(matchRecord(pred, gold, 'code').counts.tp).toBe(0);
    expect(matchRecord(pred, gold, 'root').counts.tp).toBe(1);
    expect(matchRecord([t('GBRGOV', 'RUSGOV', '163')], gold, 'quad').counts.tp).toBe(1);
    expect(matchRecord([t('RUSGOV', 'GBRGOV', '174')], gold, 'quad').counts.tp).toBe(0);
  });

  it('puts roots in QuadClasses by the GDELT rule (14 is verbal conflict)', () => {
    expect(['01', '05', '06', '08', '09', '14', '15', '20'].map(quadOf)).toEqual(['1', '1', '2', '2', '3', '3', '4', '4']);
  });

  it('computes precision, recall and F1, and 0 rather than NaN when nothing was predicted', () => {
    expect(prf({ tp: 2, fp: 2, fn: 0 })).toMatchObject({ precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(prf({ tp: 0, fp: 0, fn: 3 }).f1).toBe(0);
  });
});

describe('eval gold file', () => {
  it('reads records and names the line of a bad one', () => {
    const ok = parseGold('{"id":"a","date":"2018-01-01","text":"x","events":[{"source":"USA","target":"RUS","code":"163"}]}\n\n');
    expect(ok[0].events[0].code).toBe('163');
    expect(() => parseGold('{"id":"a","text":"x","events":[]}\n{"id":"b","text":"y","events":[{"code":"16a"}]}', 'g.jsonl')).toThrow(/g.jsonl:2/);
  });
});

describe('eval report', () => {
  it('prints the three levels, the per-root table and the worst records', () => {
    const fp = t('GBR', 'RUS', '173');
    const report: EvalReport = {
      records: 1, goldEvents: 1, predictedEvents: 1, articlesPerSecond: 100,
      levels: { code: prf({ tp: 0, fp: 1, fn: 1 }), root: prf({ tp: 1, fp: 0, fn: 0 }), quad: prf({ tp: 1, fp: 0, fn: 0 }) },
      roots: [{ root: '17', support: 1, ...prf({ tp: 1, fp: 0, fn: 0 }) }],
      roles: { rootPairs: 1, bothRight: 1, share: 1 },
      results: [{ id: 'r1', text: 'Britain expelled Russian diplomats.', gold: [t('GBR', 'RUS', '174')], predicted: [fp], rules: ['verb:expel'], falsePositives: [fp], falseNegatives: [t('GBR', 'RUS', '174')], errors: [] }],
    };
    const text = formatReport(report, 5);
    expect(text).toContain('source, target, code');
    expect(text).toContain('17');
    expect(text).toContain('FN GBR>RUS:174');
    expect(text).toContain('source and target both right: 1 of 1 (100.0 %)');
    expect(text).toContain('FP GBR>RUS:173  (verb:expel)');
  });
});
