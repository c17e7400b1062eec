/**
 * @module coder/options
 * The coder stage's name, options (with the defaults measured on the development gold set,
 * docs/benchmarks.md) and the resources it loads once.
 */
import type { Codebook } from './cameo/codebook.js';
import type { PatternIndex } from './cameo/patterns.js';
import type { Person } from '../nlp/actors/lexicon.js';

export const CODER_STAGE = 'coder.cameo.v1';

export interface CoderOptions {
  /** Keep events whose source has no country or IGO code (default false: such events are dropped). */
  keepSourceless: boolean;
  /** Take a target the sentence leaves implicit from the previous sentence (rule gets "+carried-target"). */
  carryTarget: boolean;
  /** Take the subject of a sentence that starts with a pronoun from the previous sentence's subject. */
  carrySubject: boolean;
  /** Drop events with no target (CAMEO events are dyadic; default true). */
  requireTarget: boolean;
  /** A trigger with no source of its own takes the source of the sentence's previous trigger ("X expelled ... and closed ..."). */
  shareSource: boolean;
  /** When no actor is the target, take the country of a place after "in", "to", "at", "on" ... as the target. */
  placeTargets: boolean;
  /** When neither the clause nor the previous sentence gives a target, take another country's actor from the same sentence. */
  sentenceTargets: boolean;
  /** With no target: protests (14) and non-state demands (10) aim at the own government; state repression and restrictions (175, 172x) at the own civilians. */
  impliedTargets: boolean;
}

export const DEFAULT_CODER_OPTIONS: CoderOptions = {
  keepSourceless: false,
  carryTarget: true,
  carrySubject: true,
  requireTarget: true,
  shareSource: false,
  placeTargets: false,
  sentenceTargets: false,
  impliedTargets: true,
};

export interface CoderResources {
  codebook: Codebook;
  patterns: PatternIndex;
  /** Office holders by canonical name: a person is re-coded by the event's own date ("Obama expelled ..." in 2016). */
  people?: Map<string, Person>;
}
