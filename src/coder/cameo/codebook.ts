/**
 * @module coder/cameo/codebook
 * Loads the project's CAMEO event codebook (`data/cameo/codebook.tsv`): every event code
 * with its root, QuadClass, Goldstein weight and name. The coder takes an event's
 * `root`, `quad_class` and `goldstein` from here and nowhere else, so one file fixes them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DetenteError } from '../../errors.js';
import type { QuadClass } from '../../model/event.js';
import { CAMEO_DATA_DIR } from './paths.js';

export interface CodebookEntry {
  code: string;
  root: string;
  /** Number of digits: 2 (root), 3 or 4. */
  depth: number;
  quadClass: QuadClass;
  goldstein: number;
  /** "gdelt", "icews" or "parent:NNN" when the weight is inherited from a parent code. */
  goldsteinBasis: string;
  name: string;
  remark: string;
}

export interface Codebook {
  get(code: string): CodebookEntry | undefined;
  has(code: string): boolean;
  /** Every entry, in file order. */
  entries(): CodebookEntry[];
}

const COLUMNS = ['code', 'root', 'depth', 'quad_class', 'goldstein', 'goldstein_basis', 'name', 'remark'];

/**
 * Parses the codebook text. Lines starting with `#` are comments; the first other line is the header.
 * @param text contents of codebook.tsv
 * @param file name used in error messages
 */
export function parseCodebook(text: string, file = 'codebook.tsv'): Codebook {
  const map = new Map<string, CodebookEntry>();
  let header: string[] | null = null;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (header === null) {
      header = cells;
      if (COLUMNS.some((c, i) => header?.[i] !== c)) {
        throw new DetenteError('E_CODEBOOK', `${file}: expected header "${COLUMNS.join(' ')}", found "${cells.join(' ')}"`);
      }
      continue;
    }
    const [code, root, depth, quad, goldstein, basis, name, remark] = cells;
    const quadClass = Number(quad);
    const weight = Number(goldstein);
    if (!/^\d{2,4}$/.test(code) || root !== code.slice(0, 2) || ![1, 2, 3, 4].includes(quadClass) || !Number.isFinite(weight)) {
      throw new DetenteError('E_CODEBOOK', `${file}:${n + 1}: expected "code root depth quad_class goldstein ...", found "${line}"`);
    }
    map.set(code, {
      code,
      root,
      depth: Number(depth),
      quadClass: quadClass as QuadClass,
      goldstein: weight,
      goldsteinBasis: basis,
      name,
      remark: remark ?? '',
    });
  }
  return {
    get: (code) => map.get(code),
    has: (code) => map.has(code),
    entries: () => [...map.values()],
  };
}

let cached: Codebook | null = null;

/** The packaged codebook, read once per process. */
export function loadCodebook(path = join(CAMEO_DATA_DIR, 'codebook.tsv')): Codebook {
  if (path === join(CAMEO_DATA_DIR, 'codebook.tsv')) {
    if (cached === null) cached = parseCodebook(readFileSync(path, 'utf8'), path);
    return cached;
  }
  return parseCodebook(readFileSync(path, 'utf8'), path);
}
