/**
 * @module nlp/syntax/hash
 * Integer hashing for the perceptron features: a feature is a template number mixed with one to
 * three integer values (word hashes, tag or label ids), so the hot loop never builds a string.
 * Words are hashed once per token from their characters (also suffixes and prefixes, by range).
 */

/** 32-bit FNV-1a over `s[from, to)`, lower-cased when `lower` is set (ASCII fast path). */
export function hashRange(s: string, from: number, to: number, lower: boolean): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (lower) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = s[i].toLowerCase().charCodeAt(0);
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** Mixes one value into a running hash (a murmur3-style round). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche, so that the low bits used as a bucket index are well spread. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Word shape of `s[from, to)`: letters/digits as X x d, runs collapsed ("McCain" → "XxXx", "2024" → "d"), hashed. */
export function shapeHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  let last = -1;
  const n = Math.min(to, from + 12);
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88;
    else if (c >= 97 && c <= 122) k = 120;
    else if (c >= 48 && c <= 57) k = 100;
    else if (c > 127) k = s[i] === s[i].toLowerCase() ? (s[i] === s[i].toUpperCase() ? c : 120) : 88;
    else k = c;
    if (k === last) continue;
    last = k;
    h = Math.imul(h ^ k, 0x01000193);
  }
  if (to - from > 12) h = Math.imul(h ^ 43, 0x01000193);
  return h | 0;
}
