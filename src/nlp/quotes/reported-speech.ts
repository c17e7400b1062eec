/**
 * @module nlp/quotes/reported-speech
 * Reported speech: "X says (that) <clause>", "X told reporters on Monday that <clause>",
 * "according to X, <clause>", "<clause>, according to X" and "<clause>, X said." The
 * quote's text is the reported clause, which may hold a partial direct quote ('X said the
 * move was "a mistake"'). A complement must open with a subject and a finite verb, so "X
 * told reporters" or "X said nothing" report nothing; passives ("is said to"), infinitives
 * and the attributions of direct quotes ('"…," X said') are skipped.
 */
import type { Article } from '../../model/article.js';
import type { Quote, Speaker } from '../../model/quote.js';
import type { TokenTable } from '../../model/tokens.js';
import type { QuoteSpan } from './quote-marks.js';
import { resolveSpeaker } from './resolve-speaker.js';
import { coordinatedSubject, isNameListComma, isQuoteMark, phraseAt, subjectAfter, subjectBefore, subjectThenVerb, type SpeakerWords } from './speaker-phrase.js';
import { HEARER_LEMMAS, REPORTING_LEMMAS, speechLemma } from './speech-verbs.js';

const SUBJECT_POS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PRON']);
/** Adverbials between the verb and its clause: "on Monday", "in a statement", "late on Friday". */
const ADVERBIAL_ADP = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'late', 'earlier', 'via', 'through', 'to']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
/** After a comma these open a clause that is the reporter's, not the speaker's. */
const CLOSING_CONJUNCTIONS = new Set(['although', 'though', 'whereas', 'while']);

function isReportingVerb(tokens: TokenTable, i: number): boolean {
  // "-ing" forms report only as a participle after a comma: "X offered talks, warning that ...";
  // wink tags some of these as nouns, so the form decides.
  if (isParticiple(tokens, i)) return participleLemmas(tokens.normal[i]).some((l) => REPORTING_LEMMAS.has(l));
  if (tokens.pos[i] !== 'VERB') return false;
  if (tokens.normal[i].endsWith('ing')) return false;
  const lemma = speechLemma(tokens.normal[i], tokens.lemma[i]);
  if (!REPORTING_LEMMAS.has(lemma)) return false;
  // Passive ("is said to", "was told") and infinitives ("to say") report no speaker's words.
  const prev = tokens.normal[i - 1];
  return !(prev !== undefined && (BE_FORMS.has(prev) || prev === 'to'));
}

/** ", saying that ...": an -ing speech verb that opens a participial phrase after a comma. */
function isParticiple(tokens: TokenTable, i: number): boolean {
  return tokens.normal[i].endsWith('ing') && tokens.normal[i - 1] === ',' && (tokens.pos[i] === 'VERB' || tokens.pos[i] === 'NOUN');
}

/** Candidate lemmas of an -ing form: "warning" → warn, "noting" → note, "admitting" → admit. */
function participleLemmas(form: string): string[] {
  const stem = form.slice(0, -3);
  const out = [stem, `${stem}e`];
  if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) out.push(stem.slice(0, -1));
  return out;
}

/**
 * The subject of the sentence's main verb — its first finite verb — for a participle after
 * a comma: "Khan offered talks, warning ...", not "a letter posted on Twitter, saying".
 */
export function participleSubject(tokens: TokenTable, participle: number, from: number, inDirect: (token: number) => boolean): SpeakerWords | null {
  // '"…," he said, adding that …': the speech verb right before the comma has the subject.
  const before = participle - 2;
  if (before >= from && tokens.pos[before] === 'VERB' && REPORTING_LEMMAS.has(speechLemma(tokens.normal[before], tokens.lemma[before]))) {
    const words = subjectBefore(tokens, before, from) ?? subjectAfter(tokens, before, participle - 1);
    if (words && !inDirect(words.from)) return words;
  }
  for (let v = from + 1; v < participle - 1; v++) {
    // Verbs inside a quote are the speaker's words, not the sentence's main verb.
    if (inDirect(v) || !isFinite(tokens, v) || tokens.normal[v - 1] === 'to' || tokens.pos[v - 1] === 'DET') continue;
    const words = subjectBefore(tokens, v, from);
    if (words && !inDirect(words.from)) return words;
  }
  // The tagger missed the main verb ("Turkey shot down ..., saying"): the sentence's opening phrase.
  return inDirect(from) ? null : phraseAt(tokens, from, participle);
}

/** Does a subject and a finite verb start at token i (the reported clause)? */
function clauseStartsAt(tokens: TokenTable, i: number, end: number): boolean {
  let sawSubject = false;
  for (let j = i; j < Math.min(end, i + 12); j++) {
    const pos = tokens.pos[j];
    if (pos === 'AUX' || pos === 'VERB') {
      if (sawSubject && !tokens.normal[j].endsWith('ing')) return true;
      // A participle inside the subject: "migrants arriving ... will be", "the limit set by".
      if (sawSubject && tokens.normal[j].endsWith('ing')) continue;
      return false;
    }
    if ((pos === 'ADP' || pos === 'SCONJ') && sawSubject) continue;
    if (pos === 'PART' && (tokens.normal[j] === "'s" || tokens.normal[j] === '’s')) continue;
    if (pos === 'ADV' || pos === 'CCONJ') continue;
    // Commas inside the subject: "the rift, the worst since 1981, could last months".
    if (pos === 'PUNCT' && (tokens.normal[j] === '-' || tokens.normal[j] === ',' || isQuoteMark(tokens, j))) continue;
    if (!SUBJECT_POS.has(pos)) return false;
    sawSubject = true;
  }
  return false;
}

/** Skips the hearer ("reporters", "a crowd outside the palace") and adverbials ("on Monday"). */
function complementStart(tokens: TokenTable, verb: number, end: number, hearer: boolean): number {
  // An explicit "that" before any other verb marks the start of the clause.
  for (let k = verb + 1; k < Math.min(end, verb + 20); k++) {
    // Participles inside a noun phrase ("in a televised address that") do not end the search.
    const adjectival = tokens.pos[k] === 'VERB' && /^(?:DET|ADJ|VERB)$/.test(tokens.pos[k - 1]);
    if ((tokens.pos[k] === 'VERB' && !adjectival) || tokens.pos[k] === 'AUX' || isQuoteMark(tokens, k)) break;
    if (tokens.normal[k] === 'that' && tokens.pos[k] === 'SCONJ') return k + 1;
  }
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

/**
 * End of the reported clause: the sentence end, or where the reporter takes over — a
 * coordinated verb with no subject of its own (", and told journalists") or ", although".
 */
function complementEnd(tokens: TokenTable, from: number, to: number, startsWithRelative = false): number {
  for (let k = from + 1; k < to; k++) {
    if (tokens.normal[k] === ',' && CLOSING_CONJUNCTIONS.has(tokens.normal[k + 1])) return trimEnd(tokens, from, k);
    // ", but Labour's Keir Starmer said …": a new clause with a speech verb of its own is the
    // reporter's, not part of this report.
    if (tokens.normal[k] === ',' && tokens.pos[k + 1] === 'CCONJ' && clauseStartsAt(tokens, k + 2, to) && hasReportingVerb(tokens, k + 2, to)) {
      return trimEnd(tokens, from, k);
    }
    // "NATO, which promised that ..., has offered no timetable": back in the main clause.
    if (tokens.normal[k] === ',' && startsWithRelative && isFinite(tokens, k + 1)) return trimEnd(tokens, from, k);
    if (tokens.pos[k] === 'CCONJ' && tokens.normal[k] === 'and') {
      let v = k + 1;
      while (v < to && tokens.pos[v] === 'ADV') v++;
      if (v < to && tokens.pos[v] === 'VERB' && isReportingVerb(tokens, v)) return trimEnd(tokens, from, k);
    }
  }
  return trimEnd(tokens, from, to);
}

function hasReportingVerb(tokens: TokenTable, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isReportingVerb(tokens, i)) return true;
  return false;
}

function isFinite(tokens: TokenTable, i: number): boolean {
  return tokens.pos[i] === 'AUX' || (tokens.pos[i] === 'VERB' && !tokens.normal[i].endsWith('ing'));
}

/**
 * A clause that the attribution closes may open with an adverbial ("In late April, X could
 * face ..."); it only needs a finite verb of its own.
 */
function hasFiniteVerb(tokens: TokenTable, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (isFinite(tokens, i) && tokens.normal[i - 1] !== 'to' && !(tokens.pos[i] === 'VERB' && tokens.pos[i - 1] === 'DET')) return true;
  }
  return false;
}

/** Drops trailing punctuation and a dangling comma. */
function trimEnd(tokens: TokenTable, from: number, to: number): number {
  let e = to;
  while (e > from && tokens.pos[e - 1] === 'PUNCT' && !isQuoteMark(tokens, e - 1)) e--;
  return e;
}

/** First token after a dateline ("VIENNA —", "DA NANG, Vietnam —"), else `from`. */
function afterDateline(article: Article, from: number, to: number): number {
  const { tokens, text } = article;
  for (let k = from; k < Math.min(to, from + 8); k++) {
    if (tokens.normal[k] === '—' || tokens.normal[k] === '--' || tokens.normal[k] === '–') {
      const head = text.slice(tokens.start[from], tokens.start[k]);
      // A dateline opens with a place in capitals; "Moscow — a city of ..." is prose.
      return /^\p{Lu}{2,}/u.test(head) ? k + 1 : from;
    }
  }
  return from;
}

interface Found {
  words: SpeakerWords;
  verb: { from: number; to: number };
  clause: { from: number; to: number };
}

function findInSentence(article: Article, from: number, to: number, inDirect: (token: number) => boolean, isCue: (token: number) => boolean): Found[] {
  const { tokens } = article;
  const found: Found[] = [];
  for (let v = from; v < to; v++) {
    // Verbs inside a direct quote are the speaker's; a direct quote's own cue is not a report.
    if (inDirect(v) || isCue(v)) continue;
    if (tokens.normal[v] === 'according' && tokens.normal[v + 1] === 'to') {
      const f = accordingTo(tokens, from, v, to);
      if (f) found.push(f);
      continue;
    }
    if (!isReportingVerb(tokens, v)) continue;
    const trailing = trailingAttribution(tokens, from, v, to);
    if (trailing) {
      if (!isQuoteMark(tokens, trailing.clause.from)) found.push(trailing);
      continue;
    }
    const hearer = HEARER_LEMMAS.has(speechLemma(tokens.normal[v], tokens.lemma[v]));
    const start = complementStart(tokens, v, to, hearer);
    // 'X said: "…"' and 'X said "…"' are direct speech, found by direct-quotes.ts.
    if (start < to && (isQuoteMark(tokens, start) || tokens.normal[start] === ':')) continue;
    if (!clauseStartsAt(tokens, start, to)) continue;
    const previous = found[found.length - 1];
    const coordinated = previous && tokens.normal[v - 1] === 'and' ? previous.words : null;
    const words = isParticiple(tokens, v)
      ? participleSubject(tokens, v, from, inDirect)
      : coordinated ?? subjectBefore(tokens, v, from) ?? coordinatedSubject(tokens, v, from);
    if (!words) continue;
    const end = complementEnd(tokens, start, to, /^(?:who|which)$/.test(tokens.normal[v - 1] ?? ''));
    if (end <= start) continue;
    found.push({ words, verb: { from: v, to: v + 1 }, clause: { from: start, to: end } });
    v = end - 1;
  }
  return found;
}

/** "according to X, <clause>" and "<clause>, according to X(, who …)." */
function accordingTo(tokens: TokenTable, from: number, v: number, to: number): Found | null {
  const words = subjectAfter(tokens, v + 1, to);
  if (!words) return null;
  let after = words.appositive ? words.appositive.to : words.to;
  const cue = { from: v, to: v + 2 };
  if (v === from || tokens.normal[v - 1] !== ',') {
    // "According to a statement released by the ministry late on Sunday, three soldiers ...":
    // the source phrase runs to the first comma before a clause.
    if (tokens.normal[after] !== ',') {
      let comma = after;
      while (comma < Math.min(to, after + 20) && tokens.normal[comma] !== ',') comma++;
      if (comma < to && tokens.normal[comma] === ',' && clauseStartsAt(tokens, comma + 1, to)) {
        words.to = comma;
        after = comma;
      }
    }
    if (tokens.normal[after] === ',') after++;
    const end = complementEnd(tokens, after, to);
    return clauseStartsAt(tokens, after, to) && end > after ? { words, verb: cue, clause: { from: after, to: end } } : null;
  }
  // The phrase closes the clause: no verb may follow before the sentence ends or a comma
  // opens something new (", who said …").
  let k = after;
  while (k < to && tokens.normal[k] !== ',' && !isFinite(tokens, k)) k++;
  const closes = k >= to || tokens.normal[k] === ',';
  if (!closes || !hasFiniteVerb(tokens, from, v - 1)) return null;
  return { words, verb: cue, clause: { from, to: v - 1 } };
}

/** "<clause>, X said (on Monday)(, although …)." — the verb and its subject close the clause. */
function trailingAttribution(tokens: TokenTable, from: number, verb: number, to: number): Found | null {
  let rest = verb + 1;
  while (rest < to && tokens.pos[rest] !== 'PUNCT') {
    if (tokens.pos[rest] === 'VERB' || tokens.pos[rest] === 'AUX') return null;
    rest++;
  }
  const closes = trimEnd(tokens, rest, to) === rest || (tokens.normal[rest] === ',' && (CLOSING_CONJUNCTIONS.has(tokens.normal[rest + 1]) || tokens.pos[rest + 1] === 'CCONJ'));
  if (!closes) return null;
  let comma = verb - 1;
  while (comma > from && (tokens.normal[comma] !== ',' || isNameListComma(tokens, comma))) comma--;
  if (comma <= from) return null;
  const subject = subjectThenVerb(tokens, comma + 1, verb + 1, (k) => k === verb);
  const inverted = !subject && comma + 1 === verb ? subjectAfter(tokens, verb, to) : null;
  const words = subject?.words ?? inverted;
  if (!words || !hasFiniteVerb(tokens, from, comma)) return null;
  return { words, verb: { from: verb, to: verb + 1 }, clause: { from, to: comma } };
}

/** Reported quotes in text order. Verbs inside direct quotes are the speaker's, not reports. */
export function findReportedSpeech(article: Article, directSpans: QuoteSpan[], direct: Quote[] = []): Quote[] {
  const { tokens, text } = article;
  const quotes: Quote[] = [];
  let previous: Speaker | null = null;
  const inDirect = (token: number) => {
    const at = tokens.start[token];
    return directSpans.some((q) => q.open < at && at < q.close);
  };
  // Only cues that follow their quote ('"…," X told the paper') are taken; a cue before its
  // quote may report a clause that holds it ('according to X, … "…"').
  const cues = new Set(direct.filter((q) => q.cue && q.cue.start > q.end).map((q) => q.cue!.start));
  const isCue = (token: number) => cues.has(tokens.start[token]);
  article.sentences.forEach((sentence, s) => {
    const from = afterDateline(article, sentence.tokenStart, sentence.tokenEnd);
    for (const f of findInSentence(article, from, sentence.tokenEnd, inDirect, isCue)) {
      if (f.clause.to <= f.clause.from) continue;
      const start = tokens.start[f.clause.from];
      const end = tokens.end[f.clause.to - 1];
      // A clause that is itself a direct quote was already reported as one.
      if (directSpans.some((q) => q.open <= start && end <= q.close + 1)) continue;
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
