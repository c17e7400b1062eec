/**
 * @module model/tokens
 * Tokens are stored column-wise (one array per attribute) rather than one object per token:
 * a 1,000-word article has ~1,200 tokens, and the coder reads them many times.
 */

/** Column-wise token table; index i across every column describes token i. */
export interface TokenTable {
  /** Character offset where token i starts in article.text. */
  start: Int32Array;
  /** Character offset where token i ends (exclusive). */
  end: Int32Array;
  /** Universal POS tag (NOUN, PROPN, VERB, AUX, ADP, DET, PRON, ADJ, ADV, PUNCT, NUM, CCONJ, SCONJ, PART, ...). */
  pos: string[];
  /** Lower-case lemma ("expelled" -> "expel"). */
  lemma: string[];
  /** Lower-case surface form. */
  normal: string[];
  /** Index of the sentence that holds token i. */
  sentence: Int32Array;
  /** True where the tagger marks the token as negated (wink's negation flag) — a hint, not a verdict. */
  negated: Uint8Array;
  /**
   * Syntax (stage nlp.syntax.v1; absent before it runs). Universal POS tag from the project's own
   * tagger, or '' where the sentence was not parsed. `pos` above stays wink's tag.
   */
  upos?: string[];
  /** Token index (article-wide) of the syntactic head; ROOT_HEAD (-1) for a sentence root, NOT_PARSED (-2) where not parsed. */
  head?: Int32Array;
  /** Universal Dependencies relation to the head (nsubj, obj, obl, nsubj:pass …), '' where not parsed. */
  deprel?: string[];
}

/** `head` value of a sentence's root. */
export const ROOT_HEAD = -1;
/** `head` value of a token whose sentence was not parsed. */
export const NOT_PARSED = -2;

export function tokenCount(tokens: TokenTable): number {
  return tokens.start.length;
}

export function tokenText(text: string, tokens: TokenTable, i: number): string {
  return text.slice(tokens.start[i], tokens.end[i]);
}

/** An empty table, for articles that were not analysed (non-English, empty). */
export function emptyTokenTable(): TokenTable {
  return {
    start: new Int32Array(0),
    end: new Int32Array(0),
    pos: [],
    lemma: [],
    normal: [],
    sentence: new Int32Array(0),
    negated: new Uint8Array(0),
  };
}
