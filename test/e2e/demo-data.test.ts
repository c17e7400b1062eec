/**
 * The demo's front page as an analyst first sees it: the "newest events" (the overview's first
 * page) and the events of the top dyads, from the bundled samples coded as `detente demo` codes
 * them. None may be a same-country event unless the sentence names both actors as different
 * actors of that country, and none may come from a photo caption or a list of headlines (a
 * line with no sentence ending that is not the article's first line). The coder owns the
 * substance; this test reports what it gets wrong, naming each event.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endsWithCredit, endsWithTerminal, looksLikeCaption } from '../../src/ingest/text/furniture.js';
import { defaultStages } from '../../src/pipeline/default-stages.js';
import { processInputs } from '../../src/pipeline/process.js';
import { createPipeline } from '../../src/pipeline/run.js';
import type { EventRow, Store } from '../../src/store/store.js';
import { fixtureArticle, tempStore, type TempStore } from '../api/fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the overview shows: one page of newest events and the 12 most active dyads. */
const NEWEST = 50;
const TOP_DYADS = 12;

let t: TempStore;

beforeAll(async () => {
  t = await tempStore([]);
  await processInputs([join(ROOT, 'samples')], { store: t.store, pipeline: createPipeline(defaultStages) });
}, 120_000);
afterAll(async () => t?.cleanup());

/** The line of the article text that holds the evidence, and whether it is the article's first line. */
async function lineOf(store: Store, e: EventRow): Promise<{ line: string; first: boolean }> {
  const article = await store.getArticle(e.article_id);
  const text = article?.text ?? '';
  const start = text.lastIndexOf('\n', e.evidence.start - 1) + 1;
  const endAt = text.indexOf('\n', e.evidence.end);
  const line = text.slice(start, endAt < 0 ? text.length : endAt).trim();
  const first = text.slice(0, start).trim() === '';
  return { line, first };
}

/** Same country on both sides, unless the sentence names two different actors of it. */
function sameCountryUnsaid(e: EventRow): boolean {
  const s = e.source;
  const t = e.target;
  if (!s?.country || !t?.country || s.country !== t.country) return false;
  const inside = (a: NonNullable<EventRow['source']>) => a.start >= e.evidence.start && a.end <= e.evidence.end;
  const apart = s.end <= t.start || t.end <= s.start;
  return !(inside(s) && inside(t) && apart && s.code !== t.code);
}

async function problems(store: Store, events: EventRow[]): Promise<string[]> {
  const found: string[] = [];
  for (const e of events) {
    const label = `${e.article_id}/${e.id} ${e.code} ${e.source?.code ?? '—'}→${e.target?.code ?? '—'} “${e.evidence.text.slice(0, 90)}”`;
    if (sameCountryUnsaid(e)) found.push(`same country, not said: ${label}`);
    const { line, first } = await lineOf(store, e);
    if (endsWithCredit(line) || (!first && !endsWithTerminal(line) && looksLikeCaption(line))) found.push(`caption or headline line “${line.slice(0, 80)}”: ${label}`);
  }
  return found;
}

describe('demo data an analyst can trust', () => {
  it('the checks catch a photo caption and an unsaid same-country event', async () => {
    const bad = fixtureArticle('bad-1', '2026-01-01', [
      { source: 'USAGOV', target: 'RUSGOV', code: '036', quad: 1, goldstein: 4, date: '2026-01-01', verb: 'met' },
      { source: 'RUSGOV', target: 'UKRGOV', code: '190', quad: 4, goldstein: -10, date: '2026-01-01', verb: 'attacked' },
      { source: 'USAGOV', target: 'USAGOV', code: '010', quad: 1, goldstein: 0, date: '2026-01-01', verb: 'spoke to' },
    ]);
    // Line 2 becomes a caption with its credit, line 3 a headline with no sentence ending.
    bad.text = bad.text.replace(/\. /g, '.\n').replace('Russia attacked Ukraine.', 'Russia attacked Ukraine. Photo: Reuters');
    for (const e of bad.events) e.evidence = { ...e.evidence, start: bad.text.indexOf(e.evidence.text), end: bad.text.indexOf(e.evidence.text) + e.evidence.text.length };
    const local = await tempStore([bad]);
    try {
      const { events } = await local.store.queryEvents({ limit: 10 });
      const found = await problems(local.store, events);
      expect(found.some((f) => f.startsWith('caption') && f.includes('bad-1/e2'))).toBe(true);
      expect(found.some((f) => f.startsWith('same country') && f.includes('bad-1/e3'))).toBe(true);
      expect(found.some((f) => f.includes('bad-1/e1'))).toBe(false);
    } finally {
      await local.cleanup();
    }
  });

  it('the newest events on the overview are neither same-country events the text does not state nor captions or headline lists', async () => {
    const { events } = await t.store.queryEvents({ limit: NEWEST });
    expect(events.length).toBeGreaterThan(0);
    expect(await problems(t.store, events)).toEqual([]);
  });

  it('the top dyads hold no such events either', async () => {
    const dyads = await t.store.dyads({ limit: TOP_DYADS });
    expect(dyads.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const d of dyads) {
      const { events } = await t.store.queryEvents({ dyad: [d.source_country, d.target_country], directed: true, limit: 1000 });
      found.push(...(await problems(t.store, events)));
    }
    expect(found).toEqual([]);
  });
});
