/**
 * @module errors
 * Error classes with a stable `code` and a message that tells the reader what to do.
 * One article's failure never stops a batch: readers and stages turn errors into
 * `ItemError`s that name the item, and the run goes on.
 */

export class DetenteError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * The store could not be opened, migrated or written: `code` says which (E_STORE_OPEN,
 * E_STORE_BACKEND for an unusable location, E_STORE_VERSION, E_STORE_WRITE).
 */
export class StoreError extends DetenteError {}

/** An input item (file, line, feed item, WARC record) that could not be read. */
export class ItemError extends DetenteError {
  /** The item, named so that a user can find it: "feeds/x.xml", "a.jsonl:12", "crawl.warc.gz record 7". */
  readonly item: string;
  constructor(code: string, item: string, message: string, options?: { cause?: unknown }) {
    super(code, `${item}: ${message}`, options);
    this.item = item;
  }
}

/** A pipeline stage threw on one article: the article keeps what earlier stages found, the run goes on. */
export class StageError extends DetenteError {
  readonly stage: string;
  /** The stage's own message, without the "stage X failed:" frame. */
  readonly detail: string;
  constructor(stage: string, message: string, options?: { cause?: unknown }) {
    super('E_STAGE', `stage ${stage} failed: ${message}`, options);
    this.stage = stage;
    this.detail = message;
  }
}

/** Bad command-line or API usage; exits with code 2. */
export class UsageError extends DetenteError {
  constructor(message: string) {
    super('E_USAGE', message);
  }
}

/** Ends the CLI with an exit code after the message has been shown. */
export class ExitError extends DetenteError {
  readonly exitCode: number;
  constructor(exitCode: number, message = '') {
    super('E_EXIT', message);
    this.exitCode = exitCode;
  }
}

export class NotFoundError extends DetenteError {
  constructor(what: string) {
    super('E_NOT_FOUND', `${what} not found`);
  }
}

/** A bug in Détente itself, not in the input. */
export class InternalError extends DetenteError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_INTERNAL', `${message} (this is a bug in Détente: please open an issue with the input that caused it)`, options);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
