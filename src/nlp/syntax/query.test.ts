import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import type { Article } from '../../model/article.js';
import { tokenText } from '../../model/tokens.js';
import { syntaxAnalyzer } from './load.js';
import { parseArticle } from './parse-article.js';
import { syntaxOf } from './query.js';

function parsed(text: string): { article: Article; at: (word: string, nth?: number) => number; word: (i: number) => string } {
  const article = parseArticle(buildTokenizedArticle(text), () => syntaxAnalyzer(), 'all');
  const at = (word: string, nth = 0) => {
    let seen = 0;
    for (let i = 0; i < article.tokens.start.length; i++) {
      if (tokenText(text, article.tokens, i) === word && seen++ === nth) return i;
    }
    throw new Error(`no token "${word}" in: ${text}`);
  };
  const word = (i: number) => (i < 0 ? '<none>' : tokenText(text, article.tokens, i));
  return { article, at, word };
}

describe('syntax query API on parsed sentences', () => {
  it('finds subject, object and obliques by preposition', () => {
    const { article, at, word } = parsed('Israel will supply arms to Ukraine.');
    const q = syntaxOf(article);
    const verb = at('supply');
    expect(word(q.subject(verb))).toBe('Israel');
    expect(word(q.object(verb))).toBe('arms');
    expect(q.obliques(verb, 'to').map(word)).toEqual(['Ukraine']);
    expect(q.obliques(verb, 'against')).toEqual([]);
    expect(q.preposition(at('Ukraine'))).toBe('to');
  });

  it('finds a target phrase the parser hung on the object when asked to', () => {
    const { article, at, word } = parsed('Russia fired ten missiles at Ukraine on Monday.');
    const q = syntaxOf(article);
    const verb = at('fired');
    expect(q.obliques(verb, 'at', { viaObject: true }).map(word)).toEqual(['Ukraine']);
    expect(q.isPassive(verb)).toBe(false);
    expect(q.deprel(at('Russia'))).toBe('nsubj');
  });

  it('reads a passive with its by-agent', () => {
    const { article, at, word } = parsed('The embassy was attacked by protesters on Sunday.');
    const q = syntaxOf(article);
    const verb = at('attacked');
    expect(q.isPassive(verb)).toBe(true);
    expect(word(q.subject(verb))).toBe('embassy');
    expect(word(q.passiveAgent(verb))).toBe('protesters');
    // Asking through the auxiliary means the predicate.
    expect(word(q.subject(at('was')))).toBe('embassy');
  });

  it('keeps the subject of an embedded clause apart from the main one', () => {
    const { article, at, word } = parsed('Trump denied that any of his associates had contacts with Moscow.');
    const q = syntaxOf(article);
    expect(word(q.subject(at('denied')))).toBe('Trump');
    expect(word(q.subject(at('had')))).toBe('any');
    expect(q.clauseOf(at('Moscow'))).toBe(at('had'));
    expect(q.parentClause(at('had'))).toBe(at('denied'));
  });

  it('finds conjuncts and the subject shared by conjoined verbs', () => {
    const { article, at, word } = parsed('Russia and China signed a treaty and opened talks with India.');
    const q = syntaxOf(article);
    expect(q.conjuncts(at('Russia')).map(word)).toEqual(['China']);
    expect(word(q.subject(at('opened')))).toBe('Russia');
  });

  it('gives an open complement the controller as subject and the intention as a cue', () => {
    const { article, at, word } = parsed('Iran threatened to close the Strait of Hormuz.');
    const q = syntaxOf(article);
    const close = at('close');
    expect(word(q.subject(close))).toBe('Iran');
    expect(q.cues(q.clauseOf(close)).intention).toBe('threaten');
    expect(q.cues(q.clauseOf(at('threatened'))).intention).toBeNull();
  });

  it('reads negation and modals on the clause they govern', () => {
    const { article, at } = parsed('Israel would not attack Iran, but Iran attacked Israel.');
    const q = syntaxOf(article);
    const first = q.cues(q.clauseOf(at('attack')));
    expect(first.negated).toBe(true);
    expect(first.modal).toBe('would');
    const second = q.cues(q.clauseOf(at('attacked')));
    expect(second.negated).toBe(false);
    expect(second.modal).toBeNull();
  });

  it('reads conditions, futures and questions', () => {
    const a = parsed('If Russia invades Ukraine, NATO will respond.');
    const qa = syntaxOf(a.article);
    expect(qa.cues(a.at('invades')).condition).toBe('if');
    expect(qa.cues(a.at('respond')).condition).toBeNull();
    expect(qa.cues(a.at('respond')).future).toBe(true);
    const b = parsed('Will the two leaders meet in Geneva?');
    const qb = syntaxOf(b.article);
    expect(qb.cues(qb.clauseOf(b.at('meet'))).question).toBe(true);
  });

  it('answers nothing for tokens of unparsed sentences', () => {
    const article = buildTokenizedArticle('Nothing here was parsed.');
    const q = syntaxOf(article);
    expect(q.parsed(0)).toBe(false);
    expect(q.subject(2)).toBe(-1);
    expect(q.children(2)).toEqual([]);
    expect(q.cues(2).negated).toBe(false);
  });
});
