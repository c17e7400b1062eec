/**
 * @module nlp/sentences
 * Sentence boundaries and the token table, from wink-nlp. wink keeps no character offsets,
 * so they are rebuilt here once, from each token's preceding whitespace and value, and
 * stored. A line break always ends a sentence: headlines, section headings and list lines
 * carry no final full stop, and must not run into the next line.
 */
import type { Article, Sentence } from '../../model/article.js';
import type { TokenTable } from '../../model/tokens.js';
import type { ItemSentence, ItemToken } from 'wink-nlp';
import { getWink } from '../wink.js';

interface RawToken {
  start: number;
  end: number;
  pos: string;
  lemma: string;
  normal: string;
  negated: boolean;
  breakBefore: boolean;
}

/** Tokenises `text` and returns the sentences with their token ranges plus the token table. */
export function splitSentences(text: string): { sentences: Sentence[]; tokens: TokenTable } {
  const nlp = getWink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const raw: RawToken[] = [];
  const sentenceStarts = new Set<number>();
  // Sentence starts forced by a line break; quotes never carry a sentence across one.
  const hardStarts = new Set<number>();
  let offset = 0;
  let sawBreak = true;
  doc.sentences().each((sentence: ItemSentence) => {
    let first = true;
    sentence.tokens().each((token: ItemToken) => {
      const spaces = token.out(its.precedingSpaces) as string;
      const value = token.out(its.value) as string;
      if (spaces.includes('\n')) sawBreak = true;
      offset += spaces.length;
      // startsWith, not indexOf: a search that fails would scan the rest of the text for every token.
      const start = text.startsWith(value, offset) ? offset : locate(text, value, offset);
      const end = start + value.length;
      offset = end;
      const pos = token.out(its.pos) as string;
      if (pos === 'SPACE') {
        if (value.includes('\n')) sawBreak = true;
        return;
      }
      if (sawBreak) hardStarts.add(raw.length);
      if (first || sawBreak) sentenceStarts.add(raw.length);
      first = false;
      sawBreak = false;
      raw.push({
        start,
        end,
        pos,
        lemma: String(token.out(its.lemma as Parameters<ItemToken['out']>[0])).toLowerCase(),
        normal: String(token.out(its.normal)).toLowerCase(),
        negated: Boolean(token.out(its.negationFlag)),
        breakBefore: false,
      });
    });
  });
  mergeLetterFragments(text, raw, [sentenceStarts, hardStarts]);
  keepQuotesTogether(raw, sentenceStarts, hardStarts);
  capSentenceLength(raw.length, sentenceStarts);
  const n = raw.length;
  const tokens: TokenTable = {
    start: new Int32Array(n),
    end: new Int32Array(n),
    pos: new Array<string>(n),
    lemma: new Array<string>(n),
    normal: new Array<string>(n),
    sentence: new Int32Array(n),
    negated: new Uint8Array(n),
  };
  const sentences: Sentence[] = [];
  for (let i = 0; i < n; i++) {
    if (sentenceStarts.has(i) || i === 0) {
      sentences.push({ start: raw[i].start, end: raw[i].end, tokenStart: i, tokenEnd: i + 1 });
    }
    const current = sentences[sentences.length - 1];
    current.end = raw[i].end;
    current.tokenEnd = i + 1;
    tokens.start[i] = raw[i].start;
    tokens.end[i] = raw[i].end;
    tokens.pos[i] = raw[i].pos;
    tokens.lemma[i] = raw[i].lemma;
    tokens.normal[i] = raw[i].normal;
    tokens.sentence[i] = sentences.length - 1;
    tokens.negated[i] = raw[i].negated ? 1 : 0;
  }
  return { sentences, tokens };
}

const NON_ASCII_LETTER = /[^\x00-\x7f]/;
const LETTERS = /^\p{L}+$/u;

/**
 * wink splits words at letters outside its model ("Erdoğan" -> "Erdo" "ğ" "an", "Žižek" ->
 * four tokens). Touching letter-only tokens where one holds such a letter are glued back into
 * one token, so that names match dictionaries and read as one word. Never glues across a
 * sentence start (the first set). Mutates `raw` and shifts the token indexes in every set.
 */
function mergeLetterFragments(text: string, raw: RawToken[], indexSets: Set<number>[]): void {
  const starts = indexSets[0];
  let merged = false;
  const out: RawToken[] = [];
  const newIndex = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    const prev = out[out.length - 1];
    if (prev !== undefined && !starts.has(i) && prev.end === t.start) {
      const a = text.slice(prev.start, prev.end);
      const b = text.slice(t.start, t.end);
      if (LETTERS.test(a) && LETTERS.test(b) && (NON_ASCII_LETTER.test(a) || NON_ASCII_LETTER.test(b))) {
        prev.end = t.end;
        const word = text.slice(prev.start, prev.end);
        prev.normal = word.toLowerCase();
        prev.lemma = prev.normal;
        if (/^\p{Lu}/u.test(word)) prev.pos = 'PROPN';
        newIndex[i] = out.length - 1;
        merged = true;
        continue;
      }
    }
    newIndex[i] = out.length;
    out.push(t);
  }
  if (!merged) return;
  for (const set of indexSets) {
    const shifted = [...set].map((i) => newIndex[i]);
    set.clear();
    for (const i of shifted) set.add(i);
  }
  raw.length = 0;
  raw.push(...out);
}

/**
 * Most tokens a sentence may have. Real sentences stay far below (news rarely passes 100
 * tokens); text without sentence punctuation (a table, a scraped list, a hostile page) would
 * otherwise make one sentence of tens of thousands of tokens, and every later stage that
 * relates the words of a sentence to each other (quotes, clauses, role finding in the coder)
 * would take time growing faster than its length. A longer run is cut into pieces of this size,
 * so each is analysed, and the whole article costs time in proportion to its length.
 */
export const MAX_SENTENCE_TOKENS = 250;

/** Adds sentence starts so that no sentence has more than MAX_SENTENCE_TOKENS tokens. */
function capSentenceLength(n: number, starts: Set<number>): void {
  let since = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || starts.has(i)) since = 0;
    else if (since >= MAX_SENTENCE_TOKENS) {
      starts.add(i);
      since = 0;
    }
    since++;
  }
}

/** Longest run of sentences one open quotation may join. */
const MAX_QUOTED_SENTENCES = 6;

/**
 * A quotation that runs over several sentences ("It is bad. Very bad," said X.) stays in one
 * sentence, so that its speaker and its words are read together. A line break always ends
 * the quotation's hold; so does an unbalanced quote after MAX_QUOTED_SENTENCES sentences.
 */
function keepQuotesTogether(raw: RawToken[], starts: Set<number>, hard: Set<number>): void {
  let straightOpen = false;
  let curlyDepth = 0;
  let joined = 0;
  for (let i = 0; i < raw.length; i++) {
    if (hard.has(i)) {
      straightOpen = false;
      curlyDepth = 0;
      joined = 0;
    } else if (starts.has(i)) {
      if ((straightOpen || curlyDepth > 0) && joined < MAX_QUOTED_SENTENCES) {
        starts.delete(i);
        joined += 1;
      } else {
        joined = 0;
      }
    }
    const v = raw[i].normal;
    // 12" after a number is an inch mark, not a quotation mark.
    const inch = i > 0 && raw[i - 1].end === raw[i].start && /\d$/.test(raw[i - 1].normal);
    if (v === '"' && !inch) straightOpen = !straightOpen;
    else if (v === '“') curlyDepth += 1;
    else if (v === '”' && curlyDepth > 0) curlyDepth -= 1;
  }
}

/** wink occasionally normalises a token's value; fall back to searching near the expected place (only near it: linear time). */
function locate(text: string, value: string, from: number): number {
  const found = text.slice(from, from + 16 + value.length).indexOf(value);
  if (found >= 0 && found < 16) return from + found;
  return from;
}

export function addSentences(article: Article): Article {
  const { sentences, tokens } = splitSentences(article.text);
  article.sentences = sentences;
  article.tokens = tokens;
  return article;
}
