import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT, runCli, tempDir } from './run-cli.js';

const dir = tempDir('extract');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/record.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
type AddFormats = (instance: Ajv2020) => unknown;
const addFormats = (formatsModule as unknown as { default?: AddFormats }).default ?? (formatsModule as unknown as AddFormats);
addFormats(ajv);
const validate = ajv.compile(schema);

beforeAll(() => assertBuilt());
afterAll(() => dir.remove());

/** Offsets must slice back to the words they claim: the contract that makes events traceable. */
function checkOffsets(record: any): string[] {
  const problems: string[] = [];
  const slice = (s: number, e: number) => record.text.slice(s, e);
  for (const s of record.sentences) if (!(s.start <= s.end && s.end <= record.text.length)) problems.push(`sentence ${s.start}-${s.end}`);
  for (const m of record.mentions) if (slice(m.start, m.end) !== m.text) problems.push(`mention "${m.text}"`);
  for (const e of record.events) {
    if (slice(e.evidence.start, e.evidence.end) !== e.evidence.text) problems.push(`event ${e.id} evidence`);
    if (e.sentence >= record.sentences.length) problems.push(`event ${e.id} sentence ${e.sentence}`);
    if (e.code.slice(0, 2) !== e.root) problems.push(`event ${e.id} root ${e.root} of ${e.code}`);
    for (const a of [e.source, e.target]) if (a && slice(a.start, a.end) !== a.text) problems.push(`event ${e.id} actor "${a.text}"`);
  }
  for (const q of record.quotes) if (slice(q.start, q.end) !== q.text) problems.push(`quote "${q.text}"`);
  return problems;
}

function parseLines(stdout: string): any[] {
  return stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

describe('detente extract', () => {
  const kinds = ['text', 'html', 'jsonl', 'feeds', 'warc'].filter((k) => existsSync(join(ROOT, 'samples', k)));

  it.each(kinds)('writes records from samples/%s that match the JSON Schema, offsets included', (kind) => {
    const r = runCli(['extract', join('samples', kind)]);
    // Samples may hold a deliberately broken item: then it is named and the exit code is 1.
    expect([0, 1]).toContain(r.code);
    if (r.code === 1) expect(r.stderr).toMatch(/^failed: /m);
    const records = parseLines(r.stdout);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const ok = validate(record);
      expect(ok ? [] : validate.errors!.map((e: { instancePath: string; message?: string }) => `${record.id} ${e.instancePath} ${e.message}`)).toEqual([]);
      expect(checkOffsets(record)).toEqual([]);
    }
  });

  it('reads standard input with -, and keeps the ids of a --jsonl file', () => {
    const stdin = runCli(['extract', '-', '--published', '2018-03-26'], { input: 'The United States expelled 60 Russian diplomats on Monday.\n' });
    expect(stdin.code).toBe(0);
    const [fromStdin] = parseLines(stdin.stdout);
    expect(validate(fromStdin)).toBe(true);
    expect(fromStdin.published).toBe('2018-03-26');
    const file = join(dir.path, 'in.txt');
    writeFileSync(file, [JSON.stringify({ id: 'mine-1', text: 'Iran and Iraq signed a trade agreement.' }), JSON.stringify({ text: 'Japan protested to China.' })].join('\n'));
    const jsonl = runCli(['extract', '--jsonl', file]);
    const records = parseLines(jsonl.stdout);
    expect(records.map((r) => r.id)[0]).toBe('mine-1');
    expect(records[1].id).toMatch(/\S/);
    // Without an id the id is a stable hash of the text: the same on a second run.
    expect(parseLines(runCli(['extract', '--jsonl', file]).stdout)[1].id).toBe(records[1].id);
  });

  it('stores nothing', () => {
    const db = join(dir.path, 'never.db');
    runCli(['extract', 'samples/text', '--db', db]);
    expect(existsSync(db)).toBe(false);
  });

  it('exits 2 with no input', () => {
    const r = runCli(['extract']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jsonl FILE');
  });
});
