/**
 * @module cli/estimate-items
 * A quick estimate of how many items an ingest will see, for the progress bar's ETA:
 * one per line of a JSONL file, one per other input file (a feed or WARC is counted as one
 * and the bar grows as it is read), directories walked. Unknown for standard input.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const JSONL = new Set(['.jsonl', '.ndjson']);

export async function estimateItems(paths: string[], options: { jsonl?: boolean } = {}): Promise<number | null> {
  let total = 0;
  for (const path of paths) {
    if (path === '-') return null;
    const n = await countPath(path, options.jsonl ?? false);
    if (n === null) return null;
    total += n;
  }
  return total;
}

/**
 * Counts like the walk reads: a path given is followed even if it is a link, but inside a
 * directory links to directories are not (two links to their own folder made this loop
 * forever), and only regular files are opened (a FIFO would block).
 */
async function countPath(path: string, jsonl: boolean, given = true): Promise<number | null> {
  let info;
  try {
    info = given ? await stat(path) : await lstat(path);
  } catch {
    return 1; // the reader will report it as a failed item
  }
  if (info.isDirectory()) {
    let total = 0;
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch {
      return 1;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink() || !(entry.isDirectory() || entry.isFile())) continue;
      total += (await countPath(join(path, entry.name), jsonl, false)) ?? 0;
    }
    return total;
  }
  if (!info.isFile()) return 1;
  if (!(jsonl || JSONL.has(extname(path).toLowerCase()))) return 1;
  try {
    return await countLines(path);
  } catch {
    return 1;
  }
}

/** Counts non-empty lines without holding the file in memory. */
function countLines(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let lines = 0;
    let sawContent = false;
    createReadStream(path)
      .on('data', (chunk: Buffer | string) => {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        for (let i = 0; i < buffer.length; i++) {
          const byte = buffer[i];
          if (byte === 10) {
            if (sawContent) lines += 1;
            sawContent = false;
          } else if (byte !== 13 && byte !== 32 && byte !== 9) {
            sawContent = true;
          }
        }
      })
      .on('end', () => resolve(lines + (sawContent ? 1 : 0)))
      .on('error', reject);
  });
}
