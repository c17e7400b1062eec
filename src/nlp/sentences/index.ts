import { defineStage } from '../../pipeline/stage.js';
import { addSentences } from './sentences.js';

export { splitSentences } from './sentences.js';

/** Sentences and tokens (wink-nlp): requires text; assigns sentences and tokens. */
export const sentencesStage = defineStage({
  name: 'nlp.sentences.v1',
  requires: ['text'],
  assigns: ['sentences', 'tokens'],
  create: () => addSentences,
});
