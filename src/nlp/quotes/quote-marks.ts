/**
 * @module nlp/quotes/quote-marks
 * Pairs quotation marks into quoted stretches: curly double (“ ”), curly single (‘ ’),
 * straight double (") and straight single ('), with apostrophes told apart from marks by
 * their neighbours. A quote may run over several sentences, and over paragraphs in the news
 * convention: a paragraph that leaves its quote open and the next one that opens with a
 * mark again continue the same quote. Marks inside an open quote of another kind are nested
 * quotes and are left alone.
 */

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
}

type Family = 'double' | 'single';

const WORD = /[\p{L}\p{N}]/u;

function isOpening(text: string, i: number): Family | null {
  const c = text[i];
  if (c === '“') return 'double';
  const before = i === 0 ? ' ' : text[i - 1];
  const after = text[i + 1] ?? ' ';
  if (c === '"') return WORD.test(before) && !WORD.test(after) ? null : 'double';
  // A single mark opens only at a word start ("‘no’"), never inside a word ("don’t", "Putin’s").
  if ((c === '‘' || c === "'") && !WORD.test(before) && WORD.test(after)) return 'single';
  return null;
}

function isClosing(text: string, i: number, family: Family): boolean {
  const c = text[i];
  if (family === 'double') return c === '”' || c === '"';
  if (c !== '’' && c !== "'") return false;
  const after = text[i + 1] ?? ' ';
  return !WORD.test(after);
}

/** All quoted stretches in text order (marks included in [open, close]). */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let family: Family | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && open >= 0) {
      // News style: an open quote continues if the next paragraph opens with a mark again.
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (j < text.length && isOpening(text, j) === family) {
        i = j;
        continue;
      }
      open = -1;
      family = null;
      continue;
    }
    if (open < 0) {
      const opening = isOpening(text, i);
      if (opening) {
        open = i;
        family = opening;
      }
      continue;
    }
    if (family && isClosing(text, i, family)) {
      if (i > open + 1) spans.push({ open, close: i });
      open = -1;
      family = null;
    }
  }
  return spans;
}
