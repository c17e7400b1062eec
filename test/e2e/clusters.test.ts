/**
 * End-to-end: cross-story clusters on the dashboard. Three articles report one expulsion, a
 * fourth a later one; on the explore page the event card says how many articles reported it and
 * links to the cluster's reports (the URL carries cluster=), and the Count control switches
 * between every report and each happening once (the URL carries per=cluster), at desktop and
 * phone widths. Screenshots go to test-results/.
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
if (!haveChromium) console.warn(`test/e2e/clusters: skipped, no Chromium at ${CHROMIUM} (apt install chromium, or set CHROMIUM_PATH)`);

const expulsion = (date: string): FixtureEvent => ({
  source: 'RUSGOV', target: 'USAGOV', code: '1246', quad: 3, goldstein: -5, date,
  verb: 'expelled ten diplomats of the embassy staff of',
});

describe.skipIf(!haveChromium)('clusters on the dashboard', () => {
  let t: TempStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web/dist/index.html'))) execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(SHOTS, { recursive: true });
    t = await tempStore([
      fixtureArticle('wire-a', '2026-03-02', [expulsion('2026-03-01')], 'Moscow expels ten US diplomats'),
      fixtureArticle('wire-b', '2026-03-02', [expulsion('2026-03-01')], 'Russia orders US diplomats out'),
      fixtureArticle('wire-c', '2026-03-03', [expulsion('2026-03-01')], 'Ten Americans expelled'),
      fixtureArticle('wire-d', '2026-04-11', [expulsion('2026-04-10')], 'A second round of expulsions'),
    ]);
    server = await startServer({ store: t.store, port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.cleanup();
  });

  it('links a report to the other reports of its happening', { timeout: 60_000 }, async () => {
    await page.goto(`${server.url}/#/explore?dyad=RUS,USA`);
    await page.locator('.event-card').first().waitFor();
    expect(await page.locator('.event-card').count()).toBe(4);
    const link = page.locator('.event-cluster a').first();
    expect(await link.textContent()).toMatch(/Reported by 3 articles/);
    await page.screenshot({ path: join(SHOTS, 'clusters-reports.png'), fullPage: true });
    await link.click();
    await page.waitForURL(/cluster=/);
    await page.waitForFunction(() => document.querySelectorAll('.event-card').length === 3);
    const articles = await page.locator('.event-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-event')?.split('/')[0]));
    expect(articles.sort()).toEqual(['wire-a', 'wire-b', 'wire-c']);
    await page.screenshot({ path: join(SHOTS, 'clusters-one-cluster.png'), fullPage: true });
  });

  it('counts each happening once on request, and the URL keeps the choice', { timeout: 60_000 }, async () => {
    await page.goto(`${server.url}/#/explore?dyad=RUS,USA`);
    await page.locator('.event-card').first().waitFor();
    await page.locator('#per-cluster').check();
    await page.waitForURL(/per=cluster/);
    await page.waitForFunction(() => document.querySelectorAll('.event-card').length === 2);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.event-card').length === 2);
    await page.waitForFunction(() => /happenings/.test(document.querySelector('.lede')?.textContent ?? ''));
    expect(await page.locator('.lede').textContent()).toMatch(/^2 asserted happenings \(each counted once\) match/);
    expect(await page.locator('#per-cluster').isChecked()).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await page.locator('.per-control').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'clusters-per-cluster-phone.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('counts each happening once on the dyad page too, timeline and list alike', { timeout: 60_000 }, async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/#/dyad/RUS/USA`);
    await page.waitForFunction(() => document.querySelectorAll('.event-card').length === 4);
    await page.locator('#per-cluster').check();
    await page.waitForURL(/per=cluster/);
    await page.waitForFunction(() => document.querySelectorAll('.event-card').length === 2);
    const res = await page.evaluate(async () => (await fetch('/api/dyads/RUS/USA/timeline?bucket=month&per=cluster&directed=true')).json());
    expect(res.buckets.map((b: { events: number }) => b.events)).toEqual([1, 1]);
    await page.screenshot({ path: join(SHOTS, 'clusters-dyad-per-cluster.png'), fullPage: true });
  });

  it('downloads the view in the analyst formats, per cluster as the view counts', { timeout: 60_000 }, async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/#/explore?dyad=RUS,USA&per=cluster`);
    await page.locator('.downloads a[data-format="gdelt"]').waitFor();
    const formats = await page.locator('.downloads a').evaluateAll((links) => links.map((a) => a.getAttribute('data-format')));
    expect(formats).toEqual(expect.arrayContaining(['csv', 'jsonl', 'gdelt', 'gdelt-mentions', 'plover', 'polecat', 'icews']));
    const href = await page.locator('.downloads a[data-format="gdelt"]').getAttribute('href');
    expect(href).toMatch(/^\/api\/export\?/);
    expect(href).toContain('per=cluster');
    const text = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    const rows = text.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toHaveLength(61);
    await page.locator('.downloads').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'clusters-downloads.png') });
  });
});
