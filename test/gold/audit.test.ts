import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreAudit } from './audit-score.js';
import { isPolitics } from './audit-draw.js';
import { seededRandom as seeded } from '../../src/util/seeded-random.js';

const records = readFileSync(join(import.meta.dirname, 'audit-news.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));

describe('real-news audit data', () => {
  it('holds 50 judged events, each with an id, the coded event and a judgement', () => {
    expect(records).toHaveLength(50);
    for (const r of records) {
      expect(r.article).toMatch(/^(bbc|r21578)-[0-9a-f]{12}$/);
      expect(typeof r.judged.real).toBe('boolean');
      for (const k of ['root', 'source', 'target', 'date']) expect(typeof r.judged[k]).toBe('boolean');
      // A judged root can only be right for a real event.
      if (!r.judged.real) expect(r.judged.root).toBe(false);
    }
  });

  it('keeps excerpts to at most one clause of the article', () => {
    for (const r of records) {
      expect(r.excerpt.split(/\s+/).length, r.excerpt).toBeLessThanOrEqual(16);
      expect(r.excerpt, r.excerpt).not.toMatch(/(\p{Ll}{3,}\.|[;!?])\s+\p{Lu}/u);
    }
  });

  it('scores fully right only when event, root, source and target are all right', () => {
    const f = scoreAudit(records);
    expect(f.fullyRight).toBe(records.filter((r: any) => r.judged.real && r.judged.root && r.judged.source && r.judged.target).length);
    expect(f.fullyRight).toBeLessThanOrEqual(Math.min(f.real, f.root, f.source, f.target));
  });

  it('draws with a seeded generator and a politics filter that are stable', () => {
    const a = seeded(7);
    const b = seeded(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(isPolitics('The government and the opposition held talks; the president met troops and the foreign minister.')).toBe(true);
    expect(isPolitics('Shr 10 cts vs 12 cts. Net 5 mln dlrs. Revs 30 mln dlrs. The president said shares rose.')).toBe(false);
  });
});
