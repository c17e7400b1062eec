/**
 * @module coder/cameo/coverage
 * How much of the codebook the pattern files cover: for every CAMEO code, how many
 * patterns code it directly (curated and broad lexicon counted apart). A code no pattern
 * names can never be output except by a convention that derives it (docs/patterns.md), so
 * the report names those too.
 */
import type { Codebook } from './codebook.js';
import { NULL_CODE, type Pattern } from './patterns.js';

export interface CodeCoverage {
  code: string;
  name: string;
  /** Patterns of the curated files (tier 0) that code it. */
  curated: number;
  /** Patterns of the broad lexicon (tier 1) that code it. */
  lexicon: number;
}

export interface CoverageReport {
  patterns: number;
  /** Patterns that code nothing (`---`, senses kept from firing). */
  nullPatterns: number;
  codes: CodeCoverage[];
  covered: number;
  /** Share of codebook codes with at least one pattern (0-1). */
  share: number;
}

/** Counts the patterns of each codebook code (a pattern's reverse code `042>043` counts for 043 too). */
export function coverage(patterns: Pattern[], codebook: Codebook): CoverageReport {
  const rows = new Map<string, CodeCoverage>();
  // The 2-digit lines are the roots' headings; their events are coded with the root's 3-digit code (010, 020 ...).
  for (const e of codebook.entries()) if (e.code.length > 2) rows.set(e.code, { code: e.code, name: e.name, curated: 0, lexicon: 0 });
  let nullPatterns = 0;
  for (const p of patterns) {
    if (p.code === NULL_CODE) {
      nullPatterns++;
      continue;
    }
    for (const c of p.reverseCode === null ? [p.code] : [p.code, p.reverseCode]) {
      const row = rows.get(c);
      if (row === undefined) continue;
      if (p.tier === 0) row.curated++;
      else row.lexicon++;
    }
  }
  const codes = [...rows.values()];
  const covered = codes.filter((r) => r.curated + r.lexicon > 0).length;
  return { patterns: patterns.length, nullPatterns, codes, covered, share: codes.length === 0 ? 0 : covered / codes.length };
}
