/**
 * @module nlp/syntax/model-io
 * The shipped model file (data/syntax/en-ud.model.gz): gzip of
 *   "DTSYN2\n" · u32 header length · JSON header · three perceptrons (tagger, actions, labels)
 *   · the tag dictionary (Int32 pairs),
 * each perceptron as its kept bucket ids (delta-coded varints) followed by its Int16 rows
 * (little-endian), dense or sparse (see encodeModel). Version 1 files (all rows dense) still load.
 * The header names the tag and relation inventories, each perceptron's bits, classes, row
 * count and scale, and how the model was trained.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CompactPerceptron, sparseRows } from './perceptron.js';
import type { TagDictionary } from './tagger.js';

/** Version 1: every perceptron's rows dense. Version 2: sparse rows where the perceptron keeps them sparse. */
const MAGIC_V1 = 'DTSYN1\n';
const MAGIC = 'DTSYN2\n';

export interface SyntaxModel {
  tags: string[];
  relations: string[];
  tagger: CompactPerceptron;
  actions: CompactPerceptron;
  labels: CompactPerceptron;
  /** Tags seen per frequent word (lower-cased word hash → tag bit mask); null in older models. */
  tagDictionary: TagDictionary | null;
  /** Free-form training notes (data, epochs, seed, dev scores, parser feature set). */
  info: Record<string, unknown>;
}

interface PerceptronHeader {
  bits: number;
  classes: number;
  rows: number;
  scale: number;
  /** Version 2: the number of non-zero weights when the rows are stored sparse. */
  nonZero?: number;
}

/**
 * Version 2 layout, after the JSON header, per perceptron: kept bucket ids (delta-coded varints),
 * then either its dense Int16 rows or, when sparse, the count of non-zero weights per row (u8),
 * their class ids (u8) and their values (Int16) — columns of one type together, which gzip favours.
 */
export function encodeModel(model: SyntaxModel): Buffer {
  const parts = [model.tagger, model.actions, model.labels];
  const header = {
    tags: model.tags,
    relations: model.relations,
    perceptrons: parts.map((p): PerceptronHeader => ({ bits: p.bits, classes: p.classes, rows: p.keys.length, scale: p.scale, ...(p.values ? { nonZero: p.values.length } : {}) })),
    tagDictionary: model.tagDictionary ? model.tagDictionary.size : null,
    info: model.info,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const chunks: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  chunks.push(len, json);
  const bytes = (a: Int16Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  for (const p of parts) {
    chunks.push(encodeKeys(p.keys));
    if (p.dense) {
      chunks.push(bytes(p.dense));
    } else {
      const counts = new Uint8Array(p.keys.length);
      for (let r = 0; r < counts.length; r++) counts[r] = p.start![r + 1] - p.start![r];
      chunks.push(bytes(counts), bytes(p.cls!), bytes(p.values!));
    }
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
  const magic = raw.toString('latin1', 0, MAGIC.length);
  if (magic !== MAGIC && magic !== MAGIC_V1) throw new Error(`${source}: not a Détente syntax model`);
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
  // Typed arrays are copied out: the Buffer's offset need not be aligned. The file is
  // little-endian, as are the machines Node runs on in practice (x86-64, arm64).
  const take = (byteLength: number): ArrayBuffer => {
    const out = raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + byteLength);
    at += byteLength;
    return out;
  };
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
    if (typeof h.nonZero === 'number') {
      const counts = new Uint8Array(take(h.rows));
      const start = new Int32Array(h.rows + 1);
      for (let r = 0; r < h.rows; r++) start[r + 1] = start[r] + counts[r];
      const cls = new Uint8Array(take(h.nonZero));
      const values = new Int16Array(take(2 * h.nonZero));
      perceptrons.push(new CompactPerceptron(h.bits, h.classes, keys, h.scale, { start, cls, values }));
    } else {
      const dense = new Int16Array(take(2 * h.rows * h.classes));
      // A version-1 file: rows that version 2 keeps sparse are made sparse on load.
      const rows = CompactPerceptron.sparseFor(h.classes) ? sparseRows(dense, h.rows, h.classes) : { dense };
      perceptrons.push(new CompactPerceptron(h.bits, h.classes, keys, h.scale, rows));
    }
  }
  let tagDictionary: TagDictionary | null = null;
  if (typeof header.tagDictionary === 'number') {
    const pairs = new Int32Array(take(8 * header.tagDictionary));
    tagDictionary = new Map();
    for (let i = 0; i < header.tagDictionary; i++) tagDictionary.set(pairs[2 * i], pairs[2 * i + 1]);
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
