/**
 * @module pipeline/pipeline-worker
 * One worker thread of the pipeline pool (pool.ts): it builds the default pipeline once, says
 * it is ready, then analyses the articles it is sent, one at a time, and sends back what the
 * store keeps of each. It holds no state between articles that could change a result, so an
 * article is coded the same whichever thread gets it.
 */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../model/article.js';
import { storedArticle } from '../model/stored.js';
import { errorMessage, StageError } from '../errors.js';
import { defaultStages } from './default-stages.js';
import { createPipeline } from './run.js';
import { newArticle } from '../model/article.js';

const WARM_UP = 'GENEVA, 5 January 2026 - The United States and Russia agreed on Monday to resume arms control talks in Geneva, officials said. "We will meet again," the minister told reporters.';

export interface WorkerRequest {
  id: number;
  article: Article;
}
export type WorkerReply = { type: 'ready' } | { type: 'done'; id: number; article: Article; stageFailures: { stage: string; message: string }[] } | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (port) {
  const pipeline = createPipeline(defaultStages);
  // Some models (the parser's weights, the gazetteers) load on first use: one short article
  // here loads them before the thread says it is ready, so that start-up never counts against a
  // real article's time budget (on a loaded machine it took more than the default 5 s).
  try {
    pipeline.run(newArticle({ id: 'warm-up', text: WARM_UP, meta: { language: 'en', published: '2026-01-05' }, provenance: { reader: 'warm-up', input: 'warm-up', item: null } }));
  } catch {
    // A failure here shows again, named, on the first real article.
  }
  port.on('message', ({ id, article }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const stored = storedArticle(pipeline.run(article));
      // Error subclasses lose their class and fields in postMessage: send stage failures as data.
      const stageFailures = (stored.failures ?? []).flatMap((f) => (f instanceof StageError ? [{ stage: f.stage, message: f.detail }] : []));
      reply = { type: 'done', id, article: { ...stored, failures: undefined }, stageFailures };
    } catch (error) {
      reply = { type: 'failed', id, message: errorMessage(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
