/**
 * @module nlp/actors/exclusions
 * Text that names people and organizations who are not actors of the news: photo and
 * agency credits ("Photo: John Smith/AFP"), the byline and its author, and the publisher an
 * expert talks to ("told Reuters", "in an interview with CNN").
 */
import type { Article } from '../../model/article.js';
import { foldKey } from './text-key.js';

const CREDIT_START = /^\s*[(\[]?\s*(?:(?:top|main|lead|file|cover)\s+)?(photo|photos|photograph|photographs|photography|image|images|picture|pictures|credit|credits|video|graphic|graphics|illustration|caption|reporting|additional reporting|writing|text|words|editing|edited|compiled|produced)(\s+(credit|credits|courtesy))?\s*(by\b|:|\||—|-)/i;
const AGENCIES = '(AFP|Reuters|AP|Getty Images|Getty|EPA|EPA-EFE|TASS|Sputnik|Bloomberg|Anadolu|Xinhua|Shutterstock|Alamy|Pool)';
// "John Smith/AFP", "Reuters/Pavel Rebrov", "© Getty", "via Reuters" anywhere; "(AFP)" only closing the line, since
// "MOSCOW (Reuters) - Russia said ..." is a dateline before real news.
const AGENCY_CREDIT = new RegExp(`(\\/|©|\\bvia\\s)\\s*${AGENCIES}\\b|\\b${AGENCIES}\\s*\\/\\s*\\p{Lu}|\\(\\s*${AGENCIES}[^)]*\\)\\s*\\.?\\s*$`, 'u');
const BYLINE = /^\s*by\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,3}\s*(,|$|and\s)/iu;

/** True when sentence `si` is a photo/agency credit or a byline, whose names are never actors. */
export function isCreditSentence(article: Article, si: number): boolean {
  const s = article.sentences[si];
  const text = article.text.slice(s.start, s.end);
  if (CREDIT_START.test(text)) return true;
  if (AGENCY_CREDIT.test(text) && text.split(/\s+/).length <= 14) return true;
  return BYLINE.test(text) && text.split(/\s+/).length <= 10;
}

/** "told this reporter, Tom Brennan": the name after these words is the article's author. */
export function isReporterApposition(before: string[]): boolean {
  const [w1, w2, w3] = [before[before.length - 1], before[before.length - 2], before[before.length - 3]];
  return w1 === ',' && (w2 === 'reporter' || w2 === 'correspondent' || w2 === 'journalist' || w2 === 'writer') && (w3 === 'this' || w3 === 'our' || w3 === 'your');
}

/** Folded names (full and surname) of the article's authors, to drop their mentions. */
export function authorNames(article: Article): Set<string> {
  const out = new Set<string>();
  const author = article.meta.author;
  if (!author) return out;
  for (const part of author.split(/\s*(?:,|;|\band\b|&)\s*/)) {
    const name = foldKey(part.replace(/^by\s+/i, ''));
    if (name.split(' ').length < 2) continue;
    out.add(name);
    out.add(name.split(' ').pop()!);
  }
  return out;
}

/**
 * Words before an organization that make it the publisher of an interview rather than an actor:
 * "told [the] X", "in an interview with [the] X", "according to X", "speaking to X".
 * `before` holds the folded tokens before the organization (nearest last), determiners removed.
 */
export function isPublisherContext(before: string[]): boolean {
  const [w1, w2, w3] = [before[before.length - 1], before[before.length - 2], before[before.length - 3]];
  if (w1 === undefined) return false;
  if (w1 === 'told' || w1 === 'tells' || w1 === 'telling') return true;
  if (w1 === 'to' && (w2 === 'according' || w2 === 'speaking' || w2 === 'talking' || w2 === 'spoke' || w2 === 'said' || w2 === 'wrote')) return true;
  if (w1 === 'with' && (w2 === 'interview' || w2 === 'interviews' || (w2 === 'spoke' && w3 !== undefined))) return true;
  if ((w1 === 'on' || w1 === 'in') && (w2 === 'wrote' || w2 === 'writing' || w2 === 'appeared')) return true;
  return false;
}
