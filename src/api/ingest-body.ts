/**
 * @module api/ingest-body
 * POST /api/articles: a request body goes through exactly the CLI's path (ingest readers →
 * pipeline → store, via `processInputs`), so the API cannot code an article differently from
 * `detente ingest`. The body is written to a private temp file with the extension of its media
 * type, because the readers take paths; names that would show that temp path (failed items,
 * provenance) are rewritten to "request body".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ItemError } from '../errors.js';
import type { IngestResult, ReadInputs } from '../ingest/types.js';
import { defaultStages } from '../pipeline/default-stages.js';
import { loadReadInputs, processInputs } from '../pipeline/process.js';
import { createPipeline, type Pipeline } from '../pipeline/run.js';
import type { FailureRecord, Store } from '../store/store.js';
import type { IngestBody, IngestOutcome } from './env.js';

const EXTENSION = { 'text/plain': '.txt', 'text/html': '.html', 'application/x-ndjson': '.jsonl' } as const;
const BODY_NAME = 'request body';

let pipeline: Pipeline | undefined;

/**
 * The reader with every mention of `file` replaced by "request body". It also lets the event
 * loop run between items: the pipeline is synchronous, so a large POST must give other requests
 * (dashboard reads) a turn after each article whether or not the reader itself waits on I/O.
 */
function renamingReader(read: ReadInputs, file: string): ReadInputs {
  const rename = (text: string) => text.split(file).join(BODY_NAME);
  return async function* (paths, options): AsyncIterable<IngestResult> {
    for await (const result of read(paths, options)) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (result.ok) {
        const p = result.article.provenance;
        result.article.provenance = { ...p, input: rename(p.input) };
        yield result;
      } else {
        const { item, code, message } = result.error;
        const detail = message.startsWith(`${item}: `) ? message.slice(item.length + 2) : message;
        yield { ok: false, error: new ItemError(code, rename(item), rename(detail), { cause: result.error }) };
      }
    }
  };
}

interface Recorded {
  inserted: string[];
  duplicates: string[];
  failures: FailureRecord[];
}

/**
 * The store, with what the run did recorded on the side: processInputs reports counts, but the
 * client wants ids (new and already stored) and the failures with their codes.
 */
function recordingStore(store: Store, seen: Recorded): Store {
  const wrapped: Partial<Store> = {
    async putArticles(articles) {
      const result = await store.putArticles(articles);
      seen.inserted.push(...result.insertedIds);
      seen.duplicates.push(...result.duplicateIds);
      return result;
    },
    async hasArticle(id) {
      const has = await store.hasArticle(id);
      if (has) seen.duplicates.push(id);
      return has;
    },
    async putFailures(failures) {
      seen.failures.push(...failures);
      return store.putFailures(failures);
    },
  };
  return new Proxy(store, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in wrapped) return wrapped[prop as keyof Store];
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export const ingestBody: IngestBody = async ({ bytes, mediaType, published }, store): Promise<IngestOutcome> => {
  pipeline ??= createPipeline(defaultStages);
  const dir = await mkdtemp(join(tmpdir(), 'detente-post-'));
  const file = join(dir, `body${EXTENSION[mediaType]}`);
  const seen: Recorded = { inserted: [], duplicates: [], failures: [] };
  try {
    await writeFile(file, bytes, { mode: 0o600 });
    const summary = await processInputs([file], {
      store: recordingStore(store, seen),
      pipeline,
      read: renamingReader(await loadReadInputs(), file),
      ingestOptions: { published, jsonl: mediaType === 'application/x-ndjson', maxBytes: bytes.byteLength + 1 },
    });
    return {
      inserted: summary.new,
      duplicates: summary.duplicate,
      events: summary.events,
      ids: seen.inserted,
      duplicate_ids: seen.duplicates,
      failures: seen.failures,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
