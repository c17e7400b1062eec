/**
 * @module pipeline/pool
 * The pipeline on worker threads (node:worker_threads), with a time and a memory budget per
 * article. `ingest --threads N` uses N threads; `serve` uses one pool so that coding a posted
 * article never stops the server from answering. An article still running when its time budget
 * ends has its thread stopped (terminate() interrupts even a tight loop), is reported as failed
 * with the budget named, and a fresh thread takes over; one that exhausts its thread's heap
 * (the memory budget) is reported the same way. Either way the other articles go on.
 *
 * The clock starts when an article reaches a ready thread, so neither the queue nor a new
 * thread's start-up (loading the language models) counts against an article.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Article } from '../model/article.js';
import { DetenteError, StageError } from '../errors.js';
import type { ArticleRunner } from './process.js';
import type { WorkerReply, WorkerRequest } from './pipeline-worker.js';

/** Default time budget per article: far above any real article (tens of milliseconds), far below a hang. */
export const DEFAULT_ITEM_TIMEOUT_MS = 5_000;
/** Default heap per worker thread, in MB: the language models plus a large article, with room to spare. */
export const DEFAULT_ITEM_MEMORY_MB = 1024;

/** Young-generation size of each thread, in MB (see spawn). */
const YOUNG_GENERATION_MB = 16;

export interface PoolOptions {
  /** Worker threads (default 1). */
  threads?: number;
  /** Time budget per article in milliseconds (`--item-timeout`, given in seconds on the CLI). */
  itemTimeoutMs?: number;
  /** Heap limit of each thread in MB (`--item-memory`). */
  itemMemoryMb?: number;
}

export interface PipelinePool extends ArticleRunner {
  readonly concurrency: number;
  run(article: Article): Promise<Article>;
  close(): Promise<void>;
}

/** Raised for an article over its time or memory budget; processInputs names the item. */
export class BudgetError extends DetenteError {}

interface Task {
  article: Article;
  resolve(article: Article): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  taskId: number;
  timer: NodeJS.Timeout | null;
}

/** How to start a worker: the built .js directly, or the .ts sources through tsx's loader. */
function workerEntry(): { file: URL; workerData?: unknown } {
  const self = import.meta.url;
  if (self.endsWith('.js')) return { file: new URL('./pipeline-worker.js', self) };
  return { file: new URL('./worker-boot.mjs', self), workerData: { entry: new URL('./pipeline-worker.ts', self).href } };
}

/** Most threads worth asking for: one per core. */
export function maxThreads(): number {
  return availableParallelism();
}

export function createPipelinePool(options: PoolOptions = {}): PipelinePool {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const timeoutMs = options.itemTimeoutMs ?? DEFAULT_ITEM_TIMEOUT_MS;
  const memoryMb = options.itemMemoryMb ?? DEFAULT_ITEM_MEMORY_MB;
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;
  let startupFailures = 0;

  const spawn = (): Slot => {
    const entry = workerEntry();
    const worker = new Worker(entry.file, {
      workerData: entry.workerData,
      // The young generation capped at 16 MB (V8 would let it reach 48 MB per thread): short-lived
      // garbage of one article is collected sooner, which kept a news-bench ingest under 500 MB.
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, task: null, taskId: -1, timer: null };
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
        dispatch();
        return;
      }
      if (reply.id !== slot.taskId || !slot.task) return;
      const task = finish(slot);
      if (reply.type === 'done') {
        const failures = reply.stageFailures.map((f) => new StageError(f.stage, f.message));
        task.resolve(failures.length > 0 ? { ...reply.article, failures } : reply.article);
      }
      else task.reject(new Error(reply.message));
      dispatch();
    });
    // A thread that dies (out of memory, a crash in native code) fails its article and is replaced.
    const lost = (why: string) => {
      if (slots.indexOf(slot) < 0) return;
      const task = slot.task ? finish(slot) : null;
      if (!slot.ready && !closed && ++startupFailures >= 3) {
        // A thread that cannot even start (a broken install) is not restarted forever.
        slots.splice(slots.indexOf(slot), 1);
        void slot.worker.terminate();
        for (const waiting of queue.splice(0)) waiting.reject(new BudgetError('E_POOL', `the analysis threads cannot start: ${why}`));
        return;
      }
      replace(slot);
      if (task) task.reject(new BudgetError('E_ITEM_CRASHED', why));
    };
    worker.on('error', (error: Error & { code?: string }) => {
      lost(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the analysis went over the memory budget of ${memoryMb} MB per item (--item-memory)`
          : `the analysis thread failed: ${error.message}`,
      );
    });
    worker.on('exit', (code) => lost(`the analysis thread stopped (exit code ${code})`));
    return slot;
  };


  const finish = (slot: Slot): Task => {
    const task = slot.task!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
    return task;
  };

  const replace = (slot: Slot) => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    void slot.worker.terminate();
    if (!closed) slots.push(spawn());
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.taskId = nextId++;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        if (!slot.task) return;
        const late = finish(slot);
        replace(slot);
        late.reject(new BudgetError('E_ITEM_TIMEOUT', `the analysis took longer than the ${timeoutMs / 1000}-second time budget per item (--item-timeout); stopped`));
      }, timeoutMs);
      slot.worker.postMessage({ id: slot.taskId, article: task.article } satisfies WorkerRequest);
    }
  };

  // Threads start with the first article, so a run that codes nothing never loads the models.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (let i = 0; i < threads; i++) slots.push(spawn());
  };

  return {
    concurrency: threads,
    run(article) {
      if (closed) return Promise.reject(new DetenteError('E_POOL', 'the pipeline pool is closed'));
      start();
      if (slots.length === 0) return Promise.reject(new BudgetError('E_POOL', 'the analysis threads cannot start'));
      return new Promise<Article>((resolve, reject) => {
        queue.push({ article, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new DetenteError('E_POOL', 'the pipeline pool was closed'));
      const all = slots.splice(0);
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}

let shared: PipelinePool | null = null;
let sharedOptions: PoolOptions = {};

/** Sets the options of the process-wide pool (serve's flags); takes effect when it is first used. */
export function configureSharedPool(options: PoolOptions): void {
  sharedOptions = options;
}

/** The process-wide pool `serve` codes posted articles on, started on first use. */
export function sharedPipelinePool(): PipelinePool {
  shared ??= createPipelinePool(sharedOptions);
  return shared;
}
