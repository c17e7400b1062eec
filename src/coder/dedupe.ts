/**
 * @module coder/dedupe
 * One event, many mentions: news repeats its main event in the headline, the lead and the
 * body. Events with the same source and target actor codes, event code, date and modality
 * are merged into the first one, whose `mentions_of_event` then lists every evidence span.
 */
import type { CodedEvent } from '../model/event.js';

function keyOf(e: CodedEvent): string {
  return [e.source?.code ?? '-', e.target?.code ?? '-', e.code, e.date ?? '-', e.modality].join('|');
}

/** Merges repeated events, keeping text order of first mentions. */
export function dedupeEvents(events: CodedEvent[]): CodedEvent[] {
  const byKey = new Map<string, CodedEvent>();
  const out: CodedEvent[] = [];
  for (const e of events) {
    const key = keyOf(e);
    const first = byKey.get(key);
    if (first === undefined) {
      byKey.set(key, e);
      out.push(e);
      continue;
    }
    const spans = first.mentions_of_event ?? [first.evidence];
    if (!spans.some((s) => s.start === e.evidence.start && s.end === e.evidence.end)) spans.push(e.evidence);
    first.mentions_of_event = spans;
  }
  return out;
}
