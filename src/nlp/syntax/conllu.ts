/**
 * @module nlp/syntax/conllu
 * Reads CoNLL-U treebank files (plain or gzipped) into sentences of syntactic words. Multiword
 * token lines ("3-4 don't") and empty nodes ("8.1") carry no head and are skipped: the parser
 * works on the syntactic words ("do", "n't"), as the pipeline's tokens are mapped to them.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface TreebankSentence {
  id: string;
  forms: string[];
  upos: string[];
  /** Head of word i as a 0-based index, or -1 for the root. */
  heads: Int32Array;
  deprels: string[];
}

/** Parses CoNLL-U text; `source` names the input in error messages. */
export function parseConllu(text: string, source = 'conllu'): TreebankSentence[] {
  const sentences: TreebankSentence[] = [];
  let id = '';
  let forms: string[] = [];
  let upos: string[] = [];
  let heads: number[] = [];
  let deprels: string[] = [];
  const flush = () => {
    if (forms.length > 0) sentences.push({ id, forms, upos, heads: Int32Array.from(heads), deprels });
    id = '';
    forms = [];
    upos = [];
    heads = [];
    deprels = [];
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line === '' || line === '\r') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      if (line.startsWith('# sent_id = ')) id = line.slice(12).trim();
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8) throw new Error(`${source}: line ${n + 1} has ${cols.length} columns, expected 10`);
    const first = cols[0];
    if (first.includes('-') || first.includes('.')) continue;
    forms.push(cols[1]);
    upos.push(cols[3]);
    heads.push(Number(cols[6]) - 1);
    deprels.push(cols[7]);
  }
  flush();
  return sentences;
}

/** Reads a `.conllu` or `.conllu.gz` file. */
export function readConllu(path: string): TreebankSentence[] {
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return parseConllu(text, path);
}
