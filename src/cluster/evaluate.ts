/**
 * @module cluster/evaluate
 * Precision and recall of "same event" on labelled pairs of reports. A report is named by its
 * article and a character offset in the article's text (where the labeller saw the event), not
 * by an event id, so that the labels survive changes to the coder. The articles are coded and
 * stored in a fresh store, in the order given, and a pair counts as linked when both reports end
 * up in one cluster (connected components, exactly as ingest builds them).
 */
import type { Article } from '../model/article.js';
import type { Store, EventRow } from '../store/store.js';

export interface ReportRef {
  article: string;
  /** An offset inside the sentence that carries the event. */
  at: number;
}

export interface LabelledPair {
  a: ReportRef;
  b: ReportRef;
  /** True: two reports of one happening. False: similar, but two happenings. */
  same: boolean;
  note?: string;
}

export interface LinkScores {
  pairs: number;
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Pairs where the coder no longer finds an event at a labelled offset (counted as not linked). */
  unmatched: number;
  precision: number;
  recall: number;
  f1: number;
  /** The pairs decided wrongly, for reading. */
  errors: { pair: LabelledPair; linked: boolean }[];
}

/** Parses the JSONL of labelled pairs, naming the line of anything malformed. */
export function parsePairs(text: string, name: string): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const value = JSON.parse(line) as LabelledPair;
    const ok = (r: ReportRef | undefined) => typeof r?.article === 'string' && Number.isInteger(r?.at);
    if (!ok(value.a) || !ok(value.b) || typeof value.same !== 'boolean') throw new Error(`${name}:${i + 1}: expected {a: {article, at}, b: {article, at}, same}`);
    pairs.push(value);
  });
  return pairs;
}

/** The event of `article` whose sentence holds `at` (the nearest evidence when several do). */
export function findReport(events: EventRow[], sentences: { start: number; end: number }[], at: number): EventRow | undefined {
  const sentence = sentences.findIndex((s) => s.start <= at && at < s.end);
  const candidates = events.filter((e) => e.sentence === sentence || (e.evidence.start <= at && at < e.evidence.end));
  candidates.sort((x, y) => Math.abs(x.evidence.start - at) - Math.abs(y.evidence.start - at));
  return candidates[0];
}

/**
 * Stores the coded `articles` (in order) into `store` and scores the pairs against the clusters
 * the store built.
 */
export async function scoreLinks(pairs: LabelledPair[], articles: Article[], store: Store): Promise<LinkScores> {
  await store.putArticles(articles);
  const reports = new Map<string, { events: EventRow[]; sentences: { start: number; end: number }[] }>();
  for (const article of articles) {
    const { events } = await store.queryEvents({ articleId: article.id, modality: 'all', limit: 10_000 });
    reports.set(article.id, { events, sentences: article.sentences });
  }
  const clusterOf = (ref: ReportRef) => {
    const found = reports.get(ref.article);
    return found ? findReport(found.events, found.sentences, ref.at)?.cluster?.id : undefined;
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unmatched = 0;
  const errors: LinkScores['errors'] = [];
  for (const pair of pairs) {
    const [x, y] = [clusterOf(pair.a), clusterOf(pair.b)];
    if (x === undefined || y === undefined) unmatched += 1;
    const linked = x !== undefined && x === y;
    if (linked && pair.same) tp += 1;
    else if (linked) fp += 1;
    else if (pair.same) fn += 1;
    if (linked !== pair.same) errors.push({ pair, linked });
  }
  const positives = pairs.filter((p) => p.same).length;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = positives === 0 ? 0 : tp / positives;
  return {
    pairs: pairs.length,
    positives,
    negatives: pairs.length - positives,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    unmatched,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    errors,
  };
}
