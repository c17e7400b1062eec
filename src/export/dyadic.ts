/**
 * @module export/dyadic
 * The pairwise view of a multilateral event: one row per unordered pair of its participants
 * (in participant order), for tools that only know dyads. Other events pass through unchanged.
 */
import type { CodedEvent } from '../model/event.js';

export function expandDyadic<E extends CodedEvent>(event: E): E[] {
  const people = event.participants ?? [];
  if (people.length < 2) return [event];
  const rows: E[] = [];
  let k = 0;
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      k += 1;
      rows.push({ ...event, id: `${event.id}.${k}`, source: people[i], target: people[j] });
    }
  }
  return rows;
}

/**
 * The dyadic reading of an event for scoring against dyadic gold: a multilateral event counts as
 * the pairwise events the coder read between its participants (`dyads`), not as every pair of
 * participants — gold codes "leaders met at the G20" as the pairs the sentence names, never as
 * the G20's 190 pairs. A multilateral event with no pairwise reading counts as none. Other events
 * pass through unchanged. Each pairwise reading keeps its own modality.
 */
export function dyadicReading<E extends CodedEvent>(event: E): E[] {
  if (!event.participants) return [event];
  return (event.dyads ?? []).map((d, k) => ({ ...event, id: `${event.id}.${k + 1}`, source: d.source, target: d.target, code: d.code, root: d.code.slice(0, 2), modality: d.modality }));
}

/** The unordered pairs of participant countries (or codes) of a multilateral event, each once. */
export function participantPairs(event: CodedEvent): [string, string][] {
  const sides = [...new Set((event.participants ?? []).map((p) => p.country ?? p.code))];
  const pairs: [string, string][] = [];
  for (let i = 0; i < sides.length; i += 1) {
    for (let j = i + 1; j < sides.length; j += 1) pairs.push(sides[i] < sides[j] ? [sides[i], sides[j]] : [sides[j], sides[i]]);
  }
  return pairs;
}
