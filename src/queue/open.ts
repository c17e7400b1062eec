/**
 * @module queue/open
 * The queue for a command's --db: it lives in the PostgreSQL database of the store, so the
 * location must be a postgres:// URL.
 */
import { UsageError } from '../errors.js';
import { isPostgresUrl, resolveStoreUrl } from '../store/open-store.js';
import { IngestQueue, type QueueOptions } from './queue.js';

export function queueUrl(db: string | undefined): string {
  const location = resolveStoreUrl(db);
  if (!isPostgresUrl(location)) {
    throw new UsageError(`--db: the job queue needs a PostgreSQL store (--db postgres://user@host/database or DETENTE_DB), found "${location}"`);
  }
  return location;
}

export async function openQueue(db: string | undefined, options: QueueOptions = {}): Promise<IngestQueue> {
  return IngestQueue.open(queueUrl(db), options);
}
