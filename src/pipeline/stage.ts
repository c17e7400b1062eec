/**
 * @module pipeline/stage
 * A stage is a named, versioned factory: `create(options)` loads its resources once and
 * returns a pure function that adds layers to an article. `requires`/`assigns` name the
 * article layers it reads and writes, so the pipeline can check the order at start-up.
 */
import type { Article } from '../model/article.js';

export type Layer =
  | 'text'
  | 'meta'
  | 'sentences'
  | 'tokens'
  | 'mentions'
  | 'dates'
  | 'clauses'
  | 'quotes'
  /** Columns upos/head/deprel of the token table (nlp.syntax.v1), read through nlp/syntax/query. */
  | 'syntax'
  | 'events';

export type StageFn = (article: Article) => Article;

export interface StageDefinition<O = Record<string, unknown>> {
  /** Dotted, versioned name, e.g. "nlp.sentences.v1". Bump the version when the output changes. */
  name: string;
  requires: Layer[];
  assigns: Layer[];
  /** False for stages that only make sense on English text (everything after sentences). */
  anyLanguage?: boolean;
  create(options?: Partial<O>): StageFn;
}

export function defineStage<O = Record<string, unknown>>(definition: StageDefinition<O>): StageDefinition<O> {
  return definition;
}
