/**
 * @module coder/code-events
 * The event coder proper: for each sentence, find triggers, give each a source and a
 * target from the actor mentions, a modality, a date (from the clause layer) and a place,
 * then merge repeats of the same event across the article into one event with several
 * evidence spans.
 */
import type { Article } from '../model/article.js';
import type { Modality } from '../model/event.js';
import type { Mention } from '../model/mention.js';
import { assembleEvents, type DraftEvent } from './assemble.js';
import { findRoles, placeTarget, PLACE_TARGET_CODES, PLACE_TARGET_RULE, PLACE_TARGET_ROOTS, STATE_ROLES, type SentenceContext } from './find-roles.js';
import { modalityOf } from './modality.js';
import { DEFAULT_CODER_OPTIONS, type CoderOptions, type CoderResources } from './options.js';
import { actorGroups, sameActor, type ActorGroup } from './roles.js';
import { TokenView } from './tokens.js';
import { findTriggers, type Trigger } from './triggers.js';
import { embeddedEvents, type CodedTrigger } from './embedded.js';
import { NULL_CODE } from './cameo/patterns.js';

export { CODER_STAGE, DEFAULT_CODER_OPTIONS, type CoderOptions, type CoderResources } from './options.js';
export type { DraftEvent } from './assemble.js';

const INTERNATIONAL = /^(IGO|NGO|IMG|MNC|NGM|INT|UIS)/;

function hasIdentity(m: Mention): boolean {
  return m.code !== null && (m.country !== null || INTERNATIONAL.test(m.code) || /^[A-Z]{3}/.test(m.code));
}

/** Codes all triggers of one article into draft events (before dedupe and record assembly). */
export function draftEvents(article: Article, res: CoderResources, options: CoderOptions): DraftEvent[] {
  const view = new TokenView(article);
  const bySentence = new Map<number, { m: Mention; i: number }[]>();
  const locations = new Map<number, Mention[]>();
  article.mentions.forEach((m, i) => {
    if (m.kind === 'location') {
      const list = locations.get(m.sentence) ?? [];
      list.push(m);
      locations.set(m.sentence, list);
      if (m.code === null) return;
    }
    if (m.code === null || m.code === '') return;
    const list = bySentence.get(m.sentence) ?? [];
    list.push({ m, i });
    bySentence.set(m.sentence, list);
  });
  const drafts: DraftEvent[] = [];
  let prev: SentenceContext | null = null;
  /** Events of the last sentences with a target, for a later definite mention of the same act (see below). */
  const recent: { code: string; country: string | null; target: ActorGroup; sentence: number }[] = [];
  article.sentences.forEach((s, index) => {
    const ctx: SentenceContext = {
      index,
      sStart: s.tokenStart,
      sEnd: s.tokenEnd,
      groups: actorGroups(article, view, bySentence.get(index) ?? []),
      locations: locations.get(index) ?? [],
      firstSubject: null,
      heads: new Set(),
      participants: [],
    };
    const triggers = findTriggers(view, res.patterns, s.tokenStart, s.tokenEnd);
    for (const t of triggers) ctx.heads.add(t.head);
    let lastSource: ActorGroup | null = null;
    let lastTarget: ActorGroup | null = null;
    const coded: CodedTrigger[] = [];
    /** Noun events of the sentence with a source and no target, by root (see below). */
    const halves: { root: string; source: ActorGroup }[] = [];
    for (const t of triggers) {
      // A null sense ("---") claims its words and codes nothing.
      if (t.pattern.code === NULL_CODE) continue;
      const governor = t.kind === 'noun' ? governingVerb(view, t, triggers) : null;
      // "would not hold a formal meeting at the summit": the summit is the setting of the coded meeting, no second event.
      // (A broad-lexicon verb never silences a curated noun: "were killed in a clash with X" codes the clash.)
      if (governor !== null && governor.pattern.tier <= t.pattern.tier && governor.pattern.code.slice(0, 2) === t.pattern.code.slice(0, 2)) continue;
      // "wants Trump to eliminate the tariffs": a noun that a verb undoes is no event of its kind.
      if (t.kind === 'noun' && undoneBy(view, t, s.tokenStart)) continue;
      const roles = findRoles(view, ctx, t, prev, options);
      // "He injected drama into talks with Canada and Mexico, publicly threatening them": a participle clause shares the main subject.
      if (isParticipleClause(view, t) && lastSource !== null && roles.source !== lastSource) roles.source = lastSource;
      // "fired tear gas at protesters, arresting hundreds": a participle clause acts on the previous event's target.
      if (roles.target === null && lastTarget !== null && isParticipleClause(view, t)) roles.target = lastTarget;
      if (roles.target !== null) lastTarget = roles.target;
      if (roles.source === null && options.shareSource && lastSource !== null && roles.target !== lastSource) roles.source = lastSource;
      // "The last Iraqi attack took place on March 8, when the Iranian tanker was hit": a noun event that names no one
      // acted on and a passive clause of its root that names no agent tell one event between the two.
      const root = t.pattern.code.slice(0, 2);
      if (roles.source === null && roles.target !== null && t.kind === 'verb' && t.passive) {
        const half = halves.find((h) => h.root === root);
        if (half !== undefined) roles.source = half.source;
      }
      if (roles.source !== null && roles.target === null && t.kind === 'noun') halves.push({ root, source: roles.source });
      if (roles.source !== null) lastSource = roles.source;
      // "… Reagan's move to impose stiff tariffs on Japanese goods …  U.S. officials put down any idea of delaying imposing
      // the tariffs": a definite object ("the tariffs") names an act told a sentence or two before; it keeps that act's target.
      if (roles.target === null && roles.source !== null && definiteObject(view, t)) {
        const country = roles.source.members[0].mention.country;
        const earlier = [...recent].reverse().find((r) => r.code === t.pattern.code && r.country === country && index - r.sentence <= ANAPHOR_SENTENCES);
        if (earlier !== undefined) Object.assign(roles, { target: earlier.target, carried: '+event-anaphor' });
      }
      if (roles.target !== null && roles.source !== null && roles.carried === '') {
        recent.push({ code: t.pattern.code, country: roles.source.members[0].mention.country, target: roles.target, sentence: index });
      }
      const { source, target, carried } = roles;
      for (const g of [source, carried === '' ? target : null]) if (g !== null && !ctx.participants.includes(g)) ctx.participants.push(g);
      if (ctx.firstSubject === null && source !== null && t.kind === 'verb') ctx.firstSubject = source;
      // Modality by clause scope in the parse (a noun event shares its clause's: "would not impose new sanctions").
      const modality = modalityOf(view, t, triggers);
      const out = expand(view, ctx, t, source, target, carried, modality, article, options);
      drafts.push(...out);
      coded.push({ trigger: t, drafts: out });
    }
    // CAMEO's conventions for asked-for, promised, refused and threatened events (coder/embedded).
    drafts.push(...embeddedEvents(view, coded, s.tokenStart, s.tokenEnd));
    prev = ctx;
  });
  return drafts;
}

/** How many sentences back a definite mention of an act may refer. */
const ANAPHOR_SENTENCES = 3;
const DEFINITE_DETERMINERS = new Set(['the', 'these', 'those', 'this', 'that']);

/** Does the trigger's object phrase open with a definite determiner ("imposing the tariffs", "lift these sanctions")? */
function definiteObject(view: TokenView, t: Trigger): boolean {
  for (let j = t.head + 1; j < t.last; j++) if (DEFINITE_DETERMINERS.has(view.normal(j)) && view.pos(j) === 'DET') return true;
  return false;
}

/** Verbs that end or undo what their object names. */
const UNDOING_VERBS = new Set(['eliminate', 'lift', 'remove', 'scrap', 'end', 'drop', 'waive', 'rescind', 'revoke', 'repeal', 'ease', 'cancel', 'abolish', 'reverse', 'suspend', 'halt']);

/** The noun is the object of an undoing verb: "lifted the ban", "eliminate the 15% tariffs on". */
function undoneBy(view: TokenView, t: Trigger, sStart: number): boolean {
  for (let j = t.first - 1; j >= Math.max(sStart, t.first - 6); j--) {
    const p = view.pos(j);
    if (p === 'VERB') return view.is(j, UNDOING_VERBS);
    if (!['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'SYM'].includes(p) && view.normal(j) !== '%' && view.normal(j) !== "'s") return false;
  }
  return false;
}

/** Words that open another clause between a verb and a later noun. */
const CLAUSE_OPENERS = new Set([',', ';', ':', 'that', 'which', 'who', 'while', 'but', 'after', 'before', 'because', 'as', 'when', 'and']);

/** The verb trigger whose object or setting a noun trigger stands in: the nearest earlier verb trigger of the same clause. */
function governingVerb(view: TokenView, t: Trigger, triggers: Trigger[]): Trigger | null {
  let best: Trigger | null = null;
  for (const g of triggers) {
    if (g.kind !== 'verb' || g.last >= t.first || t.first - g.last > 10) continue;
    let open = true;
    for (let j = g.last + 1; j < t.first && open; j++) {
      const p = view.pos(j);
      if (CLAUSE_OPENERS.has(view.normal(j)) || p === 'VERB' || p === 'AUX') open = false;
    }
    if (open) best = g;
  }
  return best;
}

/** An implied target, the source's own government or civilians: it has no words, so an empty span after the source. */
function impliedActor(source: Mention, country: string, role: string): Mention {
  return { ...source, kind: 'country', code: `${country}${role}`, country, role, name: null, text: '', start: source.end, end: source.end };
}

/** A verb in "-ing" right after a comma: ", arresting hundreds", ", killing dozens". */
function isParticipleClause(view: TokenView, t: Trigger): boolean {
  if (t.kind !== 'verb' || !view.normal(t.head).endsWith('ing')) return false;
  // (", publicly threatening them": adverbs may stand between)
  let j = t.head - 1;
  while (j > 0 && view.pos(j) === 'ADV') j--;
  return j >= 0 && view.normal(j) === ',';
}

/** One (source, target, code) reading of a trigger. */
type Pair = [Mention | null, Mention | null, string];

/** Source and target pairs of a trigger: one per coordinated actor, both ways for reciprocal codes. */
function pairsOf(t: Trigger, sources: (Mention | null)[], targets: (Mention | null)[]): Pair[] {
  const { code, reciprocal, reverseCode } = t.pattern;
  const pairs: Pair[] = [];
  if (reciprocal && sources.length >= 2) {
    // "Russia, Iran and Turkey signed a memorandum", "French and Malian troops carried out joint raids
    // against militants": every member with every other, both ways; the object is not a party.
    for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b, code]);
    return pairs;
  }
  for (const s of sources) {
    for (const tg of targets) {
      pairs.push([s, tg, code]);
      if (tg === null || s === null) continue;
      if (reciprocal) pairs.push([tg, s, code]);
      // "arrived in Moscow": a place does not host; only a named actor does the reverse event.
      if (reverseCode !== null && tg.via.rule !== PLACE_TARGET_RULE) pairs.push([tg, s, reverseCode]);
    }
  }
  return pairs;
}

function expand(
  view: TokenView,
  ctx: SentenceContext,
  t: Trigger,
  source: ActorGroup | null,
  target: ActorGroup | null,
  carried: string,
  modality: Modality,
  article: Article,
  options: CoderOptions,
): DraftEvent[] {
  const sources = source?.members.map((r) => r.mention) ?? [null];
  let targets: (Mention | null)[] = target?.members.map((r) => r.mention) ?? [null];
  if (target === null && (options.placeTargets || PLACE_TARGET_CODES.has(t.pattern.code) || PLACE_TARGET_ROOTS.has(t.pattern.code.slice(0, 2)))) {
    targets = [placeTarget(view, ctx, t, article)];
  }
  if (targets[0] === null && options.impliedTargets && sources[0] !== null) {
    // CAMEO's convention for domestic events with no named target: protesters act on their own
    // government; repression, curfews, martial law and other restrictions by the state act on its own civilians.
    const country = sources[0].country;
    const root = t.pattern.code.slice(0, 2);
    const nonState = sources[0].role === null || !STATE_ROLES.has(sources[0].role);
    const code = t.pattern.code;
    const repression = code === '175' || code.startsWith('172');
    const role = root === '14' || (root === '10' && nonState) ? 'GOV' : repression && !nonState ? 'CVL' : null;
    if (country !== null && role !== null) targets = [impliedActor(sources[0], country, role)];
  }
  const out: DraftEvent[] = [];
  const tk = article.tokens;
  const sentence = article.sentences[ctx.index];
  for (const [s, tg, pairCode] of pairsOf(t, sources, targets)) {
    // An agreement signed by a company is a business deal: economic cooperation (061), not a formal state agreement (057).
    let code = pairCode === '057' && (s?.role === 'BUS' || tg?.role === 'BUS') ? '061' : pairCode;
    if ((s === null || !hasIdentity(s)) && !options.keepSourceless) continue;
    // Governments, armies, police and courts (and states named by their country) do not protest (root 14):
    // "soldiers marched" at a parade is no rally; a state blocking a crossing restricts movement (191).
    const state = s !== null && ((s.role !== null && STATE_ROLES.has(s.role)) || (s.role === null && s.kind === 'country'));
    if (code.startsWith('14') && state && code !== '144') continue;
    if (code === '144' && state) code = '191';
    if (tg === null && options.requireTarget) continue;
    if (s !== null && tg !== null && sameActor(s, tg)) continue;
    const starts = [tk.start[t.first]];
    const ends = [tk.end[t.last]];
    for (const m of [s, tg]) {
      if (m === null || m.sentence !== ctx.index || (m === tg && carried)) continue;
      starts.push(m.start);
      ends.push(m.end);
    }
    out.push({
      code,
      source: s,
      target: tg,
      sentence: ctx.index,
      head: t.head,
      evidenceStart: Math.max(sentence.start, Math.min(...starts)),
      evidenceEnd: Math.min(sentence.end, Math.max(...ends)),
      modality,
      rule: t.pattern.rule + (code === pairCode ? '' : code === '191' ? '+state-block' : '+business') + carried,
    });
  }
  return out;
}

/**
 * Codes the events of an article.
 * @example
 *   const article = codeEvents(withMentions, loadCoderResources());
 *   article.events[0].code // "163"
 */
export function codeEvents(article: Article, res: CoderResources, options: Partial<CoderOptions> = {}): Article {
  const opts = { ...DEFAULT_CODER_OPTIONS, ...options };
  article.events = assembleEvents(article, draftEvents(article, res, opts), res.codebook, res.people);
  return article;
}
