/**
 * @module nlp/wink
 * The one shared wink-nlp instance (English lite model). Loading the model takes ~100 ms,
 * so it is created lazily, once per process, and shared by every stage that needs it.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNLP = ReturnType<typeof winkNLP>;

let instance: WinkNLP | null = null;

export function getWink(): WinkNLP {
  if (instance === null) instance = winkNLP(model, ['sbd', 'pos', 'negation']);
  return instance;
}
