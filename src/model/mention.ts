/**
 * @module model/mention
 * Mentions of actors and places found by the language layer (nlp/actors, nlp/places).
 */
import type { Via } from './span.js';

export type MentionKind = 'person' | 'organization' | 'country' | 'location' | 'group';

/**
 * One mention of an actor or place in article.text. The fields before `sentence` are the
 * record-format contract; the rest is internal and dropped (or kept as extras) on output.
 */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** CAMEO actor code, e.g. USAGOV, RUSLEG, IGOUNO, UKRREB; null for a place with no actor role. */
  code: string | null;
  /** Three-letter country part (ISO 3166 alpha-3, CAMEO style) or null. */
  country: string | null;
  /** Role part (GOV, MIL, LEG, JUD, OPP, REB, BUS, MED, EDU, NGO, ...) or null. */
  role: string | null;
  /** Canonical name (Vladimir Putin, Atlantic Council, Russia, Hamburg). */
  name: string | null;
  /** Index into article.sentences. */
  sentence: number;
  /** Affiliation for people (think tank, ministry, newspaper) when the text gives one. */
  affiliation?: string | null;
  /** Coordinates for places. */
  lat?: number;
  lon?: number;
  /** For a later mention (surname, title, pronoun) resolved to an earlier one: that mention's index. */
  antecedent?: number;
  via: Via;
}
