/**
 * @module ingest/files
 * Input paths to sources: files as given, directories walked recursively (in sorted order,
 * hidden entries and project documentation such as README.md or LICENSE skipped) for the
 * extensions a reader claims, and "-" for standard input.
 * The size limit is checked with stat before a file is read; a missing path, an empty file
 * or an over-large one becomes an error naming it.
 */
import { createReadStream } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
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
    else if (info.isFile()) yield { ok: true, path };
    // Opening a FIFO waits for a writer, and a device may never end: neither is read from a path.
    else yield { ok: false, error: new ItemError('E_NOT_FILE', path, 'not a regular file (a FIFO, socket or device); to read a stream, pipe it to standard input and give - as the path') };
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
    if (entry.name.startsWith('.') || (!entry.isDirectory() && isDocumentationFile(entry.name))) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (readerForName(innerName(entry.name)) && (entry.isFile() || (entry.isSymbolicLink() && (await isFileLink(path))))) {
      yield { ok: true, path };
    }
  }
}

/**
 * The files a folder of articles often carries about itself (README, CHANGELOG, LICENSE,
 * CONTRIBUTING, ...), whatever their extension or case: "README.md", "LICENSE.txt",
 * "changelog", "README.en.md" (but not "changes-in-cabinet.txt"). A directory walk skips them; named on the command line they are read like any file.
 */
const DOCUMENTATION = /^(?:readme|changelog|changes|license|licence|copying|notice|authors|contributors|contributing|code[-_]of[-_]conduct)(?:\.[a-z0-9]+)*$/i;

export function isDocumentationFile(name: string): boolean {
  return DOCUMENTATION.test(name);
}

/** A symbolic link to a regular file is read; links to directories are not followed (they may loop). */
async function isFileLink(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** True for a gzip-compressed single document ("page.html.gz"); a .warc.gz is an archive read as such. */
export function isGzipped(path: string): boolean {
  return /\.gz$/i.test(path) && !/\.warc\.gz$/i.test(path);
}

/** The name without a compression suffix, which tells the format: "page.html.gz" → "page.html". */
export function innerName(name: string): string {
  return isGzipped(name) ? name.slice(0, -3) : name;
}

/**
 * A gzip-compressed file's content, refused when it expands beyond `maxBytes` (a small
 * file may hide a huge one).
 */
function gunzipLimited(path: string, bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes }));
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ItemError('E_TOO_LARGE', path, `the file expands to more than the ${maxBytes}-byte limit`);
    }
    throw new ItemError('E_GZIP', path, `not a readable gzip file: ${errorMessage(error)}`);
  }
}

/**
 * A source for a file whose size was checked with stat first. A gzip-compressed document
 * ("page.html.gz") is decompressed, within the same limit.
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
  if (streams && isGzipped(path)) {
    // A streaming reader over a compressed file ("export.jsonl.gz") reads it as it inflates.
    return {
      name: path,
      bytes: async () => gunzipLimited(path, new Uint8Array(await readFile(path)), maxBytes),
      stream: async function* () {
        try {
          for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }).pipe(createGunzip())) yield chunk as Uint8Array;
        } catch (error) {
          throw new ItemError('E_GZIP', path, `not a readable gzip file: ${errorMessage(error)}`, { cause: error });
        }
      },
    };
  }
  if (!streams && isGzipped(path)) {
    let content: Uint8Array | null = null;
    const bytes = async () => (content ??= gunzipLimited(path, new Uint8Array(await readFile(path)), maxBytes));
    return {
      name: path,
      bytes,
      stream: async function* () {
        yield await bytes();
      },
    };
  }
  return {
    name: path,
    bytes: async () => new Uint8Array(await readFile(path)),
    stream: () => createReadStream(path, { highWaterMark: 1 << 16 }),
  };
}

/** Bytes already in memory (an API request body) as a source named `name`. */
export function memorySource(name: string, bytes: Uint8Array): InputSource {
  return {
    name,
    bytes: async () => bytes,
    stream: async function* () {
      yield bytes;
    },
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
