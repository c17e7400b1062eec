/**
 * @module nlp/quotes/speech-verbs
 * Verbs that introduce speech, by lemma. Two lists: every speech verb may attribute a
 * direct quote; only verbs that take a that-clause report speech without quote marks
 * ("X warned that ..."). "tell" takes its hearer as object, so the words after "told" are
 * never the speaker ("told Reuters").
 */

export const SPEECH_LEMMAS = new Set([
  'say', 'tell', 'add', 'state', 'note', 'warn', 'insist', 'argue', 'claim', 'explain', 'declare',
  'announce', 'write', 'tweet', 'ask', 'reply', 'respond', 'continue', 'conclude', 'stress',
  'emphasize', 'emphasise', 'comment', 'remark', 'observe', 'acknowledge', 'admit', 'suggest',
  'recall', 'complain', 'predict', 'promise', 'urge', 'caution', 'quip', 'confirm', 'deny',
  'assert', 'allege', 'maintain', 'concede', 'contend', 'report', 'answer', 'shout', 'post',
]);

/** Speech verbs that report a clause without quote marks ("X said the talks failed"). */
export const REPORTING_LEMMAS = new Set([
  'say', 'tell', 'add', 'state', 'note', 'warn', 'insist', 'argue', 'claim', 'explain', 'declare',
  'announce', 'write', 'tweet', 'stress', 'emphasize', 'emphasise', 'acknowledge', 'admit',
  'suggest', 'predict', 'confirm', 'deny', 'assert', 'allege', 'maintain', 'concede',
  'contend', 'report', 'complain', 'caution',
]);

/** Verbs whose object is the hearer: the words right after them are not the speaker. */
export const HEARER_LEMMAS = new Set(['tell', 'ask', 'urge', 'promise', 'warn']);

/** Some lemmatiser outputs differ from the dictionary form; map the surface forms we rely on. */
const SURFACE_LEMMAS: Record<string, string> = {
  said: 'say', says: 'say', told: 'tell', tells: 'tell', wrote: 'write', writes: 'write',
  tweeted: 'tweet', added: 'add', adds: 'add', noted: 'note', warned: 'warn', stated: 'state',
};

export function speechLemma(normal: string, lemma: string): string {
  return SURFACE_LEMMAS[normal] ?? lemma;
}
