/**
 * Builds the benchmark corpus: N distinct ~800-word articles recombined from the paragraphs
 * of samples/ (read through the real ingest, so page furniture is already gone), each with
 * its own id, title and publication date. Seeded, so every run and machine gets the same corpus.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readInputs } from '../src/ingest/index.js';

export interface CorpusInfo {
  path: string;
  articles: number;
  words: number;
  paragraphs: number;
}

/** mulberry32: a tiny deterministic PRNG, enough to shuffle paragraphs reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

export async function buildCorpus(samples: string, path: string, articles: number, targetWords = 800): Promise<CorpusInfo> {
  const paragraphs: string[] = [];
  const titles: string[] = [];
  for await (const result of readInputs([samples])) {
    if (!result.ok) continue;
    if (result.article.meta.title) titles.push(result.article.meta.title);
    for (const p of result.article.text.split(/\n+/)) if (wordCount(p) >= 12) paragraphs.push(p.trim());
  }
  if (paragraphs.length < 10) throw new Error(`only ${paragraphs.length} usable paragraphs in ${samples}: add sample articles`);
  const rand = random(20171109);
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let words = 0;
  const start = Date.UTC(2016, 0, 1);
  for (let i = 0; i < articles; i++) {
    const body: string[] = [];
    let n = 0;
    while (n < targetWords) {
      const p = paragraphs[Math.floor(rand() * paragraphs.length)];
      body.push(p);
      n += wordCount(p);
    }
    words += n;
    const published = new Date(start + Math.floor(rand() * 1100) * 86_400_000).toISOString().slice(0, 10);
    const title = titles.length ? `${titles[i % titles.length]} (${i})` : `Article ${i}`;
    const line = JSON.stringify({ id: `bench-${i}`, title, published, source: 'Bench Wire', text: body.join('\n\n') }) + '\n';
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { path, articles, words, paragraphs: paragraphs.length };
}
