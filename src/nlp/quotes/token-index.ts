/**
 * @module nlp/quotes/token-index
 * Finding tokens by character offset in the columnar token table.
 */
import type { TokenTable } from '../../model/tokens.js';

/** Index of the first token that starts at or after `offset` (tokens.start.length if none). */
export function firstTokenFrom(tokens: TokenTable, offset: number): number {
  let lo = 0;
  let hi = tokens.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token that ends at or before `offset` (-1 if none). */
export function lastTokenBefore(tokens: TokenTable, offset: number): number {
  let lo = -1;
  let hi = tokens.start.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens.end[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
