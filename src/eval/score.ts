/**
 * @module eval/score
 * Scores predicted events against gold events, per record, at three levels:
 * (source, target, full code), (source, target, root code) and (source, target, QuadClass).
 *
 * Actors are compared by their identity part: the first three letters for country codes
 * (USAGOV and USAMIL are both "USA"); for international and non-state codes (IGO, NGO, IMG,
 * MNC, ...), whose first block alone says nothing about who acted, the first block plus the
 * first organisation block, skipping role, region and religion blocks that dictionaries
 * insert differently (IGOUNO = IGOUNOHRC → "IGO UNO"; IGOEUREEC → "IGO EEC"; IMGMOSISI =
 * IMGISI → "IMG ISI"; IGOBUSIMF = IGOIMF → "IGO IMF"). Matching is a multiset match:
 * two gold events need two predictions.
 */

export interface Triple {
  source: string | null;
  target: string | null;
  code: string;
}

export type Level = 'code' | 'root' | 'quad';
export const LEVELS: Level[] = ['code', 'root', 'quad'];

const INTERNATIONAL = /^(IGO|NGO|IMG|MNC|NGM|INT|UIS|UAF|---)/;
/** Role, region and religion blocks (CAMEO actor codebook) that are not an organisation's own code. */
const GENERIC_BLOCKS = new Set([
  'GOV', 'MIL', 'REB', 'OPP', 'JUD', 'LEG', 'BUS', 'MED', 'EDU', 'CVL', 'COP', 'SPY', 'REF', 'LAB', 'HRI', 'HLH', 'ENV', 'DEV',
  'AGR', 'CRM', 'ELI', 'MOD', 'RAD', 'PTY', 'UAF', 'SEP', 'INS', 'NGO', 'IGO',
  'EUR', 'WST', 'AFR', 'ASA', 'MEA', 'LAM', 'NAF', 'SAF', 'EAF', 'WAF', 'CAF', 'SAM', 'NMR', 'CAS', 'SEA', 'SAS', 'EEU', 'BLK',
  'BAL', 'CRB', 'PGS', 'SCN', 'NAM', 'CAU', 'MDT', 'ARB', 'OCN', 'ATL',
  'MOS', 'CHR', 'JEW', 'BUD', 'HIN', 'SHI', 'SUN', 'CTH', 'ORT', 'PRO', 'SIK', 'JAN', 'BAH', 'ZRO', 'CON', 'TAO', 'SHN', 'ATH', 'ANG', 'DRZ',
]);

/** The part of an actor code that evaluation compares. */
export function actorKey(code: string | null): string {
  if (code === null || code === '') return '-';
  if (!INTERNATIONAL.test(code)) return code.slice(0, 3);
  for (let i = 3; i + 3 <= code.length; i += 3) {
    const block = code.slice(i, i + 3);
    if (!GENERIC_BLOCKS.has(block)) return `${code.slice(0, 3)}${block}`;
  }
  return code;
}

/** QuadClass of a root by the GDELT rule (the codebook's rule). */
export function quadOf(code: string): string {
  const root = Number(code.slice(0, 2));
  if (root <= 5) return '1';
  if (root <= 8) return '2';
  if (root <= 14) return '3';
  return '4';
}

export function keyOf(t: Triple, level: Level): string {
  const what = level === 'code' ? t.code : level === 'root' ? t.code.slice(0, 2) : quadOf(t.code);
  return `${actorKey(t.source)}>${actorKey(t.target)}:${what}`;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Matched {
  counts: Counts;
  /** Predictions with no gold partner. */
  falsePositives: Triple[];
  /** Gold events with no predicted partner. */
  falseNegatives: Triple[];
  /** Matched pairs (predicted, gold). */
  truePositives: [Triple, Triple][];
}

/** Multiset match of one record's predictions against its gold events at one level. */
export function matchRecord(predicted: Triple[], gold: Triple[], level: Level): Matched {
  const pool = new Map<string, Triple[]>();
  for (const g of gold) {
    const k = keyOf(g, level);
    const list = pool.get(k) ?? [];
    list.push(g);
    pool.set(k, list);
  }
  const falsePositives: Triple[] = [];
  const truePositives: [Triple, Triple][] = [];
  for (const p of predicted) {
    const list = pool.get(keyOf(p, level));
    const g = list?.shift();
    if (g === undefined) falsePositives.push(p);
    else truePositives.push([p, g]);
  }
  const falseNegatives = [...pool.values()].flat();
  return {
    counts: { tp: truePositives.length, fp: falsePositives.length, fn: falseNegatives.length },
    falsePositives,
    falseNegatives,
    truePositives,
  };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, ...c };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}
