/**
 * @module model/span
 * Offsets everywhere in Détente are half-open [start, end) UTF-16 code-unit indexes into
 * `article.text`, exactly what `text.slice(start, end)` takes. They are stored, never rebuilt.
 */

/** A stretch of the article text. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also carries its own words, for records read without the article at hand. */
export interface TextSpan extends Span {
  text: string;
}

/** Provenance of a derived record: which stage (dotted, versioned name) and which rule made it. */
export interface Via {
  stage: string;
  rule?: string;
}

/** Builds a TextSpan from the article text so that `text` always equals `source.slice(start, end)`. */
export function textSpan(source: string, start: number, end: number): TextSpan {
  return { start, end, text: source.slice(start, end) };
}
