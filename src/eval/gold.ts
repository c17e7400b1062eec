/**
 * @module eval/gold
 * Reads a gold file: JSONL, one `{id, date, text, events: [{source, target, code}]}` per line.
 * An empty `events` list means the text reports no event (negated, hypothetical, questioned
 * or background sentences are labelled that way).
 *
 * A file may instead be passage-labelled: one `{id, code, text}` per line, the code the
 * passage illustrates and no actors (the CAMEO manual's example passages). `readGoldFile`
 * tells the two kinds apart by their first record; a file mixing them is an error.
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

export interface PassageRecord {
  id: string;
  /** The CAMEO code the passage illustrates ("0311", "173"). */
  code: string;
  text: string;
  /** Publication date when the line gives one, else null. */
  date: string | null;
}

export type GoldFile = { kind: 'events'; records: GoldRecord[] } | { kind: 'passages'; records: PassageRecord[] };

/** True when a parsed JSON line is a passage record: a code of its own and no event list. */
export function isPassageLine(value: unknown): boolean {
  const r = value as { code?: unknown; events?: unknown; text?: unknown } | null;
  return typeof r === 'object' && r !== null && typeof r.text === 'string' && typeof r.code === 'string' && r.events === undefined;
}

/** Parses passage-labelled gold JSONL; every problem names its line. */
export function parsePassages(text: string, file = 'gold'): PassageRecord[] {
  const out: PassageRecord[] = [];
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
    if (!isPassageLine(value)) {
      throw new DetenteError('E_GOLD', `${file}:${n + 1}: expected a passage {"id", "code", "text"} like the lines before it`);
    }
    const r = value as { id?: unknown; code: string; text: string; date?: unknown };
    if (!/^\d{2,4}$/.test(r.code)) {
      throw new DetenteError('E_GOLD', `${file}:${n + 1}: expected "code" to be a CAMEO code like "0311", found ${JSON.stringify(r.code)}`);
    }
    out.push({ id: String(r.id ?? `line-${n + 1}`), code: r.code, text: r.text, date: typeof r.date === 'string' ? r.date : null });
  }
  return out;
}

/** Parses either kind of gold file, deciding by the first non-empty line. */
export function parseGoldFile(text: string, file = 'gold'): GoldFile {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '');
  let passages = false;
  if (first !== undefined) {
    try {
      passages = isPassageLine(JSON.parse(first));
    } catch {
      passages = false; // parseGold names the line
    }
  }
  return passages ? { kind: 'passages', records: parsePassages(text, file) } : { kind: 'events', records: parseGold(text, file) };
}

export function readGoldFile(path: string): GoldFile {
  return parseGoldFile(readFileSync(path, 'utf8'), path);
}
