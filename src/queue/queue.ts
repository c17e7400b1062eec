/**
 * @module queue/queue
 * The ingest job queue on pg-boss (PostgreSQL; see docs/scale.md for why pg-boss). Jobs live in
 * the store's database, in schema `detente_queue` (or `<schema>_queue` for a store opened with
 * ?schema=NAME). A job taken by a worker holds a lease (its expiry): a worker that dies
 * mid-item stops renewing nothing — the lease simply runs out, pg-boss's maintenance fails the
 * job and it becomes available again until its retries are used up. Failed jobs keep their error.
 */
import PgBoss from 'pg-boss';
import pg from 'pg';
import { StoreError, errorMessage } from '../errors.js';
import { parsePgLocation } from '../store/postgres/connection.js';
import type { IngestJob } from './jobs.js';

export const QUEUE_NAME = 'ingest';

export interface QueueOptions {
  /** Seconds a worker may hold a job before it is given to another (default 600). */
  leaseSeconds?: number;
  /** Attempts after the first (default 2). */
  retryLimit?: number;
  /** Seconds before a failed job is tried again (doubling each time; default 10). */
  retryDelay?: number;
  /** How often expired leases are looked for, in seconds (default 15). */
  superviseSeconds?: number;
  /** Only send jobs; no maintenance (enqueue, queue status). */
  sendOnly?: boolean;
}

export interface QueueCounts {
  pending: number;
  running: number;
  failed: number;
  done: number;
  /** Retries used so far, by every job (a job whose worker died counts one). */
  retries: number;
}

export interface FailedJob {
  id: string;
  item: string;
  retries: number;
  error: string;
  when: string;
}

export interface TakenJob {
  id: string;
  data: IngestJob;
  retryCount: number;
}

/** The queue's schema for a store URL. */
export function queueSchema(url: string): string {
  const { schema } = parsePgLocation(url);
  return schema ? `${schema}_queue` : 'detente_queue';
}

export class IngestQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly options: QueueOptions,
  ) {}

  static async open(url: string, options: QueueOptions = {}): Promise<IngestQueue> {
    const location = parsePgLocation(url);
    const schema = queueSchema(url);
    const boss = new PgBoss({
      connectionString: location.connectionString,
      schema,
      max: 4,
      supervise: !options.sendOnly,
      schedule: false,
      maintenanceIntervalSeconds: options.superviseSeconds ?? 15,
    });
    boss.on('error', (error) => process.stderr.write(`queue: ${errorMessage(error)}\n`));
    try {
      await boss.start();
      if (!(await boss.getQueue(QUEUE_NAME))) {
        await boss.createQueue(QUEUE_NAME, {
          name: QUEUE_NAME,
          retryLimit: options.retryLimit ?? 2,
          retryDelay: options.retryDelay ?? 10,
          retryBackoff: true,
          expireInSeconds: options.leaseSeconds ?? 600,
          // Finished jobs are kept a week for `detente queue`, then archived by pg-boss.
          retentionDays: 14,
        }).catch(async (error) => {
          // Another process created it at the same moment.
          if (!(await boss.getQueue(QUEUE_NAME))) throw error;
        });
      }
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw new StoreError('E_STORE_OPEN', `cannot open the job queue on ${location.display}: ${errorMessage(error)}`, { cause: error });
    }
    const pool = new pg.Pool({ connectionString: location.connectionString, max: 2 });
    pool.on('error', () => {});
    return new IngestQueue(boss, pool, schema, options);
  }

  /** Adds jobs (in chunks); returns how many were added. */
  async add(jobs: IngestJob[]): Promise<number> {
    const lease = this.options.leaseSeconds;
    for (let i = 0; i < jobs.length; i += 500) {
      await this.boss.insert(
        jobs.slice(i, i + 500).map((data) => ({
          name: QUEUE_NAME,
          data,
          ...(lease !== undefined ? { expireInSeconds: lease } : {}),
          ...(this.options.retryLimit !== undefined ? { retryLimit: this.options.retryLimit } : {}),
          ...(this.options.retryDelay !== undefined ? { retryDelay: this.options.retryDelay, retryBackoff: true } : {}),
        })),
      );
    }
    return jobs.length;
  }

  /** Takes up to `count` jobs, each leased to this worker. */
  async take(count: number): Promise<TakenJob[]> {
    const jobs = await this.boss.fetch<IngestJob>(QUEUE_NAME, { batchSize: count, includeMetadata: true });
    return jobs.map((j) => ({ id: j.id, data: j.data, retryCount: j.retryCount }));
  }

  async complete(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.boss.complete(QUEUE_NAME, ids);
  }

  /** Fails a job with its error: it is retried later while retries remain, else kept as failed. */
  async fail(id: string, error: { code: string; message: string }): Promise<void> {
    await this.boss.fail(QUEUE_NAME, id, { code: error.code, message: error.message });
  }

  /** Puts failed jobs back on the queue (all of them when no ids are given); returns how many. */
  async retry(ids?: string[]): Promise<number> {
    const failed = await this.pool.query<{ id: string }>(
      `SELECT id FROM ${this.schema}.job WHERE name = $1 AND state = 'failed' ${ids ? 'AND id = ANY($2::uuid[])' : ''}`,
      ids ? [QUEUE_NAME, ids] : [QUEUE_NAME],
    );
    const found = failed.rows.map((r) => r.id);
    // pg-boss gives each one attempt more (its retry limit grows by one); its retry count stays.
    if (found.length > 0) await this.boss.retry(QUEUE_NAME, found);
    return found.length;
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.pool.query<{ state: string; n: number; retries: number }>(
      `SELECT state, count(*)::int AS n, COALESCE(sum(retry_count), 0)::int AS retries FROM (
         SELECT state, retry_count FROM ${this.schema}.job WHERE name = $1
         UNION ALL SELECT state, retry_count FROM ${this.schema}.archive WHERE name = $1
       ) j GROUP BY state`,
      [QUEUE_NAME],
    );
    const counts: QueueCounts = { pending: 0, running: 0, failed: 0, done: 0, retries: 0 };
    for (const r of rows) {
      if (r.state === 'created' || r.state === 'retry') counts.pending += r.n;
      else if (r.state === 'active') counts.running += r.n;
      else if (r.state === 'failed') counts.failed += r.n;
      else if (r.state === 'completed') counts.done += r.n;
      counts.retries += r.retries;
    }
    return counts;
  }

  async failed(limit = 50): Promise<FailedJob[]> {
    const { rows } = await this.pool.query<{ id: string; data: IngestJob; retries: number; error: string | null; when: Date }>(
      `SELECT id, data, retry_count AS retries, output->>'message' AS error, completed_on AS when
       FROM ${this.schema}.job WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC LIMIT $2`,
      [QUEUE_NAME, limit],
    );
    const { jobItem } = await import('./jobs.js');
    return rows.map((r) => ({ id: r.id, item: jobItem(r.data), retries: r.retries, error: r.error ?? 'unknown error', when: r.when?.toISOString() ?? '' }));
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true }).catch(() => {});
    await this.pool.end().catch(() => {});
  }
}
