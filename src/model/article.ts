/**
 * @module model/article
 * The one document that flows through Détente. Ingest creates it with its clean `text`;
 * every later stage only adds layers. `text` never changes after ingest.
 */
import type { DetenteError } from '../errors.js';
import type { Mention } from './mention.js';
import type { CodedEvent } from './event.js';
import type { Quote } from './quote.js';
import type { Clause, DateExpression } from './time.js';
import type { TokenTable } from './tokens.js';
import { emptyTokenTable } from './tokens.js';

export interface ArticleMeta {
  title: string | null;
  author: string | null;
  /** Publisher or site name. */
  source: string | null;
  url: string | null;
  /** "YYYY-MM-DD". */
  published: string | null;
  /** ISO 639-1 code, or null when it could not be told. */
  language: string | null;
}

/** Where the article came from, so that a stored event traces back to its input. */
export interface Provenance {
  /** The input format reader that produced it, e.g. "ingest.html.v1". */
  reader: string;
  /** File path, URL or "-" for standard input. */
  input: string;
  /** Which item within the input: "line 12", "item 3", "record 7" (null for whole-file inputs). */
  item: string | null;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd) in article.tokens. */
  tokenStart: number;
  tokenEnd: number;
}

export interface StageStamp {
  version: string;
  ms: number;
}

export interface Article {
  id: string;
  text: string;
  meta: ArticleMeta;
  provenance: Provenance;
  sentences: Sentence[];
  tokens: TokenTable;
  mentions: Mention[];
  dates: DateExpression[];
  clauses: Clause[];
  quotes: Quote[];
  events: CodedEvent[];
  /** Problems with this article; the run goes on. */
  errors: string[];
  /** The same problems as typed errors with codes (e.g. StageError), for callers that act on them; not written out. */
  failures?: DetenteError[];
  /** Informational notes, e.g. "not coded: language de". */
  notes: string[];
  /** Which stages ran, with their versions and time taken. */
  stamps: Record<string, StageStamp>;
}

/** A fresh article with no layers yet. */
export function newArticle(init: {
  id: string;
  text: string;
  meta?: Partial<ArticleMeta>;
  provenance?: Partial<Provenance>;
}): Article {
  return {
    id: init.id,
    text: init.text,
    meta: {
      title: null,
      author: null,
      source: null,
      url: null,
      published: null,
      language: null,
      ...init.meta,
    },
    provenance: { reader: 'unknown', input: '-', item: null, ...init.provenance },
    sentences: [],
    tokens: emptyTokenTable(),
    mentions: [],
    dates: [],
    clauses: [],
    quotes: [],
    events: [],
    errors: [],
    notes: [],
    stamps: {},
  };
}
