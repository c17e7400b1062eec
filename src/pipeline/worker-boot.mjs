// Starts a pipeline worker thread from the TypeScript sources (tests, `tsx`): registers tsx's
// loader in this thread, then loads the worker module. The built package (dist/) starts
// pipeline-worker.js directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
