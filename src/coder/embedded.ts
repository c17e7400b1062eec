/**
 * @module coder/embedded
 * CAMEO's conventions for events that are asked for, promised, demanded, refused or
 * threatened rather than done (docs/patterns.md, "Embedded and reported events"):
 *
 * - a frame event (appeal 02, intent 03, demand 10, reject 12, threat 13) whose complement
 *   holds an event takes the sub-code for what it is about: "urged Russia to release the
 *   sailors" is 0253, not 020; "threatened to secede" is 1313, not 130;
 * - an event promised with no frame verb of its own ("will support", "is prepared to impose",
 *   "is willing to send", "agreed to resign") is an intent (03x) when cooperative, a threat (13x)
 *   when conflictual; refused ("will not accept", "declined to resign") it is a rejection (12x).
 *
 * The embedded event itself keeps the modality the modality stage gave it (not asserted), so
 * only the frame is counted; "agreed to X" is the one implicative case: X stays as it was and
 * the intent is added. The sub-codes come from data/cameo/conventions/embedded.tsv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftEvent } from './assemble.js';
import { CAMEO_DATA_DIR } from './cameo/paths.js';
import { SPEECH_VERBS, type TokenView } from './tokens.js';
import type { Trigger } from './triggers.js';

/** The frames of the table's columns, by the root a frame event's code has. */
export type Frame = 'appeal' | 'intent' | 'demand' | 'reject' | 'threat';
const FRAME_OF_ROOT: Record<string, Frame> = { '02': 'appeal', '03': 'intent', '10': 'demand', '12': 'reject', '13': 'threat' };
const COLUMNS: Frame[] = ['appeal', 'intent', 'demand', 'reject', 'threat'];

/** Embedded code prefix → frame → code. */
export type EmbeddedTable = Map<string, Partial<Record<Frame, string>>>;

/** Parses embedded.tsv: `embedded appeal intent demand reject threat`, `-` for none. */
export function parseEmbeddedTable(text: string, file = 'embedded.tsv'): EmbeddedTable {
  const table: EmbeddedTable = new Map();
  let header = false;
  text.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!header) {
      header = true;
      if (cells.join(' ') !== `embedded ${COLUMNS.join(' ')}`) throw new Error(`${file}:${n + 1}: expected header "embedded ${COLUMNS.join(' ')}"`);
      return;
    }
    if (cells.length !== 6 || !/^\d{2,4}$/.test(cells[0])) throw new Error(`${file}:${n + 1}: expected a code and five columns, found "${line}"`);
    const row: Partial<Record<Frame, string>> = {};
    COLUMNS.forEach((c, i) => {
      if (cells[i + 1] !== '-') row[c] = cells[i + 1];
    });
    table.set(cells[0], row);
  });
  return table;
}

let packaged: EmbeddedTable | null = null;
/** The packaged table, read once. */
export function embeddedTable(): EmbeddedTable {
  packaged ??= parseEmbeddedTable(readFileSync(join(CAMEO_DATA_DIR, 'conventions', 'embedded.tsv'), 'utf8'));
  return packaged;
}

/** The code a frame takes from the event it embeds (the longest matching prefix), or null. */
export function frameCode(table: EmbeddedTable, frame: Frame, embedded: string): string | null {
  for (let n = embedded.length; n >= 2; n--) {
    const row = table.get(embedded.slice(0, n));
    if (row !== undefined) return row[frame] ?? null;
  }
  return null;
}

/** A trigger and the drafts coded from it. */
export interface CodedTrigger {
  trigger: Trigger;
  drafts: DraftEvent[];
}

const BREAKS = new Set([';', '.', 'but', 'while', 'whereas', 'although', 'though']);
/** How far after a frame's last word the embedded event's head may stand. */
const FRAME_REACH = 10;
/** Words before "to" that promise what follows: "plans to", "is prepared to", "agreed to". */
const INTENT_GOVERNORS = new Set([
  'plan', 'intend', 'agree', 'prepare', 'prepared', 'ready', 'willing', 'vow', 'pledge', 'promise', 'offer', 'decide', 'set',
  'poised', 'going', 'aim', 'scheduled', 'due', 'slated', 'determined', 'resolve', 'undertake', 'commit', 'committed', 'swear', 'sworn',
]);
/** Words before "to" that refuse what follows. */
const REFUSING_GOVERNORS = new Set(['refuse', 'decline', 'unwilling', 'reluctant']);
/** Implicative: the complement happened too ("agreed to extend the sanctions"), the intent is added. */
const IMPLICATIVE = new Set(['agree']);
const FUTURE_MODALS = new Set(['will', 'would', "'ll", '’ll', 'shall', 'wo']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re"]);
const PREPARE = new Set(['prepare']);
const RELATIVES = new Set(['that', 'which', 'who', 'whose']);
const NEGATORS = new Set(['not', "n't", '’t', 'never', 'nt']);
/** The roots of events that can be promised as cooperation; the rest (09-20) promised are threats. */
const COOPERATIVE = new Set(['03', '04', '05', '06', '07', '08']);

/** How the words before an event's head frame it: an intent, a refusal, or neither. */
/**
 * `implicative`: "agreed to"; `direct`: the event is the agreement's own object ("agreed to a
 * ceasefire"), so it stands beside the intent; `posture`: "the army prepared to resume shelling",
 * a preparation done, not announced (CAMEO 150).
 */
type Governance = { kind: 'intent' | 'reject'; implicative: boolean; modal: boolean; direct?: boolean; posture?: boolean } | null;

function governance(view: TokenView, t: Trigger, sStart: number): Governance {
  let k = t.first - 1;
  while (k >= sStart && view.pos(k) === 'ADV') k--;
  // "agreed to a ceasefire": a noun after "to" and its determiners and adjectives; "agreed to
  // undertake joint exercises", "would tighten the blockade": the object of a verb that codes
  // nothing itself stands where that verb stands.
  let lightVerb = false;
  if (t.kind === 'noun') {
    while (k >= sStart && ['DET', 'ADJ', 'NUM', 'NOUN'].includes(view.pos(k))) k--;
    if (k > sStart && view.pos(k) === 'VERB' && (view.normal(k - 1) === 'to' || FUTURE_MODALS.has(view.normal(k - 1)) || NEGATORS.has(view.normal(k - 1)))) {
      lightVerb = true;
      k--;
    }
  }
  if (k < sStart) return null;
  if (t.kind === 'noun' && view.normal(k) !== 'to' && !lightVerb) return null;
  if (view.normal(k) === 'to') {
    let g = k - 1;
    while (g >= sStart && view.pos(g) === 'ADV') g--;
    if (g < sStart) return null;
    // "is committed to opening up": commit to + -ing
    let negated = false;
    for (let j = g - 1; j >= Math.max(sStart, g - 3); j--) if (NEGATORS.has(view.normal(j))) negated = true;
    // "it had planned to give": a plan of the past, told as background, is no announcement.
    if (g > sStart && view.normal(g - 1) === 'had') return null;
    if (view.is(g, REFUSING_GOVERNORS)) return { kind: 'reject', implicative: false, modal: false };
    if (view.is(g, INTENT_GOVERNORS)) {
      if (negated) return { kind: 'reject', implicative: false, modal: false };
      const be = g > sStart && BE.has(view.normal(g - 1));
      return {
        kind: 'intent',
        implicative: view.is(g, IMPLICATIVE),
        modal: false,
        direct: t.kind === 'noun' && !lightVerb,
        posture: view.is(g, PREPARE) && view.pos(g) === 'VERB' && !be,
      };
    }
    return null;
  }
  // "will support", "would not provide": a future modal right before the verb (adverbs and "not" between).
  let negated = false;
  while (k >= sStart && (NEGATORS.has(view.normal(k)) || view.pos(k) === 'ADV')) {
    if (NEGATORS.has(view.normal(k))) negated = true;
    k--;
  }
  // (Not in a relative clause: "a bill that would allow extraditions" promises nothing.)
  const relative = k > sStart && RELATIVES.has(view.normal(k - 1));
  if (k < sStart || !FUTURE_MODALS.has(view.normal(k)) || (t.kind !== 'verb' && !lightVerb) || relative) return null;
  // "would" is a future only in reported speech ("said it would not provide"); told by the
  // writer it is a conditional or a past habit ("would not hold a formal meeting at the summit").
  if (view.normal(k) === 'would' && !reported(view, k, sStart)) return null;
  return { kind: negated ? 'reject' : 'intent', implicative: false, modal: true };
  return null;
}

/** A verb of saying in the sentence of token k: "said (that) it would ...", "... it would, the minister said". */
function reported(view: TokenView, k: number, sStart: number): boolean {
  const s = view.article.tokens.sentence[k];
  for (let j = sStart; j < view.count && view.article.tokens.sentence[j] === s; j++) if (j !== k && view.pos(j) === 'VERB' && view.is(j, SPEECH_VERBS)) return true;
  return false;
}

/** Words before a noun event that put it ahead: "the upcoming visit", "a planned summit". */
const AHEAD = new Set(['upcoming', 'forthcoming', 'planned', 'scheduled', 'proposed', 'expected', 'possible', 'potential', 'future', 'next']);
/** Time words that put a noun event ahead when they follow it: "his trip to Britain later this week". */
const FUTURE_TIME = new Set(['tomorrow', 'later', 'next', 'upcoming', 'coming']);

/**
 * A noun event announced, not happened: "the upcoming visit", "his trip to Britain later this
 * week", "talks next month". Only the noun's own phrase counts (up to a verb or clause break).
 */
export function plannedNoun(view: TokenView, t: Trigger, sEnd: number): boolean {
  if (t.kind !== 'noun') return false;
  for (let j = t.first - 1; j >= Math.max(0, t.first - 3); j--) {
    if (view.is(j, AHEAD)) return true;
    if (!['ADJ', 'DET', 'NOUN', 'PROPN', 'PRON'].includes(view.pos(j)) && view.normal(j) !== "'s") break;
  }
  for (let j = t.last + 1; j < Math.min(sEnd, t.last + 8); j++) {
    const w = view.normal(j);
    if (BREAKS.has(w) || w === ',' || view.pos(j) === 'VERB' || view.pos(j) === 'AUX') break;
    if (FUTURE_TIME.has(w)) return true;
  }
  return false;
}

const ANY_MODALS = new Set(['will', 'would', "'ll", '’ll', 'shall', 'wo', 'may', 'might', 'could', 'can']);

/** A modal verb before the trigger in its verb group ("may halt", "would not hesitate to strike"). */
function modalBefore(view: TokenView, t: Trigger, sStart: number): boolean {
  for (let j = t.first - 1; j >= Math.max(sStart, t.first - 5); j--) {
    const w = view.normal(j);
    if (ANY_MODALS.has(w)) return true;
    if (w === ',' || BREAKS.has(w) || (view.pos(j) !== 'ADV' && view.pos(j) !== 'AUX' && view.pos(j) !== 'PART' && view.pos(j) !== 'VERB' && w !== 'to')) return false;
  }
  return false;
}

/** "if" or "unless" after the trigger, before the sentence ends or a new sentence part begins. */
function conditionAfter(view: TokenView, t: Trigger, sEnd: number): boolean {
  for (let j = t.last + 1; j < sEnd; j++) {
    const w = view.normal(j);
    if (BREAKS.has(w)) return false;
    if (w === 'if' || w === 'unless') return true;
  }
  return false;
}

/** The event's source stands before its head: the reading in which the subject acts (not the reverse of a reciprocal). */
function subjectActs(view: TokenView, d: DraftEvent): boolean {
  return d.source !== null && d.source.start < view.article.tokens.start[d.head];
}

/** The frame trigger whose complement holds `t`: an earlier frame event of the sentence reaching over it. */
function frameOf(view: TokenView, t: Trigger, coded: CodedTrigger[]): CodedTrigger | null {
  let best: CodedTrigger | null = null;
  for (const c of coded) {
    const g = c.trigger;
    if (g === t || g.head >= t.head || t.head - g.last > FRAME_REACH) continue;
    if (FRAME_OF_ROOT[g.pattern.code.slice(0, 2)] === undefined) continue;
    let broken = false;
    for (let j = g.last + 1; j < t.first && !broken; j++) if (BREAKS.has(view.normal(j))) broken = true;
    if (!broken) best = c;
  }
  return best;
}

/** A frame code is refined only from its general form: 020 → 0253, 138 → 1381; never across sub-codes (1312 stays). */
function refines(current: string, next: string): boolean {
  if (next === current) return false;
  const general = current.length === 3 && current.endsWith('0') ? current.slice(0, 2) : current;
  return next.startsWith(general);
}

/**
 * Applies the conventions to one sentence's coded triggers: refines frame codes in place and
 * returns the intent, threat and refusal events to add.
 */
export function embeddedEvents(view: TokenView, coded: CodedTrigger[], sStart: number, sEnd: number, table: EmbeddedTable = embeddedTable()): DraftEvent[] {
  const added: DraftEvent[] = [];
  const seen = new Set<string>();
  for (const c of coded) {
    const t = c.trigger;
    const code = t.pattern.code;
    if (c.drafts.length === 0) continue;
    if (plannedNoun(view, t, sEnd)) for (const d of c.drafts) if (d.modality === 'asserted') d.modality = 'hypothetical';
    const frame = frameOf(view, t, coded);
    if (frame !== null) {
      // Frame refinement: the asserted frame event takes the sub-code for what it is about.
      const kind = FRAME_OF_ROOT[frame.trigger.pattern.code.slice(0, 2)];
      if (c.drafts.every((d) => d.modality === 'asserted')) continue;
      const next = frameCode(table, kind, code);
      if (next === null) continue;
      for (const d of frame.drafts) {
        if (d.modality === 'asserted' && refines(d.code, next)) {
          d.code = next;
          d.rule += `+about:${code}`;
        }
      }
      continue;
    }
    // "agreed to a ceasefire" coded by an "agree" pattern itself: the agreement is also a promise.
    // A threat is conditional by nature: "threatened to secede unless the Kremlin withdrew" is asserted.
    if (t.pattern.code.startsWith('13')) {
      for (const d of c.drafts) if (d.modality === 'hypothetical' && conditionAfter(view, t, sEnd) && !modalBefore(view, t, sStart)) d.modality = 'asserted';
    }
    // "The Community may halt mediation if cooperation founders, the minister said": a conflictual
    // act announced on a condition is a threat (13x).
    if (!COOPERATIVE.has(code.slice(0, 2)) && conditionAfter(view, t, sEnd) && modalBefore(view, t, sStart) && reported(view, t.head, sStart)) {
      const next = frameCode(table, 'threat', code);
      if (next !== null) {
        for (const d of c.drafts) {
          if (!subjectActs(view, d) || d.modality !== 'hypothetical') continue;
          const key = `${d.source?.start}:${d.target?.start}:${next}`;
          if (seen.has(key)) continue;
          seen.add(key);
          added.push({ ...d, code: next, modality: 'asserted', rule: `${d.rule}+conditional-threat` });
        }
        continue;
      }
    }
    const gov = view.is(t.head, IMPLICATIVE) && t.kind === 'verb' && COOPERATIVE.has(code.slice(0, 2)) && code.slice(0, 2) !== '03' ? { kind: 'intent' as const, implicative: true, modal: false, direct: true } : governance(view, t, sStart);
    if (gov === null) continue;
    const root = code.slice(0, 2);
    // "Trump announced the United States would withdraw from the Paris agreement": announcing that
    // relations will be reduced (16) reduces them; the announcement is the act (the development gold's convention).
    if (gov.modal && gov.kind === 'intent' && root === '16' && reported(view, t.head, sStart) && !conditionAfter(view, t, sEnd)) {
      for (const d of c.drafts) {
        if (!subjectActs(view, d) || d.modality !== 'hypothetical') continue;
        d.modality = 'asserted';
        d.rule += '+announced';
      }
      continue;
    }
    const column: Frame = gov.kind === 'reject' ? 'reject' : COOPERATIVE.has(root) ? 'intent' : 'threat';
    // "The army prepared to resume shelling": a show of force (150), not a threat.
    const posture = gov.posture === true && column === 'threat' && ['18', '19', '20'].includes(root);
    // A refusal of a conflictual act ("will not attack") is no CAMEO event; a conflictual act
    // agreed to is done, not threatened ("agreed to extend the sanctions"); a bare "will" or
    // "would" announces a decision ("announced it would withdraw"), which is a threat only when
    // the text says so (a threat verb is a frame, above).
    if (column !== 'intent' && !COOPERATIVE.has(root) && (column === 'reject' || gov.implicative || gov.modal)) continue;
    const next = posture ? '150' : frameCode(table, column, code);
    if (next === null) continue;
    for (const d of c.drafts) {
      if (!subjectActs(view, d)) continue;
      // "agreed to undertake joint exercises": the manual codes the intent only (0312); "agreed to a ceasefire" keeps both.
      if (gov.implicative && !gov.direct && d.modality === 'asserted') d.modality = 'hypothetical';
      // A bare modal leaves an asserted reading alone; an explicit intent word ("have sworn to fight") never asserts the act.
      if (!gov.implicative && d.modality === 'asserted' && gov.modal) continue;
      if (!gov.implicative && d.modality === 'asserted') d.modality = 'hypothetical';
      const key = `${d.source?.start}:${d.target?.start}:${next}`;
      if (seen.has(key)) continue;
      seen.add(key);
      added.push({ ...d, code: next, modality: 'asserted', rule: `${d.rule}+${posture ? 'posture' : column}` });
    }
  }
  return added;
}
