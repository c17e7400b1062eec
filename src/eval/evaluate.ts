/**
 * @module eval/evaluate
 * Runs the default pipeline over gold records and scores the asserted events it codes:
 * overall precision/recall/F1 at three levels, a per-root table and the records with the
 * most errors. Only asserted events count: gold labels negated, hypothetical and questioned
 * actions as no event.
 */
import { dyadicReading } from '../export/dyadic.js';
import { newArticle } from '../model/article.js';
import type { CodedEvent } from '../model/event.js';
import { createPipeline, type Pipeline } from '../pipeline/run.js';
import { defaultStages } from '../pipeline/default-stages.js';
import type { GoldRecord } from './gold.js';
import { roleCounts } from './role-share.js';
import { addCounts, LEVELS, matchRecord, prf, type Counts, type Level, type Prf, type Triple } from './score.js';

export interface RecordResult {
  id: string;
  text: string;
  gold: Triple[];
  predicted: Triple[];
  /** Rules of the predicted events, parallel to `predicted`. */
  rules: string[];
  falsePositives: Triple[];
  falseNegatives: Triple[];
  errors: string[];
}

export interface RootRow extends Prf {
  root: string;
  support: number;
}

export interface EvalReport {
  records: number;
  goldEvents: number;
  predictedEvents: number;
  levels: Record<Level, Prf>;
  roots: RootRow[];
  /** Per record, scored at the full-code level. */
  results: RecordResult[];
  /** Predicted events paired with a gold event of the same root, and how many of those have source and target right (eval/role-share). */
  roles: { rootPairs: number; bothRight: number; share: number };
  /** Articles per second over the pipeline runs. */
  articlesPerSecond: number;
}

function toTriple(e: CodedEvent): Triple {
  return { source: e.source?.code ?? null, target: e.target?.code ?? null, code: e.code };
}

/** The asserted events the pipeline codes for one gold record's text. */
export function predict(pipeline: Pipeline, record: GoldRecord): { events: CodedEvent[]; errors: string[] } {
  const article = newArticle({
    id: record.id,
    text: record.text,
    meta: { published: record.date, language: 'en' },
    provenance: { reader: 'eval.gold', input: 'gold', item: record.id },
  });
  const out = pipeline.run(article);
  // Gold is dyadic: a multilateral event counts as the pairwise events folded into it.
  const events = out.events.flatMap((e) => dyadicReading(e)).filter((e) => e.modality === 'asserted');
  return { events, errors: out.errors };
}

/**
 * Evaluates a pipeline on gold records.
 * @param pipeline defaults to the full default pipeline
 * @example
 *   const report = evaluate(readGold('test/gold/coder-dev.jsonl'));
 *   report.levels.code.f1
 */
export function evaluate(records: GoldRecord[], pipeline: Pipeline = createPipeline(defaultStages)): EvalReport {
  const totals: Record<Level, Counts> = { code: { tp: 0, fp: 0, fn: 0 }, root: { tp: 0, fp: 0, fn: 0 }, quad: { tp: 0, fp: 0, fn: 0 } };
  const rootCounts = new Map<string, Counts>();
  const bump = (root: string, k: keyof Counts) => {
    const c = rootCounts.get(root) ?? { tp: 0, fp: 0, fn: 0 };
    c[k] += 1;
    rootCounts.set(root, c);
  };
  const results: RecordResult[] = [];
  let predictedEvents = 0;
  let goldEvents = 0;
  let rootPairs = 0;
  let bothRight = 0;
  const t0 = performance.now();
  for (const record of records) {
    const { events, errors } = predict(pipeline, record);
    const predicted = events.map(toTriple);
    const gold = record.events.map((e) => ({ source: e.source ?? null, target: e.target ?? null, code: e.code }));
    predictedEvents += predicted.length;
    goldEvents += gold.length;
    const rc = roleCounts(predicted, gold);
    rootPairs += rc.rootPairs;
    bothRight += rc.bothRight;
    let byCode: ReturnType<typeof matchRecord> | null = null;
    for (const level of LEVELS) {
      const m = matchRecord(predicted, gold, level);
      totals[level] = addCounts(totals[level], m.counts);
      if (level === 'code') byCode = m;
      if (level === 'root') {
        for (const [, g] of m.truePositives) bump(g.code.slice(0, 2), 'tp');
        for (const p of m.falsePositives) bump(p.code.slice(0, 2), 'fp');
        for (const g of m.falseNegatives) bump(g.code.slice(0, 2), 'fn');
      }
    }
    results.push({
      id: record.id,
      text: record.text,
      gold,
      predicted,
      rules: events.map((e) => e.rule),
      falsePositives: byCode?.falsePositives ?? [],
      falseNegatives: byCode?.falseNegatives ?? [],
      errors,
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  const roots = [...rootCounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([root, c]) => ({ root, support: c.tp + c.fn, ...prf(c) }));
  return {
    records: records.length,
    goldEvents,
    predictedEvents,
    levels: { code: prf(totals.code), root: prf(totals.root), quad: prf(totals.quad) },
    roots,
    roles: { rootPairs, bothRight, share: rootPairs === 0 ? 0 : bothRight / rootPairs },
    results,
    articlesPerSecond: seconds > 0 ? records.length / seconds : 0,
  };
}
