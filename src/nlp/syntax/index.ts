/**
 * @module nlp/syntax
 * Stage nlp.syntax.v1: UD POS tags, heads and relations for the tokens of every sentence that
 * can carry an event, from the project's own tagger and transition-based parser (trained on UD
 * English EWT + GUM; scripts/train-syntax.ts). Later stages read the parse through `query.ts`.
 * Requires sentences, tokens and mentions; assigns syntax (columns of the token table).
 */
import { defineStage } from '../../pipeline/stage.js';
import type { SyntaxAnalyzer } from './analyzer.js';
import { syntaxAnalyzer } from './load.js';
import { parseArticle, type ParseSelection } from './parse-article.js';

export { SyntaxAnalyzer } from './analyzer.js';
export { syntaxAnalyzer, defaultModelPath } from './load.js';
export { parseArticle, sentencesToParse, type ParseSelection } from './parse-article.js';
export { syntaxOf, SyntaxQuery, type ClauseCues } from './query.js';

export interface SyntaxStageOptions {
  /** 'events' (default): only sentences with an actor mention, and pronoun-subject sentences after them; 'all': every sentence. */
  parse: ParseSelection;
  /** Another model file (default: data/syntax/en-ud.model.gz). */
  modelPath?: string;
}

export const syntaxStage = defineStage<SyntaxStageOptions>({
  name: 'nlp.syntax.v1',
  requires: ['sentences', 'tokens', 'mentions'],
  assigns: ['syntax'],
  create: (options = {}) => {
    const selection = options.parse ?? 'events';
    // Loaded on the first sentence to parse, so that start-up stays fast.
    let analyzer: SyntaxAnalyzer | null = null;
    const get = () => (analyzer ??= syntaxAnalyzer(options.modelPath));
    return (article) => parseArticle(article, get, selection);
  },
});
