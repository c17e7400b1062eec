import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimateItems } from './estimate-items.js';

const dir = mkdtempSync(join(tmpdir(), 'detente-estimate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('estimateItems', () => {
  it('counts one item per non-empty JSONL line and one per other file, walking folders', async () => {
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'a.jsonl'), '{"id":1}\n\n{"id":2}\r\n  \n{"id":3}');
    writeFileSync(join(dir, 'nested', 'b.txt'), 'Some text.');
    writeFileSync(join(dir, 'nested', 'c.html'), '<p>x</p>');
    writeFileSync(join(dir, '.hidden'), 'ignored');
    expect(await estimateItems([dir])).toBe(5);
  });

  it('reads every file as JSONL when asked, and cannot estimate standard input', async () => {
    writeFileSync(join(dir, 'lines.txt'), 'one\ntwo\n');
    expect(await estimateItems([join(dir, 'lines.txt')], { jsonl: true })).toBe(2);
    expect(await estimateItems(['-'])).toBeNull();
  });
});
