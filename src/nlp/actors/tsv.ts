/**
 * @module nlp/actors/tsv
 * Reads the project's dictionary files: UTF-8, tab-separated, one header line naming the
 * columns, `#` comment lines and blank lines ignored. Rows come back as objects keyed by the
 * header, so a file may add columns without breaking older readers.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export type TsvRow = Record<string, string>;

/** The repository's data/ folder (the same relative place from src/ and from dist/). */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../../data/', import.meta.url));
}

export function readTsv(path: string): TsvRow[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  let header: string[] | null = null;
  const rows: TsvRow[] = [];
  for (const line of lines) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (header === null) {
      header = cells.map((c) => c.trim());
      continue;
    }
    const row: TsvRow = {};
    header.forEach((name, i) => {
      row[name] = (cells[i] ?? '').trim();
    });
    rows.push(row);
  }
  return rows;
}

/** Every `*.tsv` in `dir`, in name order (empty when the folder is missing). */
export function readTsvDir(dir: string): TsvRow[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .flatMap((f) => readTsv(join(dir, f)));
}

/** Splits a "|"-separated list, dropping empty items. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '').split('|').map((s) => s.trim()).filter((s) => s.length > 0);
}
