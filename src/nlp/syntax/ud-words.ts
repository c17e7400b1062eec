/**
 * @module nlp/syntax/ud-words
 * Maps the pipeline's tokens (wink-nlp) onto the syntactic words the treebanks use. wink already
 * splits most contractions as UD does ("did" "n't", "Russia" "'s"); what it keeps whole is split
 * here by character range, so no text is copied:
 *   - a clitic left on its host: "I'm" → I + 'm, "they've" → they + 've (also with ’);
 *   - "cannot" → can + not; "gonna"/"wanna"/"gotta" → gon + na …;
 *   - hyphenated words: "anti-aircraft" → anti + - + aircraft (EWT and GUM split at hyphens).
 * Each word remembers its token; a token reads its analysis back from its main word.
 */
import type { TokenTable } from '../../model/tokens.js';
import type { WordRanges } from './words.js';

const APOSTROPHES = new Set([39, 0x2019]);
/** Clitics after an apostrophe that UD writes as words of their own. */
const CLITICS = ['m', 're', 've', 'll', 'd', 's'];
/** Whole words UD splits in two, and where ("cannot" → "can" "not"). */
const SPLIT_WORDS = new Map<string, number>([
  ['cannot', 3], ['gonna', 3], ['wanna', 3], ['gotta', 3], ['gimme', 3], ['lemme', 3],
]);

/** Reusable buffers holding the words of one sentence. */
export class UdWords implements WordRanges {
  text = '';
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** Token index (article-wide) that word i comes from. */
  token = new Int32Array(256);
  length = 0;

  /** Fills the words of tokens [from, to) of `tokens` over `text`. */
  fill(text: string, tokens: TokenTable, from: number, to: number): void {
    this.text = text;
    this.length = 0;
    for (let t = from; t < to; t++) this.addToken(text, t, tokens.start[t], tokens.end[t]);
  }

  private push(start: number, end: number, token: number): void {
    if (this.length === this.start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.token = grow(this.token);
    }
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.token[this.length] = token;
    this.length++;
  }

  private addToken(text: string, t: number, s: number, e: number): void {
    const len = e - s;
    if (len >= 3) {
      // Host + clitic ("I'm", "we’ve", "can't" when wink kept it whole).
      const cut = clitic(text, s, e);
      if (cut > s) {
        this.addToken(text, t, s, cut);
        this.push(cut, e, t);
        return;
      }
      if (len === 5 || len === 6) {
        const at = SPLIT_WORDS.get(text.slice(s, e).toLowerCase());
        if (at !== undefined) {
          this.push(s, s + at, t);
          this.push(s + at, e, t);
          return;
        }
      }
      // Hyphenated word: letters/digits on both sides of each hyphen.
      let piece = s;
      for (let i = s + 1; i < e - 1; i++) {
        if (text.charCodeAt(i) === 45 && isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.charCodeAt(i + 1))) {
          this.push(piece, i, t);
          this.push(i, i + 1, t);
          piece = i + 1;
        }
      }
      if (piece > s) {
        this.push(piece, e, t);
        return;
      }
    }
    this.push(s, e, t);
  }
}

/** Start of a clitic at the end of text[s, e) ("n't", "'m", "'s" …), or -1. */
function clitic(text: string, s: number, e: number): number {
  // n't
  if (e - s > 3 && APOSTROPHES.has(text.charCodeAt(e - 2)) && (text.charCodeAt(e - 1) | 32) === 116 && (text.charCodeAt(e - 3) | 32) === 110) {
    return e - 3;
  }
  for (const c of CLITICS) {
    const at = e - c.length - 1;
    if (at <= s || !APOSTROPHES.has(text.charCodeAt(at)) || !isAlnum(text.charCodeAt(at - 1))) continue;
    let match = true;
    for (let k = 0; k < c.length; k++) if ((text.charCodeAt(at + 1 + k) | 32) !== c.charCodeAt(k)) match = false;
    if (match) return at;
  }
  return -1;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;
}
