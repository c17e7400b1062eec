/**
 * @module cli/output
 * Small renderers for command output: aligned text tables, RFC 4180 CSV, and whether the
 * terminal should get colours (a TTY, and NO_COLOR not set).
 */

export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * Characters a terminal may act on rather than show: C0 controls (ESC starts colour, cursor,
 * title and hyperlink sequences) except tab and line feed, DEL, C1 controls (0x9B is a
 * one-byte CSI on some terminals) and the Unicode bidirectional overrides that reorder what is
 * shown. Stored text comes from the web, so every field the CLI prints goes through `printable`.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` safe for a terminal: every control or bidi-override character becomes U+FFFD, one
 * for one, so offsets into the text (show's marks) stay valid. Tabs and line feeds are kept.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '\uFFFD');
}

/** A name (a file, an item) quoted for a message line: no character in it can end the line or look like another message. */
export function quoteName(name: string): string {
  return JSON.stringify(printable(name).replace(/\uFFFD/g, '?'));
}

/** Cells a spreadsheet would run as a formula: the same rule as the API's CSV. */
const FORMULA_START = /^[=+@\t\r]|^-(?!\d)/;

/**
 * One CSV field: quoted when it holds a comma, quote or line break; quotes doubled; control
 * characters replaced; a text that a spreadsheet would run as a formula prefixed with a quote
 * mark (numbers, negative ones included, are left alone).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = printable(String(value));
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** Shortens `text` to `max` characters with an ellipsis; line breaks become spaces. */
export function truncate(text: string, max: number): string {
  const flat = printable(text).replace(/\s+/g, ' ');
  return flat.length <= max ? flat : flat.slice(0, Math.max(0, max - 1)) + '…';
}

/** Columns padded to their widest cell; the last column is never padded. */
export function formatTable(header: string[], rawRows: string[][]): string {
  // Line breaks and controls inside a cell would break the table or drive the terminal.
  const rows = rawRows.map((row) => row.map((cell) => printable(cell).replace(/[\t\n]/g, ' ')));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** A signed Goldstein value with one decimal ("+4.0", "-10.0"). */
export function formatGoldstein(value: number): string {
  return (value > 0 ? '+' : '') + value.toFixed(1);
}

/**
 * One JSON line with the characters JSON leaves raw but a terminal may act on (DEL, C1
 * controls, bidi overrides, line and paragraph separators) written as \\u escapes: the same
 * value to any JSON reader, harmless on a terminal.
 */
export function jsonLine(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

/** A failure line: "failed: "NAME": message", the name quoted and the message made printable on one line. */
export function failureLine(item: string, message: string): string {
  const detail = message.startsWith(`${item}: `) ? message.slice(item.length + 2) : message;
  return `failed: ${quoteName(item)}: ${printable(detail).replace(/[\t\n]/g, ' ')}\n`;
}
