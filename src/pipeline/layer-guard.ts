/**
 * @module pipeline/layer-guard
 * Enforces layer declarations while a pipeline runs in checking mode (`createPipeline(…, { checkLayers:
 * true })`, used by the tests): each stage sees the article through a proxy that throws when the
 * stage reads or writes a layer it did not declare in `requires` or `assigns`. `analyzeStages`
 * checks the order at start-up; this checks that the declarations are complete, so the order
 * check means something. Off by default: a proxy on every access costs time.
 */
import type { Article } from '../model/article.js';
import type { Layer, StageDefinition } from './stage.js';

/** Article fields that are layers (checked); other fields (id, provenance, errors, notes, stamps) are free. */
/** `text` is not listed: every offset of every layer points into it, so any stage may read it. */
const ARTICLE_LAYERS: Record<string, Layer> = {
  meta: 'meta',
  sentences: 'sentences',
  tokens: 'tokens',
  mentions: 'mentions',
  dates: 'dates',
  clauses: 'clauses',
  quotes: 'quotes',
  events: 'events',
};
/** Token-table columns that belong to the syntax layer rather than to tokens. */
const TOKEN_LAYERS: Record<string, Layer> = { upos: 'syntax', head: 'syntax', deprel: 'syntax' };

export class LayerViolation extends Error {}

/** The article as `def` may see it: every undeclared layer access throws a LayerViolation. */
export function guardLayers(article: Article, def: StageDefinition<any>): Article {
  const allowed = new Set<Layer>([...def.requires, ...def.assigns]);
  const check = (layer: Layer, field: string, how: string) => {
    if (!allowed.has(layer)) {
      throw new LayerViolation(`stage ${def.name} ${how} ${field} (layer "${layer}") without declaring "${layer}" in requires or assigns`);
    }
  };
  let tokensProxy: object | null = null;
  let tokensTarget: object | null = null;
  return new Proxy(article, {
    get(target, key, receiver) {
      const layer = typeof key === 'string' ? ARTICLE_LAYERS[key] : undefined;
      if (layer) check(layer, `article.${String(key)}`, 'reads');
      const value = Reflect.get(target, key, receiver);
      if (key === 'tokens' && value && typeof value === 'object') {
        if (tokensTarget !== value) {
          tokensTarget = value;
          tokensProxy = new Proxy(value, {
            get(t, k, r) {
              const column = typeof k === 'string' ? TOKEN_LAYERS[k] : undefined;
              if (column) check(column, `tokens.${String(k)}`, 'reads');
              return Reflect.get(t, k, r);
            },
            set(t, k, v, r) {
              const column = typeof k === 'string' ? TOKEN_LAYERS[k] : undefined;
              if (column) check(column, `tokens.${String(k)}`, 'writes');
              return Reflect.set(t, k, v, r);
            },
          });
        }
        return tokensProxy;
      }
      return value;
    },
    set(target, key, value, receiver) {
      const layer = typeof key === 'string' ? ARTICLE_LAYERS[key] : undefined;
      if (layer) check(layer, `article.${String(key)}`, 'writes');
      return Reflect.set(target, key, value, receiver);
    },
  });
}
