/**
 * @module nlp/syntax/analyzer
 * Tagger and parser together: words in, UPOS tags, heads and relations out. Reuses its buffers,
 * so analysing a sentence allocates nothing once the longest sentence has been seen.
 */
import type { SyntaxModel } from './model-io.js';
import { ParseOutput, Parser } from './parser.js';
import { Tagger } from './tagger.js';
import { WordHashes, type WordRanges } from './words.js';

export class SyntaxAnalyzer {
  readonly model: SyntaxModel;
  readonly tagger: Tagger;
  readonly parser: Parser;
  readonly words = new WordHashes();
  /** Tag ids of the last sentence (index into model.tags). */
  tags = new Uint8Array(0);
  readonly output = new ParseOutput();

  constructor(model: SyntaxModel) {
    this.model = model;
    this.tagger = new Tagger(model.tagger, model.tags, model.tagDictionary);
    // The model names its parser feature set; older ones did not: with a tag dictionary they used the second.
    const named = model.info.featureSet;
    const featureSet = typeof named === 'number' ? named : model.tagDictionary ? 2 : 1;
    this.parser = new Parser(model.actions, model.labels, model.relations, model.tags.length, featureSet);
  }

  /** Tags and parses one sentence; results are in `tags`, `output.heads` (-1 = root) and `output.labels`. */
  analyze(sentence: WordRanges): void {
    this.words.fill(sentence);
    if (this.tags.length < sentence.length) this.tags = new Uint8Array(Math.max(sentence.length, 64));
    this.tagger.tag(this.words, this.tags);
    this.parser.parse(this.words, this.tags, this.output);
  }
}
