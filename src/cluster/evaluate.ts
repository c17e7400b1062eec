/**
 * @module cluster/evaluate
 * Precision and recall of "same event" on labelled pairs of reports. A report is named by its
 * article and the words of the article where the labeller saw the event (a verbatim quote,
 * compared with spaces collapsed), with the event's CAMEO root as a tie-break among the events
 * of one sentence, not by an event id or a character offset, so that the labels survive changes
 * to the coder, the sentence splitter and the text reader's clean-up. The articles are coded and
 * stored in a fresh store, in the order given, and a pair counts as linked when both reports end
 * up in one cluster (connected components, exactly as ingest builds them).
 */
import type { Article } from '../model/article.js';
import type { Store, EventRow } from '../store/store.js';
import { actorKey } from './link.js';
import { clusterRules } from './rules.js';

export interface ReportRef {
  article: string;
  /** Words of the sentence that carries the event, verbatim (at least four words). */
  quote: string;
  /** The event's CAMEO root as labelled, preferred when the sentence carries several events. */
  root?: string;
  /**
   * Its two sides as clustering compares them (a country, else the actor code), "IRN>USA". An
   * event of the quote's sentence that does not overlap the quote is taken only with these sides.
   */
  dyad?: string;
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
  /** Pairs where a quote is not in its article or no event is coded there (counted as not linked). */
  unmatched: number;
  /** The references behind them: quote not found in the article, or no event coded there. */
  unmatchedReports: ReportRef[];
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
    const ok = (r: ReportRef | undefined) =>
      typeof r?.article === 'string' && typeof r?.quote === 'string' && r.quote.trim().split(/\s+/).length >= 4 && (r.root === undefined || /^\d{2}$/.test(r.root)) && (r.dyad === undefined || /^[A-Z-]{3,}>[A-Z-]{3,}$/.test(r.dyad));
    if (!ok(value.a) || !ok(value.b) || typeof value.same !== 'boolean') {
      throw new Error(`${name}:${i + 1}: expected {a: {article, quote, root?, dyad?}, b: {article, quote, root?, dyad?}, same} with quotes of four words or more`);
    }
    pairs.push(value);
  });
  return pairs;
}

/** The text with each run of white space made one space, and a map back to the original offsets. */
function collapsed(text: string): { flat: string; offsets: number[] } {
  let flat = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += text[i];
    offsets.push(i);
  }
  return { flat, offsets };
}

/** Where `quote` lies in `text` (white space collapsed on both sides), or null. */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const { flat, offsets } = collapsed(text);
  const needle = quote.trim().replace(/\s+/g, ' ');
  const at = flat.indexOf(needle);
  if (at < 0) return null;
  return { start: offsets[at], end: offsets[at + needle.length - 1] + 1 };
}

/**
 * The event a reference names among `events` of its article: those whose evidence overlaps the
 * quote or, with the labelled sides, of the sentence where the quote starts; of these the ones with evidence inside the
 * quote first, then the labelled root, then the most evidence inside the quote, then the nearest.
 */
export function findReport(events: EventRow[], article: { text: string; sentences: { start: number; end: number }[] }, ref: ReportRef): EventRow | undefined {
  const span = locateQuote(article.text, ref.quote);
  if (span === null) return undefined;
  const sentence = article.sentences.findIndex((s) => s.start <= span.start && span.start < s.end);
  // The coder merges the mentions of one event within an article into its first report, so a
  // labelled report may be a later mention of an event (its \`mentions_of_event\`), not its evidence.
  const spanOverlap = (s: { start: number; end: number }) => Math.max(0, Math.min(s.end, span.end) - Math.max(s.start, span.start));
  const overlap = (e: EventRow) => Math.max(spanOverlap(e.evidence), ...(e.mentions_of_event ?? []).map(spanOverlap));
  const sides = (e: EventRow) => [actorKey(e.source), actorKey(e.target)];
  const dyadAgrees = (e: EventRow) => {
    if (ref.dyad === undefined) return true;
    const [a, b] = sides(e);
    // Either order only for roots whose two sides outlets name either way (meet, negotiate).
    return ref.dyad === `${a}>${b}` || (ref.dyad === `${b}>${a}` && clusterRules().symmetricRoots.has(e.root));
  };
  const candidates = events.filter((e) => overlap(e) > 0 || (e.sentence === sentence && dyadAgrees(e)));
  const rank = (e: EventRow) => [overlap(e) > 0 ? 0 : 1, ref.root !== undefined && e.code.startsWith(ref.root) ? 0 : 1, -overlap(e), Math.abs(e.evidence.start - span.start)];
  candidates.sort((x, y) => {
    const [a, b] = [rank(x), rank(y)];
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
  });
  return candidates[0];
}

/**
 * Stores the coded `articles` (in order) into `store` and scores the pairs against the clusters
 * the store built.
 */
export async function scoreLinks(pairs: LabelledPair[], articles: Article[], store: Store): Promise<LinkScores> {
  await store.putArticles(articles);
  const reports = new Map<string, { events: EventRow[]; text: string; sentences: { start: number; end: number }[] }>();
  for (const article of articles) {
    const { events } = await store.queryEvents({ articleId: article.id, modality: 'all', limit: 10_000 });
    reports.set(article.id, { events, text: article.text, sentences: article.sentences });
  }
  const clusterOf = (ref: ReportRef) => {
    const found = reports.get(ref.article);
    return found ? findReport(found.events, found, ref)?.cluster?.id : undefined;
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unmatched = 0;
  const errors: LinkScores['errors'] = [];
  const missing: ReportRef[] = [];
  for (const pair of pairs) {
    const [x, y] = [clusterOf(pair.a), clusterOf(pair.b)];
    if (x === undefined || y === undefined) unmatched += 1;
    for (const [ref, found] of [[pair.a, x], [pair.b, y]] as const) {
      if (found === undefined && !missing.some((m) => m.article === ref.article && m.quote === ref.quote)) missing.push(ref);
    }
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
    unmatchedReports: missing,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    errors,
  };
}
