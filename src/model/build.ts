/**
 * @module model/build
 * Test builders: an article made by hand from text, tokenised for real (no model beyond
 * wink's small English one), so that stage tests can start from exactly the layers they need.
 */
import { newArticle, type Article, type ArticleMeta } from './article.js';
import { splitSentences } from '../nlp/sentences/sentences.js';

let counter = 0;

/** An article with `text` and meta, not yet tokenised. */
export function buildArticle(text: string, meta: Partial<ArticleMeta> = {}): Article {
  counter += 1;
  return newArticle({ id: `test-${counter}`, text, meta: { language: 'en', ...meta } });
}

/** An article with sentences and tokens filled in. */
export function buildTokenizedArticle(text: string, meta: Partial<ArticleMeta> = {}): Article {
  const article = buildArticle(text, meta);
  const { sentences, tokens } = splitSentences(text);
  article.sentences = sentences;
  article.tokens = tokens;
  return article;
}
