/**
 * The package ships whole: `npm pack` holds the built engine, the built dashboard, the data and
 * samples the demo needs, and no tests, benchmarks or CI scripts; installing the tarball into
 * an empty project (from the npm cache when it holds the dependencies, as after npm ci) and running `detente demo` serves the
 * dashboard at `/`. better-sqlite3's native build is linked from this checkout's node_modules
 * rather than rebuilt: compiling SQLite would take minutes and download Node's headers.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm pack and install', () => {
  let dir: string;
  let files: string[] = [];
  let tarball: string;
  let demo: ChildProcess | undefined;

  beforeAll(() => {
    // The tarball packs what is built; build what is missing (prepare would rebuild everything).
    if (!existsSync(join(ROOT, 'dist/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (!existsSync(join(ROOT, 'web/dist/index.html'))) execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'detente-pack-'));
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    files = info.files.map((f) => f.path);
    tarball = join(dir, info.filename);
  }, 240_000);

  afterAll(() => {
    if (demo && demo.exitCode === null) demo.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the engine, the built dashboard, data and samples, and no tests, benchmarks or CI scripts', () => {
    for (const needed of ['package.json', 'README.md', 'bin/detente.js', 'dist/index.js', 'dist/cli/main.js', 'web/dist/index.html', 'data/cameo/codebook.tsv', 'schema/record.schema.json']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((f) => /^web\/dist\/assets\/index-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('samples/text/'))).toBe(true);
    const unwanted = files.filter((f) => /^(test|bench|scripts|src|docs|\.ci|\.github|node_modules|web\/src)\//.test(f) || /\.test\.|conformance|vitest|tsconfig|make-warc/.test(f));
    expect(unwanted).toEqual([]);
  });

  it('installs from the tarball and `detente demo` serves the dashboard at /', async () => {
    const project = join(dir, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'detente-pack-check', private: true, dependencies: { 'better-sqlite3': `file:${join(ROOT, 'node_modules/better-sqlite3')}` } }),
    );
    execFileSync('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project, stdio: 'pipe', timeout: 240_000 });
    const bin = join(project, 'node_modules/detente/bin/detente.js');
    expect(existsSync(bin)).toBe(true);

    demo = spawn(process.execPath, [bin, 'demo', '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    demo.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      demo!.stdout!.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /Dashboard: (\S+)/.exec(stdout);
        if (m) resolve(m[1]);
      });
      demo!.on('exit', (code) => reject(new Error(`detente demo exited with ${code}: ${stderr.slice(-2000)}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<main id="main"');
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    expect((await fetch(new URL(script!, url))).status).toBe(200);
    const stats = (await (await fetch(new URL('/api/stats', url))).json()) as { articles: number; events: number };
    expect(stats.articles).toBeGreaterThan(0);
    expect(stats.events).toBeGreaterThan(0);
    demo.kill('SIGTERM');
  }, 300_000);
});
