/**
 * @module nlp/wink
 * The one shared wink-nlp instance (English lite model). Loading the model takes ~100-250 ms,
 * so it is created lazily (model included), once per process, and shared by every stage that needs it.
 *
 * Determinism: wink-nlp remembers every out-of-vocabulary word it has read (its lexeme
 * cache) and its tokenizer asks that cache whether a piece of text is a known word before
 * splitting it. So "Poor's" was split into "Poor" + "'s" in one article, but kept whole in
 * the same article read after another that had ended a sentence with "Poor's." — an
 * article's tokens, and so its actors and events, depended on what the process had read
 * before. The instance made here answers the tokenizer's "is this a known word?" from the
 * model's own vocabulary only: every text is tokenized as if it were the first one read.
 */
import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';

type WinkNLP = ReturnType<typeof winkNLPType>;

/** The lexeme cache's methods that this module relies on (wink-nlp/src/cache.js). */
interface WinkCache {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
}
/** wink-nlp/src/dd-wrapper.js: wraps one document's raw data for the tokenizer. */
type DocDataWrapper = (data: { cache: WinkCache }) => unknown;

let instance: WinkNLP | null = null;

export function getWink(): WinkNLP {
  if (instance === null) {
    // The model is required here, not imported at the top: commands that read no text never pay for it.
    const model = createRequire(import.meta.url)('wink-eng-lite-web-model') as Parameters<typeof winkNLPType>[0];
    instance = loadWink()(model, ['sbd', 'pos', 'negation']);
  }
  return instance;
}

/** A view of the cache whose `lookup` knows only the model's own vocabulary. */
function modelVocabularyOnly(cache: WinkCache): WinkCache {
  const intrinsic = cache.intrinsicSize();
  const view = Object.create(cache) as WinkCache;
  view.lookup = (text: string) => {
    const found = cache.lookup(text);
    // A single index at or past the intrinsic size is a word learnt from earlier text.
    return found !== null && found.length === 1 && found[0] >= intrinsic ? null : found;
  };
  return view;
}

/**
 * Loads wink-nlp with its document-data wrapper (the tokenizer's only door to the cache)
 * wrapped so that the tokenizer's lookups see only the model's vocabulary. Everything else
 * (the cache's own bookkeeping, the feature extractors, the taggers) keeps the real cache,
 * so out-of-vocabulary words are still added and keep their features.
 */
function loadWink(): typeof winkNLPType {
  const require = createRequire(import.meta.url);
  const wrapperPath = require.resolve('wink-nlp/src/dd-wrapper.js');
  const winkPath = require.resolve('wink-nlp');
  const original = require(wrapperPath) as DocDataWrapper;
  const views = new WeakMap<WinkCache, WinkCache>();
  const wrapped: DocDataWrapper = (data) => {
    let view = views.get(data.cache);
    if (view === undefined) {
      view = modelVocabularyOnly(data.cache);
      views.set(data.cache, view);
    }
    // The wrapper reads tokens and writes non-breaking spaces through `data`: the same object underneath.
    const seen = Object.create(data) as { cache: WinkCache };
    seen.cache = view;
    return original(seen);
  };
  const cached = require.cache[wrapperPath];
  if (cached === undefined) throw new Error('wink-nlp: its document-data wrapper did not load');
  cached.exports = wrapped;
  // wink-nlp binds the wrapper when its main module is evaluated: evaluate it afresh.
  delete require.cache[winkPath];
  try {
    return require(winkPath) as typeof winkNLPType;
  } finally {
    cached.exports = original;
  }
}
