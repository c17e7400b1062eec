/**
 * @module nlp/clauses/split-clauses
 * Splits each sentence into clauses: always after a semicolon, and before a coordinating
 * conjunction or subordinator (and, but, that, because, while ...) when a new subject and its
 * own finite verb follow and the part before already has a verb. "Russia and China signed"
 * stays whole; "Russia expelled diplomats and China closed a consulate" becomes two clauses.
 */
import type { Article } from '../../model/article.js';
import type { TokenTable } from '../../model/tokens.js';
import { tenseOf, type Tense } from './tense.js';

export interface ClauseSpan {
  start: number;
  end: number;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  tense: Tense | null;
}

const SUBORDINATORS = new Set([
  'that', 'because', 'while', 'although', 'though', 'after', 'before', 'when', 'since', 'if',
  'unless', 'whereas', 'as', 'until', 'once', 'where', 'who', 'which',
]);
const SPEECH_VERBS = new Set(['say', 'tell', 'add', 'claim', 'warn', 'insist', 'argue', 'announce', 'note', 'state', 'believe', 'think']);
const COORDINATORS = new Set(['and', 'but', 'or', 'yet', 'so', 'nor']);
/** Words that may make up the subject noun phrase between the conjunction and its verb. */
const SUBJECT_POS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PRON', 'PART', 'ADV']);

function isFiniteVerbAt(tokens: TokenTable, i: number): boolean {
  const pos = tokens.pos[i];
  if (pos === 'AUX') return true;
  return pos === 'VERB' && !tokens.normal[i].endsWith('ing') && tokens.normal[i - 1] !== 'to';
}

/** Does a subject (optional for relative "who"/"which") and a finite verb start at token i? */
function startsClause(tokens: TokenTable, i: number, end: number, subjectOptional: boolean): boolean {
  let sawSubject = false;
  for (let j = i; j < Math.min(end, i + 8); j++) {
    const pos = tokens.pos[j];
    if (pos === 'VERB' || pos === 'AUX') return (sawSubject || subjectOptional) && isFiniteVerbAt(tokens, j);
    if (pos === 'ADP' && tokens.normal[j] === 'of' && sawSubject) continue;
    if (!SUBJECT_POS.has(pos)) return false;
    if (pos !== 'ADV' && pos !== 'PART') sawSubject = true;
  }
  return false;
}

function opensSubordinate(tokens: TokenTable, i: number): boolean {
  return SUBORDINATORS.has(tokens.normal[i]) && tokens.pos[i] !== 'CCONJ';
}

function isVerb(tokens: TokenTable, i: number): boolean {
  return tokens.pos[i] === 'VERB' || tokens.pos[i] === 'AUX';
}

/** Clause token ranges and tenses for every sentence of the article, in text order. */
export function splitClauses(article: Article): ClauseSpan[] {
  const { tokens } = article;
  const out: ClauseSpan[] = [];
  article.sentences.forEach((sentence, s) => {
    const cuts: number[] = [sentence.tokenStart];
    // The latest verb seen before token i: "is there a verb since the last cut" in constant
    // time, where scanning back from every conjunction made a long sentence quadratic.
    let lastVerb = isVerb(tokens, sentence.tokenStart) ? sentence.tokenStart : -1;
    for (let i = sentence.tokenStart + 1; i < sentence.tokenEnd; lastVerb = isVerb(tokens, i) ? i : lastVerb, i++) {
      const normal = tokens.normal[i];
      const last = cuts[cuts.length - 1];
      const verbSinceCut = lastVerb >= last;
      if (tokens.normal[i - 1] === ';' || tokens.normal[i - 1] === ':') {
        if (normal === ';' || !verbSinceCut) continue;
        if (tokens.normal[i - 1] === ';' || startsClause(tokens, i, sentence.tokenEnd, false)) cuts.push(i);
        continue;
      }
      // "X said WeWork needs ...": a speech verb followed directly by a new subject and verb.
      if (SPEECH_VERBS.has(tokens.lemma[i - 1]) && tokens.pos[i - 1] === 'VERB' && startsClause(tokens, i, sentence.tokenEnd, false)) {
        cuts.push(i);
        continue;
      }
      // "The company, which is expected to ..., confirmed": back in the main clause after a
      // comma that is followed by a verb with no subject of its own.
      if (tokens.normal[i - 1] === ',' && opensSubordinate(tokens, last) && isFiniteVerbAt(tokens, i) && tokens.pos[i] === 'VERB') {
        cuts.push(i);
        continue;
      }
      const coord = tokens.pos[i] === 'CCONJ' && COORDINATORS.has(normal);
      const subord = (tokens.pos[i] === 'SCONJ' || tokens.pos[i] === 'PRON' || tokens.pos[i] === 'ADV' || tokens.pos[i] === 'ADP')
        && SUBORDINATORS.has(normal);
      if (!coord && !subord) continue;
      if (!verbSinceCut) continue;
      const relative = normal === 'who' || normal === 'which';
      if (startsClause(tokens, i + 1, sentence.tokenEnd, relative)) cuts.push(i);
    }
    cuts.push(sentence.tokenEnd);
    for (let c = 0; c + 1 < cuts.length; c++) {
      const from = cuts[c];
      const to = cuts[c + 1];
      if (to <= from) continue;
      out.push({
        start: c === 0 ? sentence.start : tokens.start[from],
        end: c + 2 === cuts.length ? sentence.end : tokens.end[to - 1],
        sentence: s,
        tokenStart: from,
        tokenEnd: to,
        tense: tenseOf(tokens, from, to),
      });
    }
  });
  return out;
}
