/**
 * @module ingest/language
 * Language detection for an article's clean text (tinyld), run on a bounded sample so that
 * a long article costs no more than a short one. Short texts give unreliable guesses, so
 * they get `null` rather than a wrong language.
 */
import { createRequire } from 'node:module';

type DetectAll = (text: string) => { lang: string; accuracy: number }[];
let detector: DetectAll | null = null;

/** tinyld, loaded on first need: it decodes its n-gram tables (~0.3 s), and plain English never asks it. */
function detectAll(text: string): ReturnType<DetectAll> {
  detector ??= (createRequire(import.meta.url)('tinyld') as { detectAll: DetectAll }).detectAll;
  return detector(text);
}

/** Fewer letters than this and the language is left unknown. */
const MIN_LETTERS = 40;
/** Characters of text given to the detector. */
const SAMPLE_CHARS = 2000;
/** A best guess holding less than this share of the detector's total score is not trusted. */
const MIN_SHARE = 0.25;

/**
 * The commonest English function words. In English news they are a quarter to a half of all
 * words (never under 0.23 in 10,000 bench articles, over 700 characters); in French, Spanish,
 * German, Dutch or Italian prose, under 0.1 (their shared short words such as "a" or "in" are
 * too few alone).
 */
const ENGLISH_WORDS = new Set([
  'the', 'and', 'that', 'was', 'were', 'with', 'said', 'have', 'from', 'which', 'this', 'their', 'they', 'would', 'will',
  'been', 'his', 'its', 'are', 'not', 'but', 'who', 'had', 'has', 'of', 'to', 'in', 'on', 'for', 'by', 'is', 'it', 'he',
  'a', 'an', 'at', 'as',
]);
/** Share of English function words from which a sample is English without asking the detector. */
const ENGLISH_SHARE = 0.2;
/** Words a sample needs before that share is trusted. */
const ENGLISH_MIN_WORDS = 20;

/**
 * True when the sample is plainly English prose: most articles ingested are, and this check
 * costs a few microseconds where the n-gram detector costs milliseconds.
 */
export function plainlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length < ENGLISH_MIN_WORDS) return false;
  let hits = 0;
  for (const word of words) if (ENGLISH_WORDS.has(word)) hits++;
  return hits / words.length >= ENGLISH_SHARE;
}

/**
 * Words that are English and rarely words of the other languages written in Latin letters that
 * news arrives in (unlike "a", "in", "was", "of", "over", which Dutch, German, Italian or French
 * share). Used on texts too short for the share test above.
 */
const ENGLISH_ONLY = new Set([
  'the', 'and', 'with', 'said', 'says', 'have', 'has', 'which', 'this', 'that', 'their', 'they', 'would', 'been', 'his',
  'its', 'are', 'not', 'but', 'who', 'from', 'for', 'by', 'after', 'against', 'into', 'were', 'its', 'will', 'former',
  'between', 'about', 'during', 'before', 'while', 'of', 'to', 'on', 'at',
]);
/** Ambiguous alone ("of" is Dutch, "to" Czech/Polish, "on" French/Polish, "at" Danish); they count only beside one of the others. */
const ENGLISH_WEAK = new Set(['of', 'to', 'on', 'at']);
/** Longest text (in words) the short test decides: a sentence or two, never an article. */
const SHORT_MAX_WORDS = 60;
/** Share of English evidence words from which a short text is English. */
const SHORT_ENGLISH_SHARE = 0.15;

/**
 * True when a text of a sentence or two that `plainlyEnglish` does not take still reads as English: at least two English
 * words (one of them not merely ambiguous) or English past tenses ("opened", "pledged", which
 * the n-gram detector, weak on a dozen words, misses). Short English sentences are the ones the
 * detector takes for Czech, Irish or Esperanto; a whole article decides on the share test.
 */
export function shortEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length > SHORT_MAX_WORDS) return false;
  let strong = 0;
  let weak = 0;
  for (const word of words) {
    if (ENGLISH_WEAK.has(word)) weak++;
    else if (ENGLISH_ONLY.has(word)) strong++;
    else if (word.length >= 5 && /[^aeiou]ed$/.test(word)) strong++;
  }
  return strong >= 1 && strong + weak >= 2 && (strong + weak) / words.length >= SHORT_ENGLISH_SHARE;
}

/**
 * ISO 639-1 code of the text's language, or null when the text is too short or the
 * detector is unsure.
 * @example detectLanguage('Die Regierung hat am Montag neue Sanktionen beschlossen …') // 'de'
 */
export function detectLanguage(text: string): string | null {
  const sample = sampleText(text);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  if (plainlyEnglish(sample) || shortEnglish(sample)) return 'en';
  const guesses = detectAll(sample);
  if (guesses.length === 0) return null;
  const best = guesses[0];
  // tinyld scores are relative; a clear winner has most of the total mass.
  const total = guesses.reduce((sum, g) => sum + g.accuracy, 0);
  if (total <= 0 || best.accuracy / total < MIN_SHARE) return null;
  return /^[a-z]{2}$/.test(best.lang) ? best.lang : null;
}

/** Beginning, middle and end of a long text, so that an English headline on a foreign page does not decide. */
function sampleText(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const third = Math.floor(SAMPLE_CHARS / 3);
  const mid = Math.floor(text.length / 2);
  return [text.slice(0, third), text.slice(mid - third / 2, mid + third / 2), text.slice(-third)].join(' ');
}
