/**
 * @module cluster/rules
 * The knowledge cross-story clustering uses, read once from data/clusters/: which event codes
 * two reports of one happening may carry (`compatible-codes.tsv`) and which roots name their
 * two sides in either order (`symmetric-roots.txt`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../nlp/actors/tsv.js';

export interface ClusterRules {
  /** Pairs of code prefixes, each pair in both orders. */
  compatible: [string, string][];
  symmetricRoots: ReadonlySet<string>;
}

function dataLines(path: string): string[][] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cluster rules could not be read from ${path}: ${(error as Error).message}`);
  }
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

const cache = new Map<string, ClusterRules>();

/** The rules under `dataDir` (the package's own data/ by default). */
export function clusterRules(dataDir = defaultDataDir()): ClusterRules {
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const compatible: [string, string][] = [];
  for (const [row, fields] of dataLines(join(dataDir, 'clusters', 'compatible-codes.tsv')).entries()) {
    const [a, b] = fields;
    if (!/^\d{1,4}$/.test(a ?? '') || !/^\d{1,4}$/.test(b ?? '')) {
      throw new Error(`data/clusters/compatible-codes.tsv row ${row + 1}: expected two code prefixes, found "${fields.join('\t')}"`);
    }
    compatible.push([a, b], [b, a]);
  }
  const symmetricRoots = new Set(dataLines(join(dataDir, 'clusters', 'symmetric-roots.txt')).map((f) => f[0]));
  const rules = { compatible, symmetricRoots };
  cache.set(dataDir, rules);
  return rules;
}

/** Same root, or a listed pair of prefixes. */
export function codesCompatible(a: string, b: string, rules: ClusterRules): boolean {
  if (a.slice(0, 2) === b.slice(0, 2)) return true;
  return rules.compatible.some(([x, y]) => a.startsWith(x) && b.startsWith(y));
}
