/**
 * @module nlp/syntax/labels
 * The tag and relation inventories. Stored in the model file too; these are the defaults a
 * new model is trained with. Relations keep UD subtypes (nsubj:pass, obl:tmod, acl:relcl …)
 * that EWT and GUM use, because later stages read them.
 */
export const UPOS_TAGS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM',
  'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;

/** Collects the relations of a treebank, most frequent first, keeping those seen at least `min` times. */
export function relationInventory(deprels: Iterable<string>, min = 20): string[] {
  const counts = new Map<string, number>();
  for (const d of deprels) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([d]) => d);
}

/** Falls back from a rare subtype to its base relation ("obl:npmod" → "obl") when only the base is known. */
export function relationId(relations: readonly string[], deprel: string): number {
  let id = relations.indexOf(deprel);
  if (id < 0) {
    const colon = deprel.indexOf(':');
    if (colon > 0) id = relations.indexOf(deprel.slice(0, colon));
  }
  return id < 0 ? relations.indexOf('dep') : id;
}
