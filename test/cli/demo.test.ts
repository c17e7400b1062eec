import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, tempDir } from './run-cli.js';

const dir = tempDir('demo');
beforeAll(() => assertBuilt());
afterAll(() => dir.remove());

describe('detente demo', () => {
  it('ingests the bundled samples into ./detente-demo.db and says what to try next', () => {
    const r = runCli(['demo', '--no-serve'], { cwd: dir.path });
    const failed = r.stderr.split('\n').filter((l) => l.startsWith('failed: '));
    expect(r.code).toBe(failed.length > 0 ? 1 : 0);
    expect(existsSync(join(dir.path, 'detente-demo.db'))).toBe(true);
    const [, articles] = /(\d+) articles, \d+ events/.exec(r.stdout) ?? [];
    expect(Number(articles)).toBeGreaterThanOrEqual(30);
    expect(r.stderr).toContain('Next:');
    expect(r.stderr).toContain('detente events --db detente-demo.db --dyad USA,RUS');
    const stats = JSON.parse(runCli(['stats', '--db', 'detente-demo.db', '--json'], { cwd: dir.path }).stdout);
    expect(stats.articles).toBe(Number(articles));
  });

  it('runs again without storing anything twice', () => {
    const before = JSON.parse(runCli(['stats', '--db', 'detente-demo.db', '--json'], { cwd: dir.path }).stdout);
    const r = runCli(['demo', '--db', 'detente-demo.db', '--no-serve'], { cwd: dir.path });
    expect(r.stderr).toMatch(/ingest: 0 new, \d+ duplicate/);
    const after = JSON.parse(runCli(['stats', '--db', 'detente-demo.db', '--json'], { cwd: dir.path }).stdout);
    expect(after.articles).toBe(before.articles);
  });
});
