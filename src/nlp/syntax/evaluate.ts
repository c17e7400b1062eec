/**
 * @module nlp/syntax/evaluate
 * UPOS accuracy and attachment scores (UAS, LAS) of a model on treebank sentences, over all
 * syntactic words including punctuation (as the CoNLL 2018 shared task scores them).
 */
import { SyntaxAnalyzer } from './analyzer.js';
import type { TreebankSentence } from './conllu.js';
import type { SyntaxModel } from './model-io.js';
import { rangesOf } from './words.js';

export interface SyntaxScores {
  words: number;
  upos: number;
  uas: number;
  las: number;
}

/** Scores in percent. Relations are compared in full (nsubj:pass ≠ nsubj), as the UD evaluation does. */
export function evaluateSyntax(model: SyntaxModel | SyntaxAnalyzer, sentences: readonly TreebankSentence[]): SyntaxScores {
  const analyzer = model instanceof SyntaxAnalyzer ? model : new SyntaxAnalyzer(model);
  const { tags, relations } = analyzer.model;
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  for (const s of sentences) {
    analyzer.analyze(rangesOf(s.forms));
    for (let i = 0; i < s.forms.length; i++) {
      words++;
      if (tags[analyzer.tags[i]] === s.upos[i]) upos++;
      if (analyzer.output.heads[i] === s.heads[i]) {
        uas++;
        if (relations[analyzer.output.labels[i]] === s.deprels[i]) las++;
      }
    }
  }
  const pct = (x: number) => (words === 0 ? 0 : (100 * x) / words);
  return { words, upos: pct(upos), uas: pct(uas), las: pct(las) };
}
