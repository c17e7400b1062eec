/**
 * @module model/item-name
 * How users name one item of an input, in error messages and failure records: "a.txt",
 * "a.jsonl:3", "feed.xml item 2". Ingest (its ItemErrors) and processInputs (pipeline
 * failures) both use this one rule, so a failure reads the same whichever step reports it.
 */
import type { Provenance } from './article.js';

/** @example itemName({ reader: 'ingest.jsonl.v1', input: 'a.jsonl', item: 'line 12' }) // 'a.jsonl:12' */
export function itemName(provenance: Pick<Provenance, 'input' | 'item'>): string {
  if (!provenance.item) return provenance.input;
  const line = /^line (\d+)$/.exec(provenance.item);
  return line ? `${provenance.input}:${line[1]}` : `${provenance.input} ${provenance.item}`;
}
