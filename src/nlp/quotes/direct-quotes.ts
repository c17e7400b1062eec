/**
 * @module nlp/quotes/direct-quotes
 * Direct quotes and who said them. For each quoted stretch the attribution is sought
 * right after it ("…," X said / said X / according to X), right before it (X said: "…" /
 * X told the paper: "…"), and otherwise inherited from the quote just before in the same
 * or the previous paragraph ("First part," X said. "Second part."). Naming verbs attribute
 * too (X called the truce "a pause, not a peace"). A one-to-three word quote with no speech
 * or naming verb next to it is a scare quote or a title, not a quote.
 */
import type { Article } from '../../model/article.js';
import type { Quote, Speaker } from '../../model/quote.js';
import { sentenceAt } from '../dates/find-dates.js';
import type { QuoteSpan } from './quote-marks.js';
import { resolveSpeaker } from './resolve-speaker.js';
import { coordinatedSubject, isQuoteMark, subjectAfter, subjectBefore, subjectThenVerb, type SpeakerWords } from './speaker-phrase.js';
import { participleSubject } from './reported-speech.js';
import { HEARER_LEMMAS, SPEECH_LEMMAS, speechLemma } from './speech-verbs.js';
import { firstTokenFrom, lastTokenBefore } from './token-index.js';

interface Attribution {
  words: SpeakerWords;
  cue: { from: number; to: number };
}

const MAX_SCARE_WORDS = 3;

function isSpeechVerb(article: Article, i: number): boolean {
  const { tokens } = article;
  if (tokens.pos[i] !== 'VERB' && tokens.pos[i] !== 'AUX' && tokens.pos[i] !== 'NOUN') return false;
  // wink sometimes tags "says" after a quote as a noun; only surface speech forms are accepted then.
  if (tokens.pos[i] === 'NOUN' && !/^(?:said|says|told|added|wrote)$/.test(tokens.normal[i])) return false;
  return SPEECH_LEMMAS.has(speechLemma(tokens.normal[i], tokens.lemma[i]));
}

/** True where tokens i, i+1 are "according to". */
function isAccordingTo(article: Article, i: number): boolean {
  return article.tokens.normal[i] === 'according' && article.tokens.normal[i + 1] === 'to';
}

/** Where the attribution may run to after the closing mark: the next mark, full stop or line. */
function forwardLimit(article: Article, from: number): number {
  const { tokens, text } = article;
  let i = from;
  while (i < tokens.start.length && i < from + 40) {
    if (isQuoteMark(article.tokens, i) || tokens.normal[i] === '.' || tokens.normal[i] === ';') break;
    if (text.slice(tokens.end[i - 1] ?? 0, tokens.start[i]).includes('\n')) break;
    i++;
  }
  return i;
}

/** "…," X said / "…," said X / "…," according to X. */
function attributionAfter(article: Article, span: QuoteSpan): Attribution | null {
  const { tokens } = article;
  let i = firstTokenFrom(tokens, span.close + 1);
  if (i < tokens.start.length && isQuoteMark(tokens, i)) i++;
  if (i >= tokens.start.length) return null;
  // Only the rest of the sentence may attribute, not a new paragraph.
  if (article.text.slice(span.close, tokens.start[i]).includes('\n')) return null;
  while (i < tokens.start.length && tokens.normal[i] === ',') i++;
  const limit = forwardLimit(article, i);
  if (isAccordingTo(article, i)) {
    const words = subjectAfter(tokens, i + 1, limit);
    return words ? { words, cue: { from: i, to: i + 2 } } : null;
  }
  let verb = i;
  while (verb < limit && tokens.pos[verb] === 'ADV') verb++;
  if (verb < limit && isSpeechVerb(article, verb)) {
    if (HEARER_LEMMAS.has(speechLemma(tokens.normal[verb], tokens.lemma[verb]))) return null;
    const words = subjectAfter(tokens, verb, limit);
    return words ? { words, cue: { from: verb, to: verb + 1 } } : null;
  }
  const found = subjectThenVerb(tokens, i, limit, (k) => isSpeechVerb(article, k));
  return found ? { words: found.words, cue: { from: found.verb, to: found.verb + 1 } } : null;
}

/**
 * Verbs that frame a quote as the subject's own characterisation: X called the truce "a pause,
 * not a peace", dismissed the report as "propaganda", blamed problems "on both sides".
 */
const NAMING_LEMMAS = new Set([
  'call', 'describe', 'dub', 'brand', 'term', 'label', 'dismiss', 'blame', 'accuse', 'condemn',
  'denounce', 'criticize', 'criticise', 'praise', 'hail', 'reject',
]);

interface BeforeOptions {
  /** A one-to-three word quote: a naming verb must stand right before it ('called the measures "unjustified"'). */
  short: boolean;
  /** Whether token i lies inside a quoted stretch (an earlier quote of the same sentence). */
  quoted: (token: number) => boolean;
  /** The quote follows a colon: the subject of the clause before it speaks ("X put it bluntly: ..."). */
  colon: boolean;
}

/** X said: "…" / X told the paper: "…" / according to X, "…" / X said the move was "…". */
function attributionBefore(article: Article, span: QuoteSpan, options: BeforeOptions): Attribution | null {
  const { tokens, text } = article;
  const last = lastTokenBefore(tokens, span.open);
  if (last < 0) return null;
  // The attribution lies in the same line, after any earlier quote.
  let limit = last;
  while (limit > 0 && last - limit < 40) {
    const prev = limit - 1;
    // An earlier quote of the same sentence is stepped over ('called it "X" and "Y"'), but
    // not a quote that ends a sentence of its own.
    if (isQuoteMark(tokens, prev) && /^[.!?]$/.test(tokens.normal[prev - 1] ?? '.')) break;
    if (tokens.normal[prev] === '.' || tokens.normal[prev] === ';') break;
    if (text.slice(tokens.end[prev], tokens.start[limit]).includes('\n')) break;
    limit = prev;
  }
  if (text.slice(tokens.end[last], span.open).includes('\n')) return null;
  for (let v = last; v >= limit; v--) {
    if (isAccordingTo(article, v)) {
      const words = subjectAfter(tokens, v + 1, last + 1);
      return words ? { words, cue: { from: v, to: v + 2 } } : null;
    }
    if (options.quoted(v)) continue;
    // "so-called" is no attribution.
    const naming = tokens.pos[v] === 'VERB' && NAMING_LEMMAS.has(tokens.lemma[v]) && tokens.normal[v - 1] !== '-' && (!options.short || last - v <= 12);
    if (!naming && !isSpeechVerb(article, v)) continue;
    // 'X vowed to ignore the order, saying "…"': a participle after a comma has the subject
    // of the sentence's main verb.
    if (!naming && tokens.normal[v].endsWith('ing') && tokens.normal[v - 1] === ',') {
      const words = participleSubject(tokens, v, limit, options.quoted);
      return words ? { words, cue: { from: v, to: v + 1 } } : null;
    }
    const words = subjectBefore(tokens, v, limit) ?? coordinatedSubject(tokens, v, limit);
    return words ? { words, cue: { from: v, to: v + 1 } } : null;
  }
  if (options.colon) {
    for (let v = limit; v <= last; v++) {
      if (tokens.pos[v] !== 'VERB' && tokens.pos[v] !== 'AUX') continue;
      const words = subjectBefore(tokens, v, limit);
      return words ? { words, cue: { from: v, to: v + 1 } } : null;
    }
  }
  return null;
}


/** Is the mark right before the quote a colon or comma, or the speech verb itself? */
function introducedBefore(article: Article, span: QuoteSpan): boolean {
  const before = article.text.slice(Math.max(0, span.open - 3), span.open).trimEnd();
  return /[:,]$/.test(before);
}

/** Does the quote end its sentence: final punctuation inside, a capital or line break after? */
function endsSentence(text: string, span: QuoteSpan): boolean {
  const inner = text.slice(span.open + 1, span.close).trimEnd();
  if (!/[.!?]$/.test(inner)) return false;
  const rest = text.slice(span.close + 1, span.close + 4);
  return /^\s*(?:$|\n|\p{Lu}|["“‘])/u.test(rest);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function findDirectQuotes(article: Article, spans: QuoteSpan[]): Quote[] {
  const { text, tokens } = article;
  const quotes: Quote[] = [];
  let previous: { quote: Quote; close: number } | null = null;
  const quoted = (token: number) => {
    const at = tokens.start[token];
    return spans.some((q) => q.open <= at && at <= q.close);
  };
  for (const span of spans) {
    let start = span.open + 1;
    let end = span.close;
    while (end > start && /[\s,]/.test(text[end - 1])) end--;
    while (start < end && /\s/.test(text[start])) start++;
    const inner = text.slice(start, end);
    const short = wordCount(inner) <= MAX_SCARE_WORDS;
    // A quote that closes its own sentence ('… so far." Moscow has promised …') is not
    // attributed by the next sentence.
    const after = endsSentence(text, span) ? null : attributionAfter(article, span);
    const colon = /:\s*$/.test(text.slice(Math.max(0, span.open - 3), span.open));
    const beforeOptions: BeforeOptions = { short, colon, quoted };
    const attribution = introducedBefore(article, span)
      ? attributionBefore(article, span, beforeOptions) ?? after
      : after ?? attributionBefore(article, span, beforeOptions);
    let speaker: Speaker | null = null;
    const sharedCue = attribution && previous?.quote.cue && previous.quote.cue.start === tokens.start[attribution.cue.from];
    // '"A," X, a researcher at Y, said. "B."': B's nearest verb is A's, and so is its speaker.
    if (sharedCue) speaker = previous!.quote.speaker ? { ...previous!.quote.speaker } : null;
    else if (attribution) speaker = resolveSpeaker(article, attribution.words, previous?.quote.speaker ?? null);
    else if (short) continue;
    else if (previous && !paragraphsApart(text, previous.close, span.open, 1)) speaker = previous.quote.speaker ? { ...previous.quote.speaker } : null;
    const quote: Quote = {
      start,
      end,
      text: inner,
      speaker,
      kind: 'direct',
      cue: attribution ? { start: tokens.start[attribution.cue.from], end: tokens.end[attribution.cue.to - 1], text: text.slice(tokens.start[attribution.cue.from], tokens.end[attribution.cue.to - 1]) } : null,
      sentence: sentenceAt(article.sentences, start),
    };
    quotes.push(quote);
    previous = { quote, close: span.close };
  }
  return quotes;
}

/** More than `allowed` paragraph breaks between two offsets? */
function paragraphsApart(text: string, from: number, to: number, allowed: number): boolean {
  const between = text.slice(from, to);
  const breaks = between.split(/\n\s*/).length - 1;
  return breaks > allowed;
}
