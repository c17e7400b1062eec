/**
 * The commands end to end, as a user runs them: `detente demo` ingests the samples, prints the
 * dashboard URL and serves it until Ctrl+C (SIGINT), then exits 0; `detente serve` serves an
 * existing database and refuses a bad flag with exit code 2.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'detente-serve-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from source (no build needed). */
function detente(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  const entry = `import(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(args)}); })`;
  return spawn(process.execPath, ['--import', 'tsx', '-e', entry], { cwd: ROOT, env: { ...process.env, ...env } });
}

function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp, stream: 'stdout' | 'stderr'): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        child[stream].off('data', onData);
        resolve(match);
      }
    };
    child[stream].on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${seen}`)));
  });
}

const exitCode = (child: ChildProcessWithoutNullStreams) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('detente demo and detente serve', () => {
  const db = join(dir, 'demo.db');

  it('demo ingests the samples, prints the dashboard URL, serves it and stops on SIGINT', async () => {
    const child = detente(['demo', '--db', db, '--port', '0']);
    const [, url] = await waitFor(child, /Dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/, 'stdout');
    const stats = (await (await fetch(`${url}api/stats`)).json()) as { articles: number; events: number };
    expect(stats.articles).toBeGreaterThan(10);
    expect(stats.events).toBeGreaterThan(0);
    const home = await fetch(url);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    const exited = exitCode(child);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 180_000);

  it('demo --no-serve returns after the findings', async () => {
    const child = detente(['demo', '--db', db, '--no-serve']);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    expect(await exitCode(child)).toBe(0);
    expect(out).not.toContain('Dashboard:');
  }, 180_000);

  it('serve enables POST with DETENTE_TOKEN and stops on SIGTERM', async () => {
    const child = detente(['serve', '--db', db, '--port', '0'], { DETENTE_TOKEN: 'env-token' });
    const [, url] = await waitFor(child, /dashboard (http:\/\/127\.0\.0\.1:\d+\/)/, 'stderr');
    const denied = await fetch(`${url}api/articles`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: 'Bearer nope' }, body: 'x' });
    expect(denied.status).toBe(403);
    const ok = await fetch(`${url}api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer env-token' },
      body: 'Japan and South Korea agreed on Tuesday to resume security talks in Tokyo, officials said.',
    });
    expect(ok.status).toBe(201);
    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);

  it('serve refuses a bad port with exit code 2', async () => {
    const child = detente(['serve', '--db', db, '--port', 'eighty']);
    expect(await exitCode(child)).toBe(2);
  }, 60_000);
});
