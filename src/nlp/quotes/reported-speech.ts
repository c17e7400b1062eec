/**
 * @module nlp/quotes/reported-speech
 * Reported speech, outside quote marks: "X says (that) <clause>", "X told reporters on
 * Monday that <clause>", "according to X, <clause>", "<clause>, according to X" and
 * "<clause>, X said." The quote's text is the reported clause. A complement must open with
 * a subject and a finite verb, so "X told reporters" or "X said nothing" report nothing, and
 * passives ("is said to") are skipped.
 */
import type { Article } from '../../model/article.js';
import type { Quote, Speaker } from '../../model/quote.js';
import type { TokenTable } from '../../model/tokens.js';
import { resolveSpeaker } from './resolve-speaker.js';
import { subjectAfter, subjectBefore, subjectThenVerb, type SpeakerWords } from './speaker-phrase.js';
import { HEARER_LEMMAS, REPORTING_LEMMAS, speechLemma } from './speech-verbs.js';

const SUBJECT_POS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PRON']);
/** Adverbials between the verb and its clause: "on Monday", "in a statement", "late on Friday". */
const ADVERBIAL_ADP = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'late', 'earlier', 'via', 'through', 'to']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);

function isReportingVerb(tokens: TokenTable, i: number): boolean {
  if (tokens.pos[i] !== 'VERB') return false;
  if (tokens.normal[i].endsWith('ing')) return false;
  const lemma = speechLemma(tokens.normal[i], tokens.lemma[i]);
  if (!REPORTING_LEMMAS.has(lemma)) return false;
  // Passive ("is said to", "was told") reports no speaker's words.
  const prev = tokens.normal[i - 1];
  // An infinitive ("to say") is not a report either.
  return !(prev !== undefined && (BE_FORMS.has(prev) || prev === 'to'));
}

/** Does a subject and a finite verb start at token i (the reported clause)? */
function clauseStartsAt(tokens: TokenTable, i: number, end: number): boolean {
  let sawSubject = false;
  for (let j = i; j < Math.min(end, i + 10); j++) {
    const pos = tokens.pos[j];
    if (pos === 'AUX' || pos === 'VERB') return sawSubject && !tokens.normal[j].endsWith('ing');
    if (pos === 'ADP' && tokens.normal[j] === 'of' && sawSubject) continue;
    if (pos === 'PART' && (tokens.normal[j] === "'s" || tokens.normal[j] === '’s')) continue;
    if (pos === 'ADV') continue;
    if (!SUBJECT_POS.has(pos)) return false;
    sawSubject = true;
  }
  return false;
}

/** Skips the hearer ("reporters", "Reuters") and adverbials ("on Monday", "in a statement"). */
function complementStart(tokens: TokenTable, verb: number, end: number, hearer: boolean): number {
  let i = verb + 1;
  const nounish = (k: number) => k < end && (SUBJECT_POS.has(tokens.pos[k]) || tokens.pos[k] === 'ADV');
  if (hearer) while (i < end && nounish(i) && !clauseStartsAt(tokens, i, end)) i++;
  for (let guard = 0; guard < 4; guard++) {
    if (i < end && ADVERBIAL_ADP.has(tokens.normal[i]) && (tokens.pos[i] === 'ADP' || tokens.pos[i] === 'ADV')) {
      i++;
      while (i < end && nounish(i) && tokens.normal[i] !== 'that') i++;
      if (tokens.normal[i] === ',') i++;
      continue;
    }
    break;
  }
  if (i < end && tokens.normal[i] === ',') i++;
  if (i < end && tokens.normal[i] === 'that') i++;
  return i;
}

/** End of the reported clause: before the sentence's final punctuation. */
function trimEnd(tokens: TokenTable, from: number, to: number): number {
  let e = to;
  while (e > from && tokens.pos[e - 1] === 'PUNCT') e--;
  return e;
}

interface Found {
  words: SpeakerWords;
  verb: { from: number; to: number };
  clause: { from: number; to: number };
}

function findInSentence(tokens: TokenTable, from: number, to: number): Found[] {
  const found: Found[] = [];
  for (let v = from; v < to; v++) {
    // according to X, <clause>   |   <clause>, according to X.
    if (tokens.normal[v] === 'according' && tokens.normal[v + 1] === 'to') {
      const words = subjectAfter(tokens, v + 1, to);
      if (!words) continue;
      let after = words.appositive ? words.appositive.to : words.to;
      if (v === from || tokens.normal[v - 1] !== ',') {
        if (tokens.normal[after] === ',') after++;
        const end = trimEnd(tokens, after, to);
        if (clauseStartsAt(tokens, after, to) && end > after) found.push({ words, verb: { from: v, to: v + 2 }, clause: { from: after, to: end } });
      } else if (trimEnd(tokens, after, to) === after && clauseStartsAt(tokens, from, v)) {
        found.push({ words, verb: { from: v, to: v + 2 }, clause: { from, to: v - 1 } });
      }
      continue;
    }
    if (!isReportingVerb(tokens, v)) continue;
    const hearer = HEARER_LEMMAS.has(speechLemma(tokens.normal[v], tokens.lemma[v]));
    // <clause>, X said (on Monday).
    const trailing = trailingAttribution(tokens, from, v, to);
    if (trailing) {
      found.push(trailing);
      continue;
    }
    const words = subjectBefore(tokens, v, from);
    if (!words) continue;
    const start = complementStart(tokens, v, to, hearer);
    if (!clauseStartsAt(tokens, start, to)) continue;
    const end = trimEnd(tokens, start, to);
    found.push({ words, verb: { from: v, to: v + 1 }, clause: { from: start, to: end } });
    break;
  }
  return found;
}

/** "<clause>, X said." — the verb and its subject close the sentence after a comma. */
function trailingAttribution(tokens: TokenTable, from: number, verb: number, to: number): Found | null {
  let rest = verb + 1;
  while (rest < to && (tokens.pos[rest] !== 'PUNCT' || tokens.normal[rest] === ',')) {
    if (tokens.pos[rest] === 'VERB' || tokens.pos[rest] === 'AUX') return null;
    rest++;
  }
  if (trimEnd(tokens, rest, to) !== rest) return null;
  let comma = verb - 1;
  while (comma > from && tokens.normal[comma] !== ',') comma--;
  if (comma <= from) return null;
  const subject = subjectThenVerb(tokens, comma + 1, verb + 1, (k) => k === verb);
  const inverted = !subject && comma + 1 === verb ? subjectAfter(tokens, verb, to) : null;
  const words = subject?.words ?? inverted;
  if (!words || !clauseStartsAt(tokens, from, comma)) return null;
  return { words, verb: { from: verb, to: verb + 1 }, clause: { from, to: comma } };
}

/**
 * Reported quotes in sentences that hold no direct quote (a sentence with quote marks has
 * its speech handled as direct speech).
 */
export function findReportedSpeech(article: Article, directSpans: { open: number; close: number }[]): Quote[] {
  const { tokens, text } = article;
  const quotes: Quote[] = [];
  let previous: Speaker | null = null;
  article.sentences.forEach((sentence, s) => {
    if (directSpans.some((q) => q.open < sentence.end && q.close >= sentence.start)) return;
    for (const f of findInSentence(tokens, sentence.tokenStart, sentence.tokenEnd)) {
      if (f.clause.to <= f.clause.from) continue;
      const start = tokens.start[f.clause.from];
      const end = tokens.end[f.clause.to - 1];
      const speaker = resolveSpeaker(article, f.words, previous);
      if (speaker) previous = speaker;
      const cueStart = tokens.start[f.verb.from];
      const cueEnd = tokens.end[f.verb.to - 1];
      quotes.push({
        start,
        end,
        text: text.slice(start, end),
        speaker,
        kind: 'reported',
        cue: { start: cueStart, end: cueEnd, text: text.slice(cueStart, cueEnd) },
        sentence: s,
      });
    }
  });
  return quotes;
}
