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
  let offset = 0;
  let sawBreak = true;
  doc.sentences().each((sentence: ItemSentence) => {
    let first = true;
    sentence.tokens().each((token: ItemToken) => {
      const spaces = token.out(its.precedingSpaces) as string;
      const value = token.out(its.value) as string;
      if (spaces.includes('\n')) sawBreak = true;
      offset += spaces.length;
      const start = text.indexOf(value, offset) === offset ? offset : locate(text, value, offset);
      const end = start + value.length;
      offset = end;
      const pos = token.out(its.pos) as string;
      if (pos === 'SPACE') {
        if (value.includes('\n')) sawBreak = true;
        return;
      }
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

/** wink occasionally normalises a token's value; fall back to searching near the expected place. */
function locate(text: string, value: string, from: number): number {
  const found = text.indexOf(value, from);
  if (found >= 0 && found - from < 16) return found;
  return from;
}

export function addSentences(article: Article): Article {
  const { sentences, tokens } = splitSentences(article.text);
  article.sentences = sentences;
  article.tokens = tokens;
  return article;
}
