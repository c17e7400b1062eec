/**
 * End-to-end: the real server (API + built dashboard) on an ephemeral loopback port, a store
 * filled from samples/ and the hand-built fixtures, and headless Chromium driving the pages:
 * overview, a dyad with a mouse-drag brush on the uPlot canvas, an article whose event shows its
 * coding on focus and hover, an article with markup in its text (shown literally), keyboard
 * entry and a 375 px viewport. Screenshots go to test-results/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { defaultStages } from '../../src/pipeline/default-stages.js';
import { processInputs } from '../../src/pipeline/process.js';
import { createPipeline } from '../../src/pipeline/run.js';
import { fixtureCorpus, tempStore, type TempStore } from '../api/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(ROOT, 'test-results');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/dashboard: skipped, no Chromium at ${CHROMIUM} (apt install chromium, or set CHROMIUM_PATH)`);

describe.skipIf(!haveChromium)('dashboard end to end', () => {
  let t: TempStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web/dist/index.html'))) {
      execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    }
    mkdirSync(SHOTS, { recursive: true });
    t = await tempStore(fixtureCorpus());
    await processInputs([join(ROOT, 'samples')], { store: t.store, pipeline: createPipeline(defaultStages) });
    server = await startServer({ store: t.store, port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.cleanup();
  });

  it('shows the overview with counts, dyads and sparklines', async () => {
    await page.goto(server.url);
    await page.locator('.dyad a').first().waitFor();
    await page.locator('.count dd').first().waitFor();
    await page.locator('.dyad svg.sparkline polyline').first().waitFor();
    const top = (await page.request.get(`${server.url}api/dyads?limit=1`).then((r) => r.json())).dyads[0];
    expect(await page.locator('.dyad a').first().textContent()).toBe(`${top.source_country} → ${top.target_country}`);
    expect(await page.locator('.event-card').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
  });

  it('opens a dyad, brushes a range on the chart and lists its events', async () => {
    await page.goto(`${server.url}#/`);
    await page.locator('.dyad a', { hasText: 'USA → RUS' }).click();
    await page.waitForURL(/#\/dyad\/USA\/RUS$/);
    await page.locator('.chart .u-over').nth(1).waitFor();
    await page.locator('.event-card').first().waitFor();
    const api = async (query: string) => (await page.request.get(`${server.url}api/events?dyad=USA,RUS&limit=1000${query}`)).json();
    const everything = (await api('')).events.length;
    await expect.poll(() => page.locator('.event-card').count()).toBe(Math.min(50, everything));
    await page.screenshot({ path: join(SHOTS, 'dyad.png'), fullPage: true });

    // Drag across the right end of the USA → RUS plot, where the fixture events of 2026 are.
    const over = page.locator('.chart .u-over').first();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();

    await expect.poll(() => page.locator('.range-note').textContent()).toMatch(/^Showing \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/);
    const [, from, to] = /Showing (\S+) to (\S+)\./.exec((await page.locator('.range-note').textContent())!)!;
    expect(from < to).toBe(true);
    expect(to >= '2026-03').toBe(true);
    await expect.poll(() => page.locator('.dyad-events h2').textContent()).toBe(`Events ${from} to ${to}`);
    const inRange = (await api(`&from=${from}&to=${to}`)).events.length;
    expect(inRange).toBeGreaterThanOrEqual(8);
    expect(inRange).toBeLessThan(everything);
    await expect.poll(() => page.locator('.event-card').count()).toBe(Math.min(50, inRange));
    for (const date of await page.locator('.event-card .event-date').allTextContents()) {
      expect(date >= from && date.slice(0, to.length) <= to).toBe(true);
    }
    expect(await page.locator('#range-from').inputValue()).toBe(from);
    // The other direction's chart zoomed with it.
    const scales = await page.evaluate(() => [...document.querySelectorAll('.chart .u-over')].map((el) => el.getBoundingClientRect().width));
    expect(scales).toHaveLength(2);
    await page.screenshot({ path: join(SHOTS, 'dyad-brushed.png'), fullPage: true });
  });

  it('opens an event’s article and shows the event’s coding on focus and hover', async () => {
    const link = page.locator('.event-card .event-evidence a', { hasText: 'United States imposed sanctions on Russia.' });
    await link.click();
    await page.waitForURL(/#\/article\/usa-rus-1\?event=e2$/);
    const mark = page.locator('mark.event[data-events="e2"]');
    await mark.waitFor();
    // Arriving from an event link focuses that event, and the panel describes it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-events'))).toBe('e2');
    const panel = page.locator('#event-details');
    await expect.poll(() => panel.textContent()).toContain('163');
    const text = (await panel.textContent())!;
    expect(text).toContain('-8.0');
    expect(text).toContain('USAGOV');
    expect(text).toContain('RUSGOV');
    expect(text).toContain('2026-01-06 (from the text)');
    expect(text).toContain('test.fixture');
    expect(text).toContain('Material conflict');

    // Hover another event: the panel follows the pointer.
    await page.locator('mark.event[data-events="e1"]').hover();
    await expect.poll(() => panel.textContent()).toContain('036');
    // Keyboard: Tab moves between events and the panel follows focus.
    await page.locator('mark.event[data-events="e1"]').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-events'))).toBe('e2');
    await expect.poll(() => panel.textContent()).toContain('163');
    expect(await page.locator('.article-text mark.event').count()).toBe(4);
    expect(await page.locator('.article-text .mention').count()).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: join(SHOTS, 'article.png'), fullPage: true });
  });

  it('shows markup in an article literally and never runs it', async () => {
    await page.goto(`${server.url}#/article/hostile-1`);
    await page.locator('.article-text').waitFor();
    const text = await page.locator('.article-text').textContent();
    expect(text).toContain('<script>window.__pwned = true</script>');
    expect(await page.locator('main script, main img, .article-text b').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe('<img src=x onerror=alert(1)> Title');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('.quotes blockquote').first().textContent()).toBe('<script>window.__pwned = true</script>');
    await page.screenshot({ path: join(SHOTS, 'article-markup.png'), fullPage: true });
  });

  it('searches actors and quotes', async () => {
    await page.goto(`${server.url}#/search`);
    await page.locator('#search-q').fill('Dupont');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/search\?q=Dupont/);
    await page.locator('.quotes blockquote').first().waitFor();
    await page.goto(`${server.url}#/search?q=RUS`);
    await page.locator('.actors li').first().waitFor();
    expect(await page.locator('.actors li').first().textContent()).toContain('RUS');
    await page.locator('.event-card').first().waitFor();
    // Picking an actor lists the events it takes part in.
    await page.locator('.actors li a', { hasText: 'RUSMIL' }).first().click();
    await page.waitForURL(/kind=actor/);
    await expect.poll(() => page.locator('.events h2').textContent()).toBe('Events with actor RUSMIL');
    await page.locator('.event-card').first().waitFor();
    for (const what of await page.locator('.event-card .event-what').allTextContents()) expect(what).toContain('RUSMIL');
    await page.screenshot({ path: join(SHOTS, 'search.png'), fullPage: true });
  });

  it('starts with a skip link and reads at 375 px without sideways scrolling', async () => {
    const mobile = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await mobile.goto(server.url);
    await mobile.keyboard.press('Tab');
    expect(await mobile.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await mobile.keyboard.press('Enter');
    expect(await mobile.evaluate(() => document.activeElement?.id)).toBe('main');
    for (const hash of ['#/', '#/dyad/USA/RUS', '#/article/usa-rus-1']) {
      await mobile.goto(`${server.url}${hash}`);
      await mobile.locator('h1').waitFor();
      await mobile.locator('.event-card, mark.event').first().waitFor();
      expect(await mobile.evaluate(() => document.documentElement.scrollWidth), hash).toBeLessThanOrEqual(375);
    }
    expect(await mobile.locator('body > header, body > header nav, body > main, body > footer').count()).toBe(4);
    await mobile.screenshot({ path: join(SHOTS, 'mobile-article.png'), fullPage: true });
    await mobile.close();
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
