/**
 * @module store/postgres/summaries
 * The per-dyad and per-actor summaries of one batch of new articles, computed here and added
 * to the summary tables by the writer in one statement each. They hold what the SQLite store's
 * triggers keep (store/sqlite/migrations.ts 2 and 4): asserted totals per directed country
 * pair, mentions per (code, name), and events per (pair, modality, day | ISO week | month).
 */
import type { ArticleRecord } from '../../model/record.js';

export interface PeriodRow {
  source: string;
  target: string;
  modality: string;
  period: string;
  events: number;
  q: [number, number, number, number];
  sum: number;
}

export interface DyadTotalRow {
  source: string;
  target: string;
  events: number;
  sum: number;
  first: string | null;
  last: string | null;
}

export interface ActorTotalRow {
  code: string;
  name: string;
  country: string | null;
  role: string | null;
  mentions: number;
}

export interface BatchSummaries {
  days: PeriodRow[];
  weeks: PeriodRow[];
  months: PeriodRow[];
  totals: DyadTotalRow[];
  actors: ActorTotalRow[];
}

/** The Monday of a valid YYYY-MM-DD day's ISO week, or null for anything else. */
export function isoWeek(day: string): string | null {
  if (day.length !== 10) return null;
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) return null;
  const back = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - back * 86_400_000).toISOString().slice(0, 10);
}

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Summaries of the given (new) articles, each list sorted by its table's key. */
export function summarise(articles: ArticleRecord[]): BatchSummaries {
  const days = new Map<string, PeriodRow>();
  const weeks = new Map<string, PeriodRow>();
  const months = new Map<string, PeriodRow>();
  const totals = new Map<string, DyadTotalRow>();
  const actors = new Map<string, ActorTotalRow>();
  const add = (map: Map<string, PeriodRow>, source: string, target: string, modality: string, period: string, quad: number, goldstein: number) => {
    const key = `${source}\u0000${target}\u0000${modality}\u0000${period}`;
    let row = map.get(key);
    if (!row) {
      row = { source, target, modality, period, events: 0, q: [0, 0, 0, 0], sum: 0 };
      map.set(key, row);
    }
    row.events += 1;
    row.q[quad - 1] += 1;
    row.sum += goldstein;
  };
  for (const article of articles) {
    for (const event of article.events) {
      const source = event.source?.country;
      const target = event.target?.country;
      if (!source || !target) continue;
      const day = event.date ?? '';
      add(days, source, target, event.modality, day, event.quad_class, event.goldstein);
      if (day.length >= 7) add(months, source, target, event.modality, day.slice(0, 7), event.quad_class, event.goldstein);
      const week = isoWeek(day);
      if (week !== null) add(weeks, source, target, event.modality, week, event.quad_class, event.goldstein);
      if (event.modality !== 'asserted') continue;
      const key = `${source}\u0000${target}`;
      let total = totals.get(key);
      if (!total) {
        total = { source, target, events: 0, sum: 0, first: null, last: null };
        totals.set(key, total);
      }
      total.events += 1;
      total.sum += event.goldstein;
      if (day !== '') {
        if (total.first === null || day < total.first) total.first = day;
        if (total.last === null || day > total.last) total.last = day;
      }
    }
    for (const mention of article.mentions) {
      if (mention.code === null) continue;
      const name = mention.name ?? '';
      const key = `${mention.code}\u0000${name}`;
      let actor = actors.get(key);
      if (!actor) {
        actor = { code: mention.code, name, country: null, role: null, mentions: 0 };
        actors.set(key, actor);
      }
      actor.mentions += 1;
      actor.country ??= mention.country;
      actor.role ??= mention.role;
    }
  }
  const periodKey = (r: PeriodRow) => `${r.source}\u0000${r.target}\u0000${r.modality}\u0000${r.period}`;
  return {
    days: [...days.values()].sort(byKey(periodKey)),
    weeks: [...weeks.values()].sort(byKey(periodKey)),
    months: [...months.values()].sort(byKey(periodKey)),
    totals: [...totals.values()].sort(byKey((r) => `${r.source}\u0000${r.target}`)),
    actors: [...actors.values()].sort(byKey((r) => `${r.code}\u0000${r.name}`)),
  };
}
