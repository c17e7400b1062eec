import { describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress.js';

/** A stand-in for stderr that records what is written. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY, text: '', write(s: string) { stream.text += s; return true; } };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

const progress = { done: 40, new: 30, duplicate: 8, failed: 2, events: 120, seconds: 2 };

describe('progress reporter', () => {
  it('writes plain lines with counts and rate when stderr is not a terminal', () => {
    const stream = fakeStream(false);
    const reporter = createProgressReporter({ total: 100, stream, intervalMs: 0 });
    reporter.update(progress);
    reporter.stop();
    expect(stream.text).toBe('ingest: 40/100 items, 30 new, 8 duplicate, 2 failed, 19.0 articles/s\n');
  });

  it('writes at most one plain line per interval', () => {
    const stream = fakeStream(false);
    const reporter = createProgressReporter({ total: null, stream, intervalMs: 60_000 });
    reporter.update(progress);
    reporter.update({ ...progress, done: 41 });
    expect(stream.text).toBe('');
  });

  it('writes nothing when quiet', () => {
    const stream = fakeStream(true);
    const reporter = createProgressReporter({ total: 100, stream, quiet: true, intervalMs: 0 });
    reporter.update(progress);
    reporter.stop();
    expect(stream.text).toBe('');
  });
});
