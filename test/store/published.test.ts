/**
 * The published package (dist/, built by `npm run build` before the tests) carries no test code:
 * the store conformance suite and its fixtures import vitest and exist only for the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../../dist');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe.skipIf(!existsSync(dist))('published dist/', () => {
  it('holds no conformance suite, fixtures or vitest import', () => {
    const js = files(dist).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(20);
    expect(js.filter((f) => /store\/(conformance|fixtures)/.test(f))).toEqual([]);
    expect(js.filter((f) => /from ['"]vitest['"]/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
