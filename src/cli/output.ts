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

/** One CSV field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** Shortens `text` to `max` characters with an ellipsis; line breaks become spaces. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : flat.slice(0, Math.max(0, max - 1)) + '…';
}

/** Columns padded to their widest cell; the last column is never padded. */
export function formatTable(header: string[], rows: string[][]): string {
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
