/**
 * @module api/render/ndjson
 * One JSON object per line. Each row is the full record (not flattened), so a consumer of the
 * NDJSON stream sees exactly what the JSON response holds, one item at a time.
 */

export function renderNdjson(items: unknown[]): string {
  let out = '';
  for (const item of items) out += `${JSON.stringify(item)}\n`;
  return out;
}
