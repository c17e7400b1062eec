/**
 * @module nlp/syntax/load
 * The shipped model, read on first use (not at start-up: a run whose articles carry no event
 * never pays for it) and shared by every pipeline of the process.
 */
import { fileURLToPath } from 'node:url';
import { SyntaxAnalyzer } from './analyzer.js';
import { readModel } from './model-io.js';

export function defaultModelPath(): string {
  return fileURLToPath(new URL('../../../data/syntax/en-ud.model.gz', import.meta.url));
}

const analyzers = new Map<string, SyntaxAnalyzer>();

/** The analyzer for the model at `path` (default: the shipped one), loaded once per process. */
export function syntaxAnalyzer(path = defaultModelPath()): SyntaxAnalyzer {
  let analyzer = analyzers.get(path);
  if (!analyzer) {
    analyzer = new SyntaxAnalyzer(readModel(path));
    analyzers.set(path, analyzer);
  }
  return analyzer;
}
