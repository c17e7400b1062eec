/**
 * Builds the benchmark corpus: N distinct ~800-word articles recombined from the paragraphs
 * of samples/ (read through the real ingest, so page furniture is already gone), each with
 * its own id, title and publication date. Seeded, so every run and machine gets the same corpus.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { seededRandom } from './numbers.js';

export interface CorpusInfo {
  /** A folder of JSONL files, ARTICLES_PER_FILE articles each (ingest refuses single files over 20 MiB). */
  path: string;
  articles: number;
  words: number;
  paragraphs: number;
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

const ARTICLES_PER_FILE = 500;

function close(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** The article folders of samples/ (text, html, feeds, jsonl, warc): not its README or scripts. */
export async function sampleFolders(samples: string): Promise<string[]> {
  const entries = await readdir(samples, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(samples, e.name)).sort();
}

export async function buildCorpus(samples: string, path: string, articles: number, targetWords = 800): Promise<CorpusInfo> {
  const paragraphs: string[] = [];
  const titles: string[] = [];
  for await (const result of readInputs(await sampleFolders(samples))) {
    if (!result.ok) continue;
    if (result.article.meta.title) titles.push(result.article.meta.title);
    for (const p of result.article.text.split(/\n+/)) if (wordCount(p) >= 12) paragraphs.push(p.trim());
  }
  if (paragraphs.length < 10) throw new Error(`only ${paragraphs.length} usable paragraphs in ${samples}: add sample articles`);
  const rand = seededRandom(20171109);
  await rm(path, { recursive: true, force: true });
  await mkdir(path, { recursive: true });
  let out = createWriteStream(join(path, 'part-000.jsonl'));
  let words = 0;
  const start = Date.UTC(2016, 0, 1);
  for (let i = 0; i < articles; i++) {
    if (i > 0 && i % ARTICLES_PER_FILE === 0) {
      await close(out);
      out = createWriteStream(join(path, `part-${String(i / ARTICLES_PER_FILE).padStart(3, '0')}.jsonl`));
    }
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
  await close(out);
  return { path, articles, words, paragraphs: paragraphs.length };
}
