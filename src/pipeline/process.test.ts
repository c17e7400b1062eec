import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newArticle } from '../model/article.js';
import { ItemError } from '../errors.js';
import type { IngestResult, ReadInputs } from '../ingest/types.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { defineStage } from './stage.js';
import { createPipeline } from './run.js';
import { processInputs } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'detente-process-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const freshStore = () => openStore(join(dir, `p${++n}.db`));

/** A reader over an in-memory list: "ok:<id>" yields an article, "bad:<item>" a failed item. */
function listReader(items: string[]): ReadInputs {
  return async function* (): AsyncIterable<IngestResult> {
    for (const item of items) {
      const [kind, name] = item.split(':');
      if (kind === 'bad') {
        yield { ok: false, error: new ItemError('E_TEST', name, 'unreadable') };
      } else {
        yield {
          ok: true,
          article: newArticle({ id: name, text: `Text of ${name}.`, meta: { language: 'en' }, provenance: { input: 'list', item: name } }),
        };
      }
    }
  };
}

/** A stage that adds one event per article, and throws for ids containing "boom". */
const oneEvent = defineStage({
  name: 'test.one-event.v1',
  requires: ['text'],
  assigns: ['events'],
  create: () => (article) => {
    if (article.id.includes('boom')) throw new Error('stage exploded');
    article.events.push({
      id: 'e1', code: '010', root: '01', quad_class: 1, goldstein: 0, source: null, target: null, date: null,
      date_source: null, location: null, sentence: 0, evidence: { start: 0, end: 4, text: 'Text' }, modality: 'asserted', rule: 'test',
    });
    return article;
  },
});
const pipeline = createPipeline([oneEvent]);

function countingStore(store: Store): { store: Store; batches: number[] } {
  const batches: number[] = [];
  const wrapped = Object.create(store) as Store;
  wrapped.putArticles = (articles) => {
    batches.push(articles.length);
    return store.putArticles(articles);
  };
  return { batches, store: wrapped };
}

describe('processInputs', () => {
  it('stores articles in batches, names failed items and records them', async () => {
    const store = await freshStore();
    const items = ['ok:a1', 'ok:a2', 'bad:feed.xml item 3', 'ok:a3', 'ok:a4', 'ok:a5'];
    const counted = countingStore(store);
    const summary = await processInputs(['x'], { store: counted.store, pipeline, read: listReader(items), batchSize: 2 });
    expect(summary).toMatchObject({ new: 5, duplicate: 0, failed: 1, events: 5, articles: 5, aborted: false });
    expect(summary.failures).toEqual([{ item: 'feed.xml item 3', message: 'feed.xml item 3: unreadable' }]);
    expect(counted.batches).toEqual([2, 2, 1]);
    expect(await store.listFailures()).toEqual([{ item: 'feed.xml item 3', code: 'E_TEST', message: 'feed.xml item 3: unreadable' }]);
    expect(summary.perSecond).toBeGreaterThan(0);
    await store.close();
  });

  it('stores nothing new when the same input is processed again', async () => {
    const store = await freshStore();
    const read = listReader(['ok:a1', 'ok:a2', 'ok:a1']);
    const first = await processInputs(['x'], { store, pipeline, read });
    expect(first).toMatchObject({ new: 2, duplicate: 1 });
    const second = await processInputs(['x'], { store, pipeline, read });
    expect(second).toMatchObject({ new: 0, duplicate: 3, events: 0 });
    expect((await store.stats()).articles).toBe(2);
    await store.close();
  });

  it('keeps an article whose stage failed, with its error, and counts it as failed', async () => {
    const store = await freshStore();
    const summary = await processInputs(['x'], { store, pipeline, read: listReader(['ok:boom1', 'ok:fine']) });
    expect(summary).toMatchObject({ new: 2, failed: 1 });
    expect(summary.failures[0].item).toBe('list boom1');
    expect(summary.failures[0].message).toMatch(/stage exploded/);
    expect((await store.getArticle('boom1'))?.errors[0]).toMatch(/test\.one-event\.v1 failed: stage exploded/);
    await store.close();
  });

  it('stops at the signal and still stores what it processed', async () => {
    const store = await freshStore();
    const controller = new AbortController();
    const progress: number[] = [];
    const summary = await processInputs(['x'], {
      store,
      pipeline,
      read: listReader(['ok:a1', 'ok:a2', 'ok:a3', 'ok:a4']),
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.done);
        if (p.done === 2) controller.abort();
      },
    });
    expect(summary).toMatchObject({ new: 2, aborted: true });
    expect(progress).toEqual([1, 2]);
    expect((await store.stats()).articles).toBe(2);
    await store.close();
  });

  it('also stores a batch once it is older than batchSeconds', async () => {
    const store = await freshStore();
    const counted = countingStore(store);
    const slow: ReadInputs = async function* (paths, options) {
      for await (const r of listReader(['ok:s1', 'ok:s2', 'ok:s3'])(paths, options)) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        yield r;
      }
    };
    await processInputs(['x'], { store: counted.store, pipeline, read: slow, batchSize: 100, batchSeconds: 0.02 });
    expect(counted.batches).toEqual([1, 1, 1]);
    await store.close();
  });

  it('hands the store only what it writes: the token table and other working layers are dropped first', async () => {
    const store = await freshStore();
    const tokenize = defineStage({
      name: 'test.tokens.v1',
      requires: ['text'],
      assigns: ['tokens', 'clauses'],
      create: () => (article) => {
        const n = 3;
        article.tokens = { start: new Int32Array(n), end: new Int32Array(n), pos: ['X', 'X', 'X'], lemma: ['a', 'b', 'c'], normal: ['a', 'b', 'c'], sentence: new Int32Array(n), negated: new Uint8Array(n) };
        article.clauses = [{} as never];
        return article;
      },
    });
    const seen: { tokens: number; clauses: number; events: number }[] = [];
    const wrapped = Object.create(store) as Store;
    wrapped.putArticles = (articles) => {
      for (const a of articles) seen.push({ tokens: a.tokens.start.length + a.tokens.lemma.length, clauses: a.clauses.length, events: a.events.length });
      return store.putArticles(articles);
    };
    await processInputs(['x'], { store: wrapped, pipeline: createPipeline([tokenize, oneEvent]), read: listReader(['ok:t1', 'ok:t2']) });
    expect(seen).toEqual([{ tokens: 0, clauses: 0, events: 1 }, { tokens: 0, clauses: 0, events: 1 }]);
    expect((await store.getArticle('t1'))?.events).toHaveLength(1);
    await store.close();
  });

  it('names a failed stage\'s item as ingest does ("a.jsonl:12")', async () => {
    const store = await freshStore();
    const read: ReadInputs = async function* () {
      yield { ok: true, article: newArticle({ id: 'boom-line', text: 'Text.', provenance: { input: 'a.jsonl', item: 'line 12' } }) };
    };
    const summary = await processInputs(['x'], { store, pipeline, read });
    expect(summary.failures.map((f) => f.item)).toEqual(['a.jsonl:12']);
    await store.close();
  });
});
