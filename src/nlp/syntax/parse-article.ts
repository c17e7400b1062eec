/**
 * @module nlp/syntax/parse-article
 * Adds the syntax columns (upos, head, deprel) to an article's token table. Only sentences that
 * can carry an event are parsed by default — those with an actor mention, and pronoun-subject
 * sentences after them (see sentencesToParse) — the rest keep head = NOT_PARSED. A token split into several UD
 * words ("I'm", "anti-aircraft") takes its tag and relation from its main word: the one whose
 * head lies outside the token.
 */
import type { Article } from '../../model/article.js';
import { NOT_PARSED, ROOT_HEAD } from '../../model/tokens.js';
import type { SyntaxAnalyzer } from './analyzer.js';
import { UdWords } from './ud-words.js';

export type ParseSelection = 'events' | 'all';

/** Subject pronouns: a sentence that starts "They expelled …" carries an event of the previous sentence's actor. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);

/**
 * Which sentences to parse: a flag per sentence. 'events': every sentence with an actor mention
 * (the coder reads the roles and modality of any trigger there from the parse), and a sentence
 * with a subject pronoun and a verb right after one that has a mention.
 */
export function sentencesToParse(article: Article, selection: ParseSelection): Uint8Array {
  const flags = new Uint8Array(article.sentences.length);
  if (selection === 'all') return flags.fill(1);
  const mentions = new Uint16Array(article.sentences.length);
  for (const m of article.mentions) if (m.sentence >= 0 && m.sentence < mentions.length && mentions[m.sentence] < 60000) mentions[m.sentence]++;
  const { pos, normal } = article.tokens;
  for (let s = 0; s < article.sentences.length; s++) {
    if (mentions[s] > 0) {
      flags[s] = 1;
      continue;
    }
    if (s === 0 || mentions[s - 1] === 0) continue;
    const { tokenStart, tokenEnd } = article.sentences[s];
    let pronoun = false;
    let verb = false;
    for (let i = tokenStart; i < tokenEnd; i++) {
      if (SUBJECT_PRONOUNS.has(normal[i])) pronoun = true;
      if (pos[i] === 'VERB') verb = true;
    }
    if (pronoun && verb) flags[s] = 1;
  }
  return flags;
}

const words = new UdWords();
/** Per word: is it its token's main word. Reused. */
let main = new Uint8Array(256);

/** Parses the selected sentences of `article` in place, filling tokens.upos/head/deprel. */
export function parseArticle(article: Article, analyzer: () => SyntaxAnalyzer, selection: ParseSelection): Article {
  const tokens = article.tokens;
  const n = tokens.start.length;
  const upos = new Array<string>(n).fill('');
  const head = new Int32Array(n).fill(NOT_PARSED);
  const deprel = new Array<string>(n).fill('');
  tokens.upos = upos;
  tokens.head = head;
  tokens.deprel = deprel;
  const flags = sentencesToParse(article, selection);
  for (let s = 0; s < flags.length; s++) {
    if (!flags[s]) continue;
    const { tokenStart, tokenEnd } = article.sentences[s];
    if (tokenEnd <= tokenStart) continue;
    words.fill(article.text, tokens, tokenStart, tokenEnd);
    const a = analyzer();
    a.analyze(words);
    const { tags, relations } = a.model;
    const out = a.output;
    const count = words.length;
    if (main.length < count) main = new Uint8Array(count * 2);
    // A token's main word: the first of its words whose head is outside the token.
    for (let w = 0; w < count; w++) {
      const h = out.heads[w];
      main[w] = h < 0 || words.token[h] !== words.token[w] ? 1 : 0;
    }
    for (let w = 0; w < count; w++) {
      const t = words.token[w];
      const first = w === 0 || words.token[w - 1] !== t;
      if (!first && (upos[t] !== '' && (main[w] === 0 || isMainTaken(words.token, w, t)))) continue;
      const h = out.heads[w];
      upos[t] = tags[a.tags[w]];
      head[t] = h < 0 ? ROOT_HEAD : words.token[h];
      deprel[t] = h < 0 ? 'root' : relations[out.labels[w]];
    }
  }
  return article;
}

/** Has an earlier word of token t (before word w) already been taken as main? */
function isMainTaken(token: Int32Array, w: number, t: number): boolean {
  for (let v = w - 1; v >= 0 && token[v] === t; v--) if (main[v]) return true;
  return false;
}
