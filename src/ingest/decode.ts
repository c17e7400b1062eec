/**
 * @module ingest/decode
 * Bytes to text, with the checks every reader needs: binary content (NUL bytes or many
 * control characters) is refused, the encoding is chosen as browsers choose it (BOM, then
 * transport, then the document's declaration, then sniffing), and UTF-8 is decoded strictly so
 * that a wrong encoding is reported instead of turned into replacement characters.
 */
import { ItemError } from '../errors.js';

/** True when the bytes look like a binary file rather than text in any encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  // UTF-16 with a byte-order mark is text full of NULs.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  return controls / n > 0.1;
}

/** The encoding a document declares about itself in its first bytes, lower-cased, or null. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const xml = /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  return null;
}

/** The charset parameter of an HTTP Content-Type header. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

/**
 * The WHATWG name of an encoding label ("latin1" → "windows-1252"), or null when the label
 * names no encoding the runtime can decode.
 */
export function resolveLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * Decodes `bytes` for the item `item`, choosing the encoding the way browsers do (WHATWG
 * Encoding and HTML's "determine the character encoding"): a byte-order mark first; then the
 * transport's label (`encoding`: an HTTP Content-Type charset); then the document's own
 * declaration (meta charset, XML declaration), where a UTF-16 label means UTF-8 (a document
 * whose declaration could be read as ASCII is not UTF-16) and x-user-defined means
 * windows-1252; then sniffing: valid UTF-8 is UTF-8. UTF-8 is decoded strictly, so a wrong
 * encoding is reported instead of turned into replacement characters; with `legacyFallback`
 * (HTML and feeds), undeclared non-UTF-8 bytes are read as windows-1252, as browsers do.
 * @throws ItemError E_BINARY for binary content, E_INVALID_UTF8 for bytes that are not UTF-8.
 */
export function decodeText(
  bytes: Uint8Array,
  item: string,
  encoding: string | null = null,
  { legacyFallback = false }: { legacyFallback?: boolean } = {},
): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (looksBinary(bytes)) {
    throw new ItemError('E_BINARY', item, 'this is a binary file, not text (it contains NUL bytes or control characters)');
  }
  let label = bom ? 'utf-8' : resolveLabel(encoding);
  if (!label) {
    label = resolveLabel(declaredEncoding(bytes));
    if (label === 'utf-16le' || label === 'utf-16be') label = 'utf-8';
    else if (label === 'x-user-defined') label = 'windows-1252';
  }
  if (label && label !== 'utf-8') return new TextDecoder(label).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Web pages and feeds that declare nothing and are not UTF-8 are, in practice, windows-1252
    // (what browsers assume); plain text has no such convention and is refused.
    if (legacyFallback && !label) return new TextDecoder('windows-1252').decode(bytes);
    throw new ItemError(
      'E_INVALID_UTF8',
      item,
      `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}: convert the file to UTF-8 or declare its encoding`,
    );
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
