/**
 * @module eval/passages
 * Passage-labelled gold: each record is a passage with the one CAMEO code it illustrates
 * (`{id, code, text}`, as in the CAMEO manual's example passages) and no actors. A passage
 * counts as found at the root level when some asserted event coded from it has the passage's
 * root, and at the full-code level when some asserted event has exactly its code. The figures
 * are shares of passages, not precision and recall: the gold says nothing about other events
 * the passage may also carry.
 */
import type { CodedEvent } from '../model/event.js';
import { createPipeline, type Pipeline } from '../pipeline/run.js';
import { defaultStages } from '../pipeline/default-stages.js';
import { predict } from './evaluate.js';
import type { PassageRecord } from './gold.js';

export interface PassageResult {
  id: string;
  code: string;
  text: string;
  /** Codes of the asserted events the pipeline found, in order. */
  predicted: string[];
  rules: string[];
  rootFound: boolean;
  codeFound: boolean;
  errors: string[];
}

export interface PassageRootRow {
  root: string;
  passages: number;
  rootFound: number;
  codeFound: number;
}

export interface PassageReport {
  kind: 'passages';
  passages: number;
  rootFound: number;
  codeFound: number;
  /** Share of passages with an asserted event of the passage's root (0-1). */
  rootRate: number;
  /** Share of passages with an asserted event of the passage's full code (0-1). */
  codeRate: number;
  roots: PassageRootRow[];
  results: PassageResult[];
  articlesPerSecond: number;
}

/** Scores one passage's predicted events against its code. */
export function scorePassage(code: string, events: Pick<CodedEvent, 'code'>[]): { rootFound: boolean; codeFound: boolean } {
  const root = code.slice(0, 2);
  return {
    rootFound: events.some((e) => e.code.slice(0, 2) === root),
    codeFound: events.some((e) => e.code === code),
  };
}

/**
 * Runs the pipeline on each passage and reports the share of passages found at the root and
 * at the full-code level, overall and per root.
 */
export function evaluatePassages(records: PassageRecord[], pipeline: Pipeline = createPipeline(defaultStages)): PassageReport {
  const results: PassageResult[] = [];
  const t0 = performance.now();
  for (const record of records) {
    const { events, errors } = predict(pipeline, { id: record.id, date: record.date, text: record.text, events: [] });
    const { rootFound, codeFound } = scorePassage(record.code, events);
    results.push({
      id: record.id,
      code: record.code,
      text: record.text,
      predicted: events.map((e) => e.code),
      rules: events.map((e) => e.rule),
      rootFound,
      codeFound,
      errors,
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  const byRoot = new Map<string, PassageRootRow>();
  for (const r of results) {
    const root = r.code.slice(0, 2);
    const row = byRoot.get(root) ?? { root, passages: 0, rootFound: 0, codeFound: 0 };
    row.passages += 1;
    if (r.rootFound) row.rootFound += 1;
    if (r.codeFound) row.codeFound += 1;
    byRoot.set(root, row);
  }
  const rootFound = results.filter((r) => r.rootFound).length;
  const codeFound = results.filter((r) => r.codeFound).length;
  const n = results.length;
  return {
    kind: 'passages',
    passages: n,
    rootFound,
    codeFound,
    rootRate: n === 0 ? 0 : rootFound / n,
    codeRate: n === 0 ? 0 : codeFound / n,
    roots: [...byRoot.values()].sort((a, b) => a.root.localeCompare(b.root)),
    results,
    articlesPerSecond: seconds > 0 ? n / seconds : 0,
  };
}
