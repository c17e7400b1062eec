/**
 * The API over a store filled from the bundled samples by the real pipeline: what a user of
 * `detente demo` sees. The hand-built fixtures check the arithmetic; this checks the wiring
 * from real articles to answers (dyads found, events traceable to their article's text).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { defaultStages } from '../../src/pipeline/default-stages.js';
import { processInputs } from '../../src/pipeline/process.js';
import { createPipeline } from '../../src/pipeline/run.js';
import { tempStore, type TempStore } from './fixtures.js';
import { getJson, type App } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('API over the bundled samples', () => {
  let t: TempStore;
  let app: App;

  beforeAll(async () => {
    t = await tempStore([]);
    const summary = await processInputs([join(ROOT, 'samples')], { store: t.store, pipeline: createPipeline(defaultStages) });
    expect(summary.failed).toBe(0);
    app = createApp({ store: t.store });
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('ranks the USA–RUS dyad among the most active', async () => {
    const body = await getJson(app, '/api/dyads?limit=5');
    const pairs = body.dyads.map((d: { source_country: string; target_country: string }) => `${d.source_country}-${d.target_country}`);
    expect(pairs.some((p: string) => p === 'USA-RUS' || p === 'RUS-USA')).toBe(true);
  });

  it('returns USA–RUS events whose evidence is the text of their own article', async () => {
    const body = await getJson(app, '/api/events?dyad=USA,RUS&limit=20');
    expect(body.events.length).toBeGreaterThan(5);
    for (const event of body.events.slice(0, 5)) {
      const article = await getJson(app, `/api/articles/${encodeURIComponent(event.article_id)}`);
      const text: string = article.text;
      expect(text.slice(event.evidence.start, event.evidence.end)).toBe(event.evidence.text);
      // A multilateral event (a summit) is in the dyad when both countries are among its participants.
      const sides = event.participants ? event.participants.map((p: { country: string | null }) => p.country) : [event.source?.country, event.target?.country];
      expect(sides).toEqual(expect.arrayContaining(['RUS', 'USA']));
      if (!event.participants) expect(sides.sort()).toEqual(['RUS', 'USA']);
    }
  });

  // Events dated only to a year cannot sit in a month bucket; every other event must be counted.
  it('gives a monthly USA–RUS timeline whose counts add up to the month-dated events listed', async () => {
    const timeline = await getJson(app, '/api/dyads/USA/RUS/timeline?bucket=month');
    const total = timeline.buckets.reduce((sum: number, b: { events: number }) => sum + b.events, 0);
    let listed = 0;
    let cursor: string | null = null;
    do {
      const page: { events: { date: string | null }[]; next: string | null } = await getJson(
        app,
        `/api/events?dyad=USA,RUS&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      listed += page.events.filter((e) => e.date !== null && e.date.length >= 7).length;
      cursor = page.next;
    } while (cursor);
    expect(total).toBe(listed);
  });
});
