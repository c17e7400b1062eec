/**
 * @module eval/gold
 * Reads a gold file: JSONL, one `{id, date, text, events: [{source, target, code}]}` per line.
 * An empty `events` list means the text reports no event (negated, hypothetical, questioned
 * or background sentences are labelled that way).
 */
import { readFileSync } from 'node:fs';
import { DetenteError } from '../errors.js';

export interface GoldEvent {
  source: string | null;
  target: string | null;
  code: string;
}

export interface GoldRecord {
  id: string;
  /** Publication date, "YYYY-MM-DD" (or null). */
  date: string | null;
  text: string;
  events: GoldEvent[];
  tags?: string[];
}

/** Parses gold JSONL text; every problem names its line. */
export function parseGold(text: string, file = 'gold'): GoldRecord[] {
  const out: GoldRecord[] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DetenteError('E_GOLD', `${file}:${n + 1}: expected a JSON object, found invalid JSON (${(error as Error).message})`);
    }
    const r = value as Partial<GoldRecord>;
    if (typeof r !== 'object' || r === null || typeof r.text !== 'string' || !Array.isArray(r.events)) {
      throw new DetenteError('E_GOLD', `${file}:${n + 1}: expected {"id", "date", "text", "events": [...]}`);
    }
    for (const e of r.events) {
      if (typeof e?.code !== 'string' || !/^\d{2,4}$/.test(e.code)) {
        throw new DetenteError('E_GOLD', `${file}:${n + 1}: expected each event to have a CAMEO "code" like "163", found ${JSON.stringify(e)}`);
      }
    }
    out.push({ id: String(r.id ?? `line-${n + 1}`), date: typeof r.date === 'string' ? r.date : null, text: r.text, events: r.events, tags: r.tags });
  }
  return out;
}

export function readGold(path: string): GoldRecord[] {
  return parseGold(readFileSync(path, 'utf8'), path);
}
