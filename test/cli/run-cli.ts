/**
 * Runs the built CLI (`node bin/detente.js`, as users do) and captures exit code and output.
 * CLI tests need `npm run build` first; `npm test` does it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open-store.js';
import { fixtureArticles } from '../../src/store/fixtures.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/detente.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run "npm run build" before the CLI tests');
}

/** Runs detente synchronously; DETENTE_DB is cleared so the tests never touch ./detente.db. */
export function runCli(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, DETENTE_DB: '', NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking the test's event loop (for long runs). */
export function runCliAsync(args: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, DETENTE_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `detente-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A database holding the store fixtures (3 articles, 7 events, 1 quote). */
export async function fixtureDb(path: string): Promise<string> {
  const store = await openStore(path);
  await store.putArticles(fixtureArticles());
  await store.close();
  return path;
}
