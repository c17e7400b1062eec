/**
 * End-to-end: the analyst's views of issue 13 in headless Chromium, at desktop and phone widths,
 * each with a screenshot in test-results/:
 * - a chart whose events all fall in one period is drawn, and events dated only to a month are
 *   counted as a band with a note of what the chart leaves out;
 * - the modality control shows the negated and hypothetical events the default view hides;
 * - facets list their counts, choosing one writes it into the URL, and a reload restores the view;
 * - the map shades countries and links them to their events;
 * - the glossary explains countries, roles and modalities;
 * - on a phone, the explore view fits the screen, and tapping an event in an article opens its
 *   details as a sheet in view.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { fixtureArticle, tempStore, type FixtureEvent, type TempStore } from '../api/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(ROOT, 'test-results');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/views: skipped, no Chromium at ${CHROMIUM} (apt install chromium, or set CHROMIUM_PATH)`);

const sanction = (date: string, modality: FixtureEvent['modality'] = 'asserted'): FixtureEvent => ({
  source: 'USAGOV', target: 'RUSGOV', code: '163', quad: 4, goldstein: -8, date, modality, verb: 'imposed new sanctions on',
});
const expulsion = (date: string): FixtureEvent => ({
  source: 'RUSGOV', target: 'USAGOV', code: '1246', quad: 3, goldstein: -5, date, verb: 'expelled diplomats of',
});

describe.skipIf(!haveChromium)('the analyst views', () => {
  let t: TempStore;
  let server: RunningServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  async function open(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height }, hasTouch: width < 600 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web/dist/index.html'))) execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(SHOTS, { recursive: true });
    // Every dated event falls in March 2026 (one month bucket); one is dated only to the month; one is hypothetical.
    t = await tempStore([
      fixtureArticle('a1', '2026-03-03', [sanction('2026-03-02'), expulsion('2026-03-03')], 'Sanctions and expulsions'),
      fixtureArticle('a2', '2026-03-10', [sanction('2026-03')], 'Sanctions this month'),
      fixtureArticle('a3', '2026-03-12', [sanction('2026-03-12', 'hypothetical')], 'More sanctions threatened'),
    ]);
    server = await startServer({ store: t.store, port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.cleanup();
  });

  it('draws a one-period chart, bands a month-only date and says what it leaves out', { timeout: 60_000 }, async () => {
    const page = await open(1280, 900);
    await page.goto(`${server.url}/#/explore?dyad=USA,RUS`);
    await page.locator('.charts .chart').waitFor();
    await expect.poll(() => page.locator('.left-out').textContent()).toMatch(/dated only to a/);
    const note = (await page.locator('.left-out').textContent()) ?? '';
    expect(note).toMatch(/1 negated or hypothetical are not counted/);
    expect(await page.locator('.charts .chart canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'views-chart.png'), fullPage: true });
    await page.close();
  });

  it('shows hidden modalities on request and keeps the choice in the URL', { timeout: 60_000 }, async () => {
    const page = await open(1280, 900);
    await page.goto(`${server.url}/#/explore?dyad=USA,RUS`);
    await page.locator('.event-card').first().waitFor();
    await expect.poll(() => page.locator('.event-card').count()).toBe(3);
    await page.locator('#modality-all').check();
    await page.waitForURL(/modality=all/);
    await expect.poll(() => page.locator('.event-card').count()).toBe(4);
    await page.reload();
    await expect.poll(() => page.locator('.event-card').count()).toBe(4);
    expect(await page.locator('#modality-all').isChecked()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'views-modality.png'), fullPage: true });
    await page.close();
  });

  it('lists facet counts, writes a chosen value into the URL and restores it on reload', { timeout: 60_000 }, async () => {
    const page = await open(1280, 900);
    await page.goto(`${server.url}/#/explore`);
    const root = page.locator('.facet[data-facet="root"]');
    await root.locator('.facet-count').first().waitFor();
    const counts = await root.locator('li').allTextContents();
    expect(counts.join(' ')).toMatch(/16[^0-9]*2/); // two asserted 163 events under root 16
    await root.locator('a', { hasText: '16' }).first().click();
    await page.waitForURL(/root=16/);
    await expect.poll(() => page.locator('.event-card').count()).toBe(2);
    await page.reload();
    await expect.poll(() => page.locator('.event-card').count()).toBe(2);
    expect(await page.locator('.facet[data-facet="root"] .facet-chosen').textContent()).toMatch(/16/);
    await page.screenshot({ path: join(SHOTS, 'views-facets.png'), fullPage: true });
    await page.close();
  });

  it('shades countries on the map and links them to their events', { timeout: 60_000 }, async () => {
    const page = await open(1280, 900);
    await page.goto(`${server.url}/#/explore`);
    const russia = page.locator('svg.world-map path.country[data-country="RUS"]');
    await russia.waitFor();
    const ocean = await page.locator('svg.world-map path.country[data-country="BRA"]').getAttribute('fill');
    expect(await russia.getAttribute('fill')).not.toBe(ocean);
    const href = await page.locator('svg.world-map a:has(path.country[data-country="RUS"])').getAttribute('href');
    expect(href).toMatch(/country=RUS/);
    await page.goto(`${server.url}/${href}`);
    await expect.poll(() => page.locator('.event-card').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'views-map.png'), fullPage: true });
    await page.close();
  });

  it('fits the explore view (chart, modality, facets, map) on a 390 px phone without sideways scrolling', { timeout: 60_000 }, async () => {
    const page = await open(390, 844);
    await page.goto(`${server.url}/#/explore?dyad=USA,RUS&modality=all`);
    await page.locator('.charts .chart').waitFor();
    await page.locator('.facet[data-facet="root"] .facet-count').first().waitFor();
    await page.locator('svg.world-map').waitFor();
    await expect.poll(() => page.locator('.event-card').count()).toBe(4);
    expect(await page.locator('#modality-all').isChecked()).toBe(true);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(wide).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'views-explore-phone.png'), fullPage: true });
    await page.close();
  });

  it('explains countries, roles and modalities on the glossary page', { timeout: 60_000 }, async () => {
    const page = await open(390, 844);
    await page.goto(`${server.url}/#/glossary`);
    await page.locator('#glossary-countries').waitFor();
    expect(await page.locator('#glossary-countries').textContent()).toMatch(/RUS\s*Russia/);
    expect(await page.locator('#glossary-roles').textContent()).toMatch(/GOV/);
    expect(await page.locator('#glossary-modality').textContent()).toMatch(/hypothetical/);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(wide).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'views-glossary-phone.png'), fullPage: false });
    await page.close();
  });

  it('opens the details of a tapped event as a sheet in view on a phone', { timeout: 60_000 }, async () => {
    const page = await open(390, 844);
    await page.goto(`${server.url}/#/article/a1`);
    // (The legend above the text shows sample marks; the article's own marks carry their events.)
    const mark = page.locator('mark.event[data-events]').first();
    await mark.waitFor();
    await mark.tap();
    const panel = page.locator('#event-details');
    await expect.poll(() => panel.getAttribute('class')).toMatch(/\bopen\b/);
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(844);
    expect(await panel.textContent()).toMatch(/163|1246/);
    await page.screenshot({ path: join(SHOTS, 'views-article-sheet-phone.png') });
    await page.close();
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
