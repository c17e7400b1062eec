import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/coder/cameo/codebook.js';
import { coverage } from '../../src/coder/cameo/coverage.js';
import { CAMEO_DATA_DIR } from '../../src/coder/cameo/paths.js';
import { loadPatterns } from '../../src/coder/cameo/patterns.js';

describe('lexicon coverage of the codebook (scripts/lexicon-coverage.ts)', () => {
  const codebook = loadCodebook();
  const report = coverage(loadPatterns(join(CAMEO_DATA_DIR, 'patterns'), codebook), codebook);

  it('holds at least 4,000 patterns and names at least 95 % of the event codes', () => {
    expect(report.patterns).toBeGreaterThanOrEqual(4000);
    expect(report.share).toBeGreaterThanOrEqual(0.95);
  });

  it('counts event codes only, not the roots\' 2-digit headings, and every row is a codebook code', () => {
    expect(report.codes.every((r) => r.code.length >= 3 && codebook.has(r.code))).toBe(true);
    expect(report.codes.length).toBe(codebook.entries().filter((e) => e.code.length > 2).length);
  });
});
