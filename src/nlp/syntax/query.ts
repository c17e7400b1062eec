/**
 * @module nlp/syntax/query
 * The one way later stages read the parse: who is the subject or object of a predicate, which
 * obliques it has and by which preposition, whether it is passive, what is coordinated with a
 * token, which clause a token belongs to, and the negation / modal / conditional / question /
 * future / intention cues on a clause. Token indexes are article-wide (as in article.tokens).
 * Every function answers -1, [] or false for tokens whose sentence was not parsed.
 *
 * @example
 * const q = syntaxOf(article);
 * const verb = 5; // "expelled"
 * q.subject(verb);            // "Russia"
 * q.object(verb);             // "diplomats"
 * q.obliques(verb, 'from');   // ["embassy"]
 * q.cues(q.clauseOf(verb));   // { negated: false, modal: null, … }
 */
import type { Article, Sentence } from '../../model/article.js';
import { NOT_PARSED, type TokenTable } from '../../model/tokens.js';
import { wordList } from '../lexicon/word-lists.js';

/** The cues on a clause that make its action other than a plain, asserted fact. */
export interface ClauseCues {
  /** "not", "never", "no" on the clause's predicate (or on its object: "fired no missiles"). */
  negated: boolean;
  /** The modal auxiliary ("would", "may", "could" …) on the clause or a clause it is a complement of. */
  modal: string | null;
  /** "will"/"shall"/"'ll", or "going to". */
  future: boolean;
  /** The lemma of an intention verb the clause is the complement of ("plan", "threaten", "vow" …). */
  intention: string | null;
  /** "if", "unless", "whether" marking the clause or a clause above it. */
  condition: string | null;
  /** The sentence is a question (ends in "?") and the clause is not embedded in a statement. */
  question: boolean;
}

/** Relations that open a clause of their own. */
const CLAUSE_RELATIONS = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'acl:relcl', 'csubj', 'csubj:pass', 'parataxis']);
const SUBJECT_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass', 'nsubj:outer']);
/** Function-word relations: a predicate asked about through one of these means its head. */
const FUNCTION_RELATIONS = new Set(['aux', 'aux:pass', 'cop', 'mark', 'case']);

/** Relation without its subtype: "nsubj:pass" → "nsubj". */
export function baseRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

export class SyntaxQuery {
  readonly tokens: TokenTable;
  readonly sentences: readonly Sentence[];
  private readonly heads: Int32Array;
  private readonly rels: string[];

  constructor(tokens: TokenTable, sentences: readonly Sentence[]) {
    this.tokens = tokens;
    this.sentences = sentences;
    this.heads = tokens.head ?? new Int32Array(tokens.start.length).fill(NOT_PARSED);
    this.rels = tokens.deprel ?? new Array<string>(tokens.start.length).fill('');
  }

  /** Was token i's sentence parsed? */
  parsed(i: number): boolean {
    return i >= 0 && i < this.heads.length && this.heads[i] !== NOT_PARSED;
  }

  /** Head token of i; -1 for a root or an unparsed token. */
  head(i: number): number {
    return this.parsed(i) ? Math.max(this.heads[i], -1) : -1;
  }

  /** Relation of i to its head ('' when unparsed). */
  deprel(i: number): string {
    return this.parsed(i) ? this.rels[i] : '';
  }

  /** Universal POS tag of i from the project's tagger ('' when unparsed). */
  upos(i: number): string {
    return this.parsed(i) && this.tokens.upos ? this.tokens.upos[i] : '';
  }

  /** Does `i`'s relation match `rel`? A relation without subtype matches all its subtypes ("obl" matches "obl:tmod"). */
  is(i: number, rel: string): boolean {
    const r = this.deprel(i);
    return r === rel || (!rel.includes(':') && r.startsWith(rel) && r.charCodeAt(rel.length) === 58);
  }

  /** Children of i in text order, optionally only those with relation `rel` (subtypes included as in `is`). */
  children(i: number, rel?: string): number[] {
    const out: number[] = [];
    if (!this.parsed(i)) return out;
    const { tokenStart, tokenEnd } = this.sentences[this.tokens.sentence[i]];
    for (let j = tokenStart; j < tokenEnd; j++) {
      if (this.heads[j] === i && (rel === undefined || this.is(j, rel))) out.push(j);
    }
    return out;
  }

  /** First child of i with relation `rel`, or -1. */
  child(i: number, rel: string): number {
    if (!this.parsed(i)) return -1;
    const { tokenStart, tokenEnd } = this.sentences[this.tokens.sentence[i]];
    for (let j = tokenStart; j < tokenEnd; j++) if (this.heads[j] === i && this.is(j, rel)) return j;
    return -1;
  }

  /** The predicate a function word belongs to ("was" in "was expelled" → "expelled"); other tokens are their own. */
  predicate(i: number): number {
    let p = i;
    for (let guard = 0; guard < 4 && FUNCTION_RELATIONS.has(this.deprel(p)) && this.head(p) >= 0; guard++) p = this.head(p);
    return p;
  }

  /**
   * Subject of a predicate: its own nsubj/nsubj:pass/csubj; else, for a conjoined predicate, its
   * first conjunct's; for an open complement ("plans to attack"), the controller (the object of
   * the governing verb if it has one, else its subject); for a relative clause whose subject is
   * the relative pronoun, the noun the clause modifies. -1 when there is none.
   */
  subject(verb: number): number {
    let v = this.predicate(verb);
    for (let guard = 0; guard < 8 && v >= 0; guard++) {
      const own = this.firstChild(v, SUBJECT_RELATIONS);
      if (own >= 0) {
        const rel = this.deprel(v);
        if ((rel === 'acl:relcl' || rel === 'acl') && isRelativePronoun(this.tokens.normal[own])) return this.head(v);
        return own;
      }
      const rel = this.deprel(v);
      if (rel === 'conj') v = this.head(v);
      else if (rel === 'xcomp') {
        const up = this.head(v);
        const obj = this.child(up, 'obj');
        if (obj >= 0) return obj;
        v = up;
      } else if (rel === 'acl' || rel === 'acl:relcl') {
        // A reduced relative or participle ("troops stationed in X", "the man accused of …") has the modified noun as its subject when active.
        return this.isPassive(v) ? -1 : this.head(v);
      } else return -1;
    }
    return -1;
  }

  /** Direct object of a predicate, or -1. */
  object(verb: number): number {
    return this.child(this.predicate(verb), 'obj');
  }

  /** Indirect object ("gave Ukraine weapons" → Ukraine), or -1. */
  indirectObject(verb: number): number {
    return this.child(this.predicate(verb), 'iobj');
  }

  /**
   * Oblique arguments (obl) of a predicate, and nominal modifiers (nmod) of a noun, in text order;
   * with `preposition`, only those whose case marker is that word ("against", "on", "to" …).
   * With `viaObject`, also the nominal modifiers of the direct object.
   */
  obliques(verb: number, preposition?: string, options: { viaObject?: boolean } = {}): number[] {
    const p = this.predicate(verb);
    const rel = this.upos(p) === 'NOUN' || this.upos(p) === 'PROPN' ? 'nmod' : 'obl';
    const out: number[] = [];
    const want = preposition?.toLowerCase();
    for (const c of this.children(p, rel)) {
      if (want === undefined || this.preposition(c) === want) out.push(c);
    }
    // A prepositional phrase after the object is often attached to it by the parser ("fired
    // missiles at Ukraine" with "at Ukraine" under "missiles"); `viaObject` also returns those.
    if (options.viaObject) {
      const obj = this.object(p);
      if (obj >= 0) {
        for (const c of this.children(obj, 'nmod')) {
          if (want === undefined || this.preposition(c) === want) out.push(c);
        }
      }
      out.sort((a, b) => a - b);
    }
    return out;
  }

  /** The case marker of a nominal ("to" in "to Israel"), lower-cased, or null. */
  preposition(nominal: number): string | null {
    const c = this.child(nominal, 'case');
    return c >= 0 ? this.tokens.normal[c] : null;
  }

  /** Is the predicate passive (a passive subject or auxiliary, or a participle with a by-agent)? */
  isPassive(verb: number): boolean {
    const p = this.predicate(verb);
    if (!this.parsed(p)) return false;
    if (this.child(p, 'nsubj:pass') >= 0 || this.child(p, 'aux:pass') >= 0 || this.child(p, 'csubj:pass') >= 0) return true;
    return this.child(p, 'obl:agent') >= 0;
  }

  /** The "by" agent of a passive predicate ("was attacked by rebels" → rebels), or -1. */
  passiveAgent(verb: number): number {
    const p = this.predicate(verb);
    const agent = this.child(p, 'obl:agent');
    if (agent >= 0) return agent;
    if (!this.isPassive(p)) return -1;
    for (const o of this.children(p, 'obl')) if (this.preposition(o) === 'by') return o;
    return -1;
  }

  /** The other members of a coordination with i ("Russia and China" → China for Russia), in text order. */
  conjuncts(i: number): number[] {
    if (!this.parsed(i)) return [];
    let first = i;
    for (let guard = 0; guard < 32 && this.deprel(first) === 'conj' && this.head(first) >= 0; guard++) first = this.head(first);
    const all = [first, ...this.children(first, 'conj')];
    return all.filter((t) => t !== i).sort((a, b) => a - b);
  }

  /** Head of the clause i belongs to (its predicate); i itself when i heads a clause; -1 when unparsed. */
  clauseOf(i: number): number {
    if (!this.parsed(i)) return -1;
    let t = i;
    for (let guard = 0; guard < 64; guard++) {
      const rel = this.deprel(t);
      if (CLAUSE_RELATIONS.has(rel) || (rel === 'conj' && this.isPredicate(t))) return t;
      const h = this.head(t);
      if (h < 0) return t;
      t = h;
    }
    return t;
  }

  /** The verb that governs i's clause: the clause head, or for a copular clause ("is ready") the head still. */
  governingVerb(i: number): number {
    return this.clauseOf(i);
  }

  /** The clause above clause head `clause` (the one it is embedded in or coordinated with), or -1. */
  parentClause(clause: number): number {
    const h = this.head(clause);
    return h < 0 ? -1 : this.clauseOf(h);
  }

  /** Tokens of a clause: its head's subtree without the clauses embedded in it, in text order. */
  clauseTokens(clause: number): number[] {
    if (!this.parsed(clause)) return [];
    const { tokenStart, tokenEnd } = this.sentences[this.tokens.sentence[clause]];
    const out: number[] = [];
    for (let j = tokenStart; j < tokenEnd; j++) if (this.clauseOf(j) === clause) out.push(j);
    return out;
  }

  /** Is the clause headed by `clause` negated? */
  negated(clause: number): boolean {
    const p = this.predicate(clause);
    if (!this.parsed(p)) return false;
    const negators = wordList('negation-words');
    for (const c of this.children(p)) {
      const rel = this.deprel(c);
      if ((rel === 'advmod' || rel === 'neg' || rel === 'aux' || rel === 'cc:preconj') && negators.has(this.tokens.normal[c])) return true;
    }
    const obj = this.object(p);
    if (obj >= 0) for (const d of this.children(obj, 'det')) if (this.tokens.normal[d] === 'no') return true;
    return false;
  }

  /** Modality cues of a clause; cues of the clauses it is a complement of (xcomp chains, conjuncts) carry down. */
  cues(clause: number): ClauseCues {
    const cues: ClauseCues = { negated: false, modal: null, future: false, intention: null, condition: null, question: false };
    let c = this.predicate(clause);
    if (!this.parsed(c)) return cues;
    cues.negated = this.negated(c);
    const modals = wordList('modal-verbs');
    const futures = wordList('future-auxiliaries');
    const intentions = wordList('intention-verbs');
    const conditions = wordList('condition-markers');
    let embeddedInStatement = false;
    for (let guard = 0; guard < 8 && c >= 0; guard++) {
      for (const a of this.children(c, 'aux')) {
        const w = this.tokens.normal[a];
        if (cues.modal === null && modals.has(w)) cues.modal = w;
        if (futures.has(w)) cues.future = true;
      }
      if (cues.condition === null) {
        for (const m of this.children(c, 'mark')) {
          const w = this.tokens.normal[m];
          if (conditions.has(w)) cues.condition = w;
        }
      }
      const rel = this.deprel(c);
      const up = this.head(c);
      if (rel === 'xcomp' && up >= 0) {
        const lemma = this.tokens.lemma[up];
        if (cues.intention === null && intentions.has(lemma)) cues.intention = lemma;
        // "is going to meet": future.
        if (lemma === 'go' && this.child(up, 'aux') >= 0 && this.tokens.normal[up] === 'going') cues.future = true;
        c = up;
      } else if (rel === 'conj' && up >= 0 && this.firstChild(c, SUBJECT_RELATIONS) < 0 && this.child(c, 'aux') < 0) {
        // "would not attack and (would not) invade": a conjunct without its own subject or
        // auxiliary shares the first one's.
        c = up;
      } else if (rel === 'advcl' && cues.condition !== null) {
        break;
      } else {
        if (rel === 'ccomp' || rel === 'advcl' || rel === 'acl' || rel === 'acl:relcl' || rel === 'csubj') embeddedInStatement = true;
        break;
      }
    }
    const sentence = this.sentences[this.tokens.sentence[clause]];
    const last = this.lastNonQuote(sentence);
    cues.question = last >= 0 && this.tokens.normal[last] === '?' && !embeddedInStatement;
    return cues;
  }

  private lastNonQuote(sentence: Sentence): number {
    for (let j = sentence.tokenEnd - 1; j >= sentence.tokenStart; j--) {
      const w = this.tokens.normal[j];
      if (w !== '"' && w !== '”' && w !== "'" && w !== '’' && w !== ')') return j;
    }
    return -1;
  }

  private firstChild(i: number, rels: ReadonlySet<string>): number {
    if (!this.parsed(i)) return -1;
    const { tokenStart, tokenEnd } = this.sentences[this.tokens.sentence[i]];
    for (let j = tokenStart; j < tokenEnd; j++) if (this.heads[j] === i && rels.has(this.rels[j])) return j;
    return -1;
  }

  /** Does i head a clause of its own (a verb, or anything with a subject, copula or auxiliary)? */
  private isPredicate(i: number): boolean {
    const u = this.upos(i);
    if (u === 'VERB') return true;
    return this.firstChild(i, SUBJECT_RELATIONS) >= 0 || this.child(i, 'cop') >= 0 || this.child(i, 'aux') >= 0;
  }
}

function isRelativePronoun(w: string): boolean {
  return w === 'who' || w === 'which' || w === 'that' || w === 'whom';
}

/** The query API over an article's parse. Cheap: no index is built. */
export function syntaxOf(article: Pick<Article, 'tokens' | 'sentences'>): SyntaxQuery {
  return new SyntaxQuery(article.tokens, article.sentences);
}
