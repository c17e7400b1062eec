/**
 * @module cli/progress
 * Ingest progress on stderr: a bar with rate and ETA (cli-progress) when stderr is a terminal,
 * and a plain line every few seconds when it is piped or logged, so logs stay readable.
 */
import cliProgress from 'cli-progress';
import type { ProcessProgress } from '../pipeline/process.js';

export interface ProgressReporter {
  update(progress: ProcessProgress): void;
  /** Writes a whole line (a failure) without breaking the bar; written even when quiet. */
  log(line: string): void;
  stop(): void;
}

/** How often a plain progress line is written, in milliseconds. */
const PLAIN_INTERVAL_MS = 2000;

export interface ProgressOptions {
  /** Estimated number of items, or null when unknown (stdin): then no bar, only plain lines. */
  total: number | null;
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Milliseconds between plain lines. */
  intervalMs?: number;
}

export function createProgressReporter({ total, quiet, stream = process.stderr, intervalMs = PLAIN_INTERVAL_MS }: ProgressOptions): ProgressReporter {
  if (quiet) return { update() {}, log: (line) => void stream.write(line), stop() {} };
  if (stream.isTTY && total !== null && total > 0) return barReporter(total, stream);
  return plainReporter(total, stream, intervalMs);
}

function barReporter(total: number, stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'ingest [{bar}] {percentage}% | {value}/{total} items | {rate} articles/s | ETA {eta_formatted} | {new} new, {duplicate} dup, {failed} failed',
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0.0', new: 0, duplicate: 0, failed: 0 });
  let last: ProcessProgress | null = null;
  return {
    log(line) {
      // Clear the bar's line, write ours; the bar redraws itself on the next update.
      stream.write(`\r\x1b[K${line}`);
    },
    update(p) {
      last = p;
      // The total is an estimate (a feed or WARC counts as one item until read): grow it rather than overflow.
      if (p.done > bar.getTotal()) bar.setTotal(p.done);
      bar.update(p.done, { rate: rate(p), new: p.new, duplicate: p.duplicate, failed: p.failed });
    },
    stop() {
      if (last) bar.setTotal(last.done);
      bar.stop();
    },
  };
}

function plainReporter(total: number | null, stream: NodeJS.WriteStream, intervalMs: number): ProgressReporter {
  let lastWrite = performance.now();
  return {
    log: (line) => void stream.write(line),
    update(p) {
      const now = performance.now();
      if (now - lastWrite < intervalMs) return;
      lastWrite = now;
      const of = total !== null && total >= p.done ? `/${total}` : '';
      stream.write(`ingest: ${p.done}${of} items, ${p.new} new, ${p.duplicate} duplicate, ${p.failed} failed, ${rate(p)} articles/s\n`);
    },
    stop() {},
  };
}

function rate(p: ProcessProgress): string {
  return p.seconds > 0 ? ((p.new + p.duplicate) / p.seconds).toFixed(1) : '0.0';
}
