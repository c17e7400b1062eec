/**
 * @module nlp/syntax/test-sets
 * The evaluation sets of the treebank folder (../shared/treebank): EWT, GUM (both licence
 * groups together) and GUM's news documents alone, for the test or the dev split.
 */
import { join } from 'node:path';
import { readConllu, type TreebankSentence } from './conllu.js';

export interface SyntaxTestSet {
  name: string;
  sentences: TreebankSentence[];
}

export function syntaxTestSets(treebank: string, split: 'test' | 'dev'): SyntaxTestSet[] {
  const ewt = readConllu(join(treebank, `en_ewt-ud-${split}.conllu.gz`));
  const gum = [...readConllu(join(treebank, `gum-ccby-${split}.conllu.gz`)), ...readConllu(join(treebank, `gum-ccbysa-${split}.conllu.gz`))];
  return [
    { name: `EWT ${split}`, sentences: ewt },
    { name: `GUM ${split}`, sentences: gum },
    { name: `GUM ${split} news`, sentences: gum.filter((s) => s.id.startsWith('GUM_news_')) },
  ];
}
