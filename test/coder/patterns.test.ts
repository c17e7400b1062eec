import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/coder/cameo/codebook.js';
import { indexPatterns, parsePatterns, specificity } from '../../src/coder/cameo/patterns.js';
import { lemmaCandidates } from '../../src/coder/cameo/lemma.js';
import { loadCoderResources } from '../../src/coder/index.js';

const book = loadCodebook();

describe('pattern files', () => {
  it('parses codes, reciprocity, reverse codes, optional, before and forbidden words', () => {
    const [p, q, r] = parsePatterns(
      '# comment\n174 verb expel|oust diplomat|ambassador [from]\n057~ verb sign !law\n042>043 noun strike <air  # trailing comment\n',
      'x.txt',
      book,
    );
    expect(p).toMatchObject({ code: '174', kind: 'verb', heads: ['expel', 'oust'], reciprocal: false, reverseCode: null, rule: 'verb:expel+diplomat', line: 2 });
    expect(p.after[1].optional).toBe(true);
    expect(q.reciprocal).toBe(true);
    expect([...q.forbid]).toEqual(['law']);
    expect(r).toMatchObject({ reverseCode: '043', rule: 'noun:strike+air' });
    expect(specificity(p)).toBeGreaterThan(specificity(q) - 1);
  });

  it('rejects unknown codes and kinds with the file and line', () => {
    expect(() => parsePatterns('999 verb expel', 'bad.txt', book)).toThrow(/bad.txt:1/);
    expect(() => parsePatterns('174 adverb expel', 'bad.txt', book)).toThrow(/expected kind/);
  });

  it('indexes by head and kind, most specific first', () => {
    const idx = indexPatterns(parsePatterns('174 verb expel\n174 verb expel diplomat', 'x.txt', book));
    expect(idx.lookup('verb', 'expel')?.map((p) => p.rule)).toEqual(['verb:expel+diplomat', 'verb:expel']);
    expect(idx.lookup('noun', 'expel')).toBeUndefined();
  });

  it('the packaged patterns load, use codes of all 20 roots', () => {
    const { patterns } = loadCoderResources();
    expect(patterns.size).toBeGreaterThan(300);
    const roots = new Set<string>();
    for (const w of ['deny', 'urge', 'pledge', 'meet', 'praise', 'invest', 'send', 'release', 'investigate', 'demand', 'condemn', 'reject', 'threaten', 'demonstrate', 'deploy', 'expel', 'arrest', 'abduct', 'shell', 'massacre']) {
      for (const p of patterns.lookup('verb', w) ?? []) if (p.code !== '---') roots.add(p.code.slice(0, 2));
    }
    expect(roots.size).toBe(20);
  });
});

describe('lemma candidates', () => {
  it('de-inflects regular and irregular forms', () => {
    expect(lemmaCandidates('imposed', 'imposed')).toContain('impose');
    expect(lemmaCandidates('tariffs', 'tariffs')).toContain('tariff');
    expect(lemmaCandidates('struck', 'struck')).toContain('strike');
    expect(lemmaCandidates('shelling', 'shelling')).toContain('shell');
    expect(lemmaCandidates('expelling', 'expelling')).toContain('expel');
  });
});
