/**
 * @module web/format
 * How values read on screen: QuadClass names, Goldstein with a sign, actor labels, and CAMEO
 * code names (fetched once from /api/codes).
 */
import { api, type Actor, type EventCode } from './api.js';

export const QUAD_NAMES = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'] as const;

export function quadName(q: number): string {
  return QUAD_NAMES[q - 1] ?? `QuadClass ${q}`;
}

export function goldstein(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}`;
}

export function actorLabel(actor: Actor | null): string {
  if (!actor) return '—';
  return actor.name ? `${actor.name} (${actor.code})` : actor.code;
}

let codes: Promise<Map<string, EventCode>> | undefined;

/** Code → codebook entry; an unreachable codebook leaves names out rather than failing the page. */
export function codeNames(): Promise<Map<string, EventCode>> {
  codes ??= api
    .codes()
    .then(({ codes: list }) => new Map(list.map((c) => [c.code, c])))
    .catch(() => new Map());
  return codes;
}

export function codeLabel(code: string, names: Map<string, EventCode>): string {
  const entry = names.get(code) ?? names.get(code.slice(0, 3)) ?? names.get(code.slice(0, 2));
  return entry ? `${code} ${entry.name}` : code;
}

/** Unix seconds of a period start ("YYYY-MM" or "YYYY-MM-DD"), UTC. */
export function periodSeconds(period: string): number {
  return Date.parse(period.length === 7 ? `${period}-01T00:00:00Z` : `${period}T00:00:00Z`) / 1000;
}

/** "YYYY-MM-DD" of unix seconds, UTC. */
export function isoDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
