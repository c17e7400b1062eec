/**
 * @module cli/options
 * Option parsers shared by the commands. A bad value raises commander's InvalidArgumentError,
 * which main turns into exit code 2 with a message that names the flag.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DetenteError, UsageError, errorMessage } from '../errors.js';
import { openStore, resolveStoreUrl, sqlitePath } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { LIMIT_NAMES, type ReadLimits } from '../ingest/limits.js';

export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`expected a positive integer, found "${value}".`);
  return Number(value);
}

/** A positive number of seconds or the like ("0.5", "10"). */
export function parsePositiveNumber(value: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError(`expected a positive number, found "${value}".`);
  return Number(value);
}

/** `--limit max-html-depth=100` (repeatable): one reader limit, by its name in docs/limits.md. */
export function parseLimit(value: string, previous: Partial<ReadLimits> = {}): Partial<ReadLimits> {
  const match = /^([a-z-]+)=(\d+)$/.exec(value.trim());
  const key = match ? LIMIT_NAMES[match[1]] : undefined;
  if (!match || !key || Number(match[2]) < 1) {
    throw new InvalidArgumentError(`expected NAME=N with N ≥ 1 and NAME one of ${Object.keys(LIMIT_NAMES).join(', ')}; found "${value}".`);
  }
  return { ...previous, [key]: Number(match[2]) };
}

export function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, found "${value}".`);
  }
  return value;
}

/** YYYY, YYYY-MM or YYYY-MM-DD: range bounds compare on the date's prefix. */
export function parseDatePrefix(value: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new InvalidArgumentError(`expected YYYY, YYYY-MM or YYYY-MM-DD, found "${value}".`);
  return value;
}

/** "USA,RUS" → ["USA", "RUS"] (countries or actor codes, upper-cased). */
export function parseDyad(value: string): [string, string] {
  const parts = value.split(',').map((p) => p.trim().toUpperCase());
  if (parts.length !== 2 || parts.some((p) => !/^[A-Z0-9]{3,}$/.test(p))) {
    throw new InvalidArgumentError(`expected two actor or country codes separated by a comma (USA,RUS), found "${value}".`);
  }
  return [parts[0], parts[1]];
}

export function parseCode(value: string): string {
  if (!/^\d{2,4}$/.test(value)) throw new InvalidArgumentError(`expected a CAMEO code of 2 to 4 digits, found "${value}".`);
  return value;
}

export function parseActorCode(value: string): string {
  const upper = value.trim().toUpperCase();
  if (!/^[A-Z0-9]{3,}$/.test(upper)) throw new InvalidArgumentError(`expected a CAMEO actor code or prefix (USA, RUSGOV), found "${value}".`);
  return upper;
}

/** An option that accepts only the listed values. */
export function choiceOption(flags: string, description: string, choices: string[], fallback?: string): Option {
  const option = new Option(flags, description).choices(choices);
  return fallback === undefined ? option : option.default(fallback);
}

export function addDbOption(command: Command): Command {
  return command.option('--db <path>', 'database file (default: $DETENTE_DB or ./detente.db)');
}

/** Opens the store for a command that only reads: a missing file is a usage error, not a new empty database. */
export async function openExistingStore(db: string | undefined): Promise<Store> {
  const location = resolveStoreUrl(db);
  const path = sqlitePath(location);
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(location) && !existsSync(path)) {
    throw new UsageError(`--db: no database at ${path}; run "detente ingest PATH --db ${path}" first`);
  }
  return openCliStore(location);
}

/**
 * Why a SQLite --db path cannot be used, checked before SQLite touches it, or null when it can:
 * the kernel's pseudo-filesystems (a "database" under /proc can block forever on open or
 * read), a directory, a FIFO or device, or a folder that does not exist.
 */
export function unusableDbPath(path: string): string | null {
  if (path === ':memory:' || path === '') return null;
  const absolute = resolve(path);
  let real = absolute;
  try {
    real = realpathSync(absolute);
  } catch {
    try {
      real = join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return `the folder ${dirname(absolute)} does not exist`;
    }
  }
  if (/^\/(?:proc|sys|dev)(?:\/|$)/.test(real)) return `${path} is on a system pseudo-filesystem (${real.split('/')[1]}), not a place for a database`;
  try {
    const info = statSync(real);
    if (info.isDirectory()) return `${path} is a directory; give a file name such as ${join(path, 'detente.db')}`;
    if (!info.isFile()) return `${path} is not a regular file (a FIFO, socket or device)`;
  } catch {
    // Not there yet: SQLite creates it.
  }
  return null;
}

/** Opens (creating if needed) the store named by --db; an unusable location is a usage error, never a stack trace. */
export async function openCliStore(db: string | undefined): Promise<Store> {
  const location = resolveStoreUrl(db);
  const remote = /^[a-z][a-z0-9+.-]+:\/\//i.test(location) && !/^sqlite:/i.test(location);
  if (!remote) {
    const problem = unusableDbPath(sqlitePath(location));
    if (problem) throw new UsageError(`--db: ${problem}`);
  }
  try {
    return await openStore(db);
  } catch (error) {
    if (error instanceof DetenteError && error.code === 'E_STORE_BACKEND') throw new UsageError(`--db: ${error.message}`);
    const code = (error as { code?: unknown }).code;
    // SQLite and the file system say why a file cannot be a database (SQLITE_CANTOPEN, SQLITE_NOTADB, EACCES, ...).
    if (typeof code === 'string' && /^(?:SQLITE_|E[A-Z]+$)/.test(code)) {
      throw new UsageError(`--db: cannot use ${remote ? 'the database' : sqlitePath(location)}: ${errorMessage(error)} (${code})`);
    }
    throw error;
  }
}
