/**
 * @module ingest/files
 * Input paths to sources: files as given, directories walked recursively (in sorted order,
 * hidden entries skipped) for the extensions a reader claims, and "-" for standard input.
 * The size limit is checked with stat before a file is read; a missing path, an empty file
 * or an over-large one becomes an error naming it.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ItemError, errorMessage } from '../errors.js';
import { DEFAULT_MAX_BYTES, type InputSource } from './source.js';
import { readerForName } from './registry.js';

/** A path to read, or the error that stopped it from being read. */
export type FileEntry = { ok: true; path: string } | { ok: false; error: ItemError };

/**
 * Expands `paths` into the files to read, in input order. Directory members without a
 * reader's extension are left out; a file named explicitly is always read (and sniffed).
 */
export async function* expandPaths(paths: string[]): AsyncIterable<FileEntry> {
  for (const path of paths) {
    if (path === '-') {
      yield { ok: true, path };
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { ok: false, error: new ItemError('E_NOT_FOUND', path, `cannot open: ${errorMessage(error)}`) };
      continue;
    }
    if (info.isDirectory()) yield* walk(path);
    else yield { ok: true, path };
  }
}

async function* walk(dir: string): AsyncIterable<FileEntry> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { ok: false, error: new ItemError('E_NOT_FOUND', dir, `cannot read the directory: ${errorMessage(error)}`) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && readerForName(entry.name)) yield { ok: true, path };
  }
}

/**
 * A source for a file whose size was checked with stat first.
 * @throws ItemError E_EMPTY for an empty file, E_TOO_LARGE over `maxBytes` (unless the reader streams).
 */
export async function fileSource(path: string, { maxBytes = DEFAULT_MAX_BYTES, streams = false } = {}): Promise<InputSource> {
  const info = await stat(path);
  if (info.size === 0) throw new ItemError('E_EMPTY', path, 'the file is empty');
  if (!streams && info.size > maxBytes) {
    throw new ItemError(
      'E_TOO_LARGE',
      path,
      `the file is ${info.size} bytes, over the ${maxBytes}-byte limit (raise it with the maxBytes option)`,
    );
  }
  return {
    name: path,
    bytes: async () => new Uint8Array(await readFile(path)),
    stream: () => createReadStream(path, { highWaterMark: 1 << 16 }),
  };
}

/** The first bytes of a file, for sniffing its format. */
export async function readHead(path: string, length = 1024): Promise<Uint8Array> {
  const stream = createReadStream(path, { start: 0, end: length - 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Standard input as a source, read whole up to `maxBytes`.
 * @throws ItemError E_TOO_LARGE when more arrives, E_EMPTY when nothing does.
 */
export async function stdinSource(maxBytes = DEFAULT_MAX_BYTES, input: AsyncIterable<Uint8Array> = process.stdin): Promise<InputSource> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += chunk.length;
    if (size > maxBytes) throw new ItemError('E_TOO_LARGE', '-', `standard input is over the ${maxBytes}-byte limit`);
    chunks.push(chunk);
  }
  if (size === 0) throw new ItemError('E_EMPTY', '-', 'standard input is empty');
  const bytes = new Uint8Array(Buffer.concat(chunks));
  return {
    name: '-',
    bytes: async () => bytes,
    stream: async function* () {
      yield bytes;
    },
  };
}
