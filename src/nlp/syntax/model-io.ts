/**
 * @module nlp/syntax/model-io
 * The shipped model file (data/syntax/en-ud.model.gz): gzip of
 *   "DTSYN1\n" · u32 header length · JSON header · three perceptrons (tagger, actions, labels),
 * each as its kept bucket ids (delta-coded varints) followed by its Int16 rows (little-endian).
 * The header names the tag and relation inventories, each perceptron's bits, classes, row
 * count and scale, and how the model was trained.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CompactPerceptron } from './perceptron.js';
import type { TagDictionary } from './tagger.js';

const MAGIC = 'DTSYN1\n';

export interface SyntaxModel {
  tags: string[];
  relations: string[];
  tagger: CompactPerceptron;
  actions: CompactPerceptron;
  labels: CompactPerceptron;
  /** Tags seen per frequent word (lower-cased word hash → tag bit mask); null in older models. */
  tagDictionary: TagDictionary | null;
  /** Free-form training notes (data, epochs, seed, dev scores). */
  info: Record<string, unknown>;
}

interface PerceptronHeader {
  bits: number;
  classes: number;
  rows: number;
  scale: number;
}

export function encodeModel(model: SyntaxModel): Buffer {
  const parts = [model.tagger, model.actions, model.labels];
  const header = {
    tags: model.tags,
    relations: model.relations,
    perceptrons: parts.map((p): PerceptronHeader => ({ bits: p.bits, classes: p.classes, rows: p.keys.length, scale: p.scale })),
    tagDictionary: model.tagDictionary ? model.tagDictionary.size : null,
    info: model.info,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const chunks: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  chunks.push(len, json);
  for (const p of parts) {
    chunks.push(encodeKeys(p.keys));
    chunks.push(Buffer.from(p.rows.buffer, p.rows.byteOffset, p.rows.byteLength));
  }
  if (model.tagDictionary) {
    const entries = [...model.tagDictionary.entries()].sort((a, b) => a[0] - b[0]);
    const pairs = new Int32Array(entries.length * 2);
    entries.forEach(([key, mask], i) => {
      pairs[2 * i] = key;
      pairs[2 * i + 1] = mask;
    });
    chunks.push(Buffer.from(pairs.buffer));
  }
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

export function decodeModel(gz: Buffer, source = 'syntax model'): SyntaxModel {
  const raw = gunzipSync(gz);
  if (raw.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${source}: not a Détente syntax model`);
  let at = MAGIC.length;
  const jsonLength = raw.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(raw.toString('utf8', at, at + jsonLength)) as {
    tags: string[];
    relations: string[];
    perceptrons: PerceptronHeader[];
    tagDictionary?: number | null;
    info: Record<string, unknown>;
  };
  at += jsonLength;
  const perceptrons: CompactPerceptron[] = [];
  for (const h of header.perceptrons) {
    const keys = new Int32Array(h.rows);
    let previous = 0;
    for (let r = 0; r < h.rows; r++) {
      let value = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = raw[at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      previous += value;
      keys[r] = previous;
    }
    const count = h.rows * h.classes;
    // Copied out (the Buffer's offset need not be 2-aligned); the file is little-endian, as are
    // the machines Node runs on in practice (x86-64, arm64).
    const rows = new Int16Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + 2 * count));
    at += 2 * count;
    perceptrons.push(new CompactPerceptron(h.bits, h.classes, keys, rows, h.scale));
  }
  let tagDictionary: TagDictionary | null = null;
  if (typeof header.tagDictionary === 'number') {
    const pairs = new Int32Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + 8 * header.tagDictionary));
    tagDictionary = new Map();
    for (let i = 0; i < header.tagDictionary; i++) tagDictionary.set(pairs[2 * i], pairs[2 * i + 1]);
    at += 8 * header.tagDictionary;
  }
  if (perceptrons.length !== 3) throw new Error(`${source}: expected 3 perceptrons, found ${perceptrons.length}`);
  return {
    tags: header.tags,
    relations: header.relations,
    tagger: perceptrons[0],
    actions: perceptrons[1],
    labels: perceptrons[2],
    tagDictionary,
    info: header.info,
  };
}

function encodeKeys(keys: Int32Array): Buffer {
  const out: number[] = [];
  let previous = 0;
  for (let r = 0; r < keys.length; r++) {
    let delta = keys[r] - previous;
    previous = keys[r];
    while (delta >= 0x80) {
      out.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 128);
    }
    out.push(delta);
  }
  return Buffer.from(out);
}

export function writeModel(path: string, model: SyntaxModel): number {
  const data = encodeModel(model);
  writeFileSync(path, data);
  return data.length;
}

export function readModel(path: string): SyntaxModel {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (err) {
    throw new Error(`syntax model could not be read from ${path}: ${(err as Error).message} (run npm run train:syntax)`);
  }
  return decodeModel(data, path);
}
