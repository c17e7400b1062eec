/**
 * @module model/event
 * Coded events (coder/) and the actors that take part in them.
 */
import type { TextSpan, Via } from './span.js';

/** Who acted or was acted upon: a mention's code and canonical name plus where its words are. */
export interface Actor {
  code: string;
  country: string | null;
  role: string | null;
  name: string | null;
  text: string;
  start: number;
  end: number;
}

export type Modality = 'asserted' | 'negated' | 'hypothetical';
export type QuadClass = 1 | 2 | 3 | 4;

export interface EventLocation {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface CodedEvent {
  /** Stable within the article ("e1", "e2", ... in text order). */
  id: string;
  /** CAMEO event code, 3 or 4 digits ("163"); two-digit root codes are allowed when nothing finer fits. */
  code: string;
  root: string;
  quad_class: QuadClass;
  goldstein: number;
  source: Actor | null;
  target: Actor | null;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  date: string | null;
  date_source: 'text' | 'published' | null;
  location: EventLocation | null;
  sentence: number;
  /** The first (main) span that carries the event. */
  evidence: TextSpan;
  /** Every span of the article that reports this same event (lead, caption, body); includes `evidence`. */
  mentions_of_event?: TextSpan[];
  modality: Modality;
  /** The pattern or model that produced it. */
  rule: string;
  via?: Via;
  /**
   * A multilateral event (a summit, an accord of several states): every participant, in text
   * order. Source and target then hold only what the sentence makes a side (often none).
   */
  participants?: Actor[];
  /** The grouping or organisation the multilateral event belongs to ("G20", "P5+1"). */
  organisation?: { name: string; code: string | null } | null;
  /**
   * A multilateral event's pairwise readings: the directed events the coder read between its
   * participants in the same sentence before they were folded into it ("Russia and Ukraine
   * agreed" → RUS→UKR, UKR→RUS). Dyadic scoring uses these, not every pair of participants.
   */
  dyads?: { source: Actor | null; target: Actor | null; code: string; modality: Modality }[];
}
