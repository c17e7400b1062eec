/**
 * Test helpers for the coder: articles tokenised for real, with actor and place mentions
 * added by hand (the language layer is tested on its own), so coder tests do not depend on it.
 */
import { buildTokenizedArticle } from '../../src/model/build.js';
import type { Article } from '../../src/model/article.js';
import type { Mention } from '../../src/model/mention.js';
import { codeEvents, loadCoderResources, type CoderOptions } from '../../src/coder/index.js';
import { parseArticle, syntaxAnalyzer } from '../../src/nlp/syntax/index.js';

const INTERNATIONAL = /^(IGO|NGO|IMG|MNC|NGM|INT)/;

/** An actor mention of `code` at every occurrence of `surface` (whole words). */
function mentionsOf(article: Article, surface: string, code: string, kind: Mention['kind'] = 'country', extra: Partial<Mention> = {}): Mention[] {
  const out: Mention[] = [];
  const re = new RegExp(`(?<![\\w])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  for (const m of article.text.matchAll(re)) {
    const start = m.index ?? 0;
    const end = start + surface.length;
    const sentence = article.sentences.findIndex((s) => start >= s.start && start < s.end);
    const country = INTERNATIONAL.test(code) || code === '' ? null : code.slice(0, 3);
    out.push({
      start, end, text: surface, kind, code: code === '' ? null : code, country,
      role: code.length >= 6 && country !== null ? code.slice(3, 6) : null,
      name: surface, sentence, via: { stage: 'test' }, ...extra,
    });
  }
  return out;
}

/**
 * @param actors surface text → CAMEO actor code ("Moscow": "RUSGOV")
 * @param places surface text → country code (location mentions)
 */
export function articleWith(text: string, actors: Record<string, string>, places: Record<string, string> = {}, published = '2018-03-30'): Article {
  const article = buildTokenizedArticle(text, { published });
  const mentions: Mention[] = [];
  for (const [surface, code] of Object.entries(actors)) mentions.push(...mentionsOf(article, surface, code));
  for (const [surface, country] of Object.entries(places)) {
    mentions.push(...mentionsOf(article, surface, '', 'location', { country, lat: 1, lon: 2 }));
  }
  mentions.sort((a, b) => a.start - b.start);
  article.mentions = mentions;
  return article;
}

const resources = loadCoderResources();

/** Codes an article with the packaged patterns, after parsing it as the pipeline does (the coder reads modality from the parse). */
export function code(article: Article, options: Partial<CoderOptions> = {}): Article {
  if (article.tokens.head === undefined) parseArticle(article, () => syntaxAnalyzer(), 'events');
  return codeEvents(article, resources, options);
}

/** "SRC>TGT:CODE" strings of the asserted events (or of all events with `all`). */
export function triples(article: Article, all = false): string[] {
  return article.events
    .filter((e) => all || e.modality === 'asserted')
    .map((e) => `${e.source?.code ?? '-'}>${e.target?.code ?? '-'}:${e.code}`);
}
