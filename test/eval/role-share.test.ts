import { describe, expect, it } from 'vitest';
import { roleCounts } from '../../src/eval/role-share.js';

const t = (source: string | null, target: string | null, code: string) => ({ source, target, code });

describe('roleCounts', () => {
  it('pairs by root and counts pairs whose source and target countries are both right', () => {
    // 190 pairs with gold 195 (same root 19) but has the roles reversed; 042 has no gold of its root.
    const predicted = [t('USAGOV', 'IRQ', '195'), t('RUS', 'UKR', '190'), t('FRA', 'DEU', '042')];
    const gold = [t('USAMIL', 'IRQ', '190'), t('UKR', 'RUS', '195')];
    expect(roleCounts(predicted, gold)).toEqual({ rootPairs: 2, bothRight: 1 });
  });
  it('takes the actor-right partner first, whatever the order of the gold events', () => {
    const predicted = [t('RUS', 'UKR', '190')];
    expect(roleCounts(predicted, [t('CHN', 'TWN', '190'), t('RUS', 'UKR', '193')])).toEqual({ rootPairs: 1, bothRight: 1 });
    expect(roleCounts([], [t('RUS', 'UKR', '190')])).toEqual({ rootPairs: 0, bothRight: 0 });
  });
});
