/**
 * @module ingest/text/paragraphs
 * Turns cleaned lines into paragraphs separated by one blank line. Text copied from a web
 * page has one paragraph per line; text from e-mail or plain-text archives is hard-wrapped
 * at a fixed width. The two are told apart by the spread of line lengths, and wrapped lines
 * are joined again, because the sentence splitter ends a sentence at every line break.
 */
import { endsWithTerminal, unspaced, wordCount } from './furniture.js';

/**
 * The width the text is wrapped at, or 0 when it is not hard-wrapped: most lines end
 * close to one common maximum that is itself short.
 */
export function wrapWidth(lines: string[]): number {
  const lengths = lines.filter((l) => l.length > 0).map((l) => l.length);
  if (lengths.length < 5) return 0;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)];
  if (width < 40 || width > 100 || sorted[sorted.length - 1] > width + 20) return 0;
  const nearWidth = lengths.filter((n) => n >= width * 0.7).length;
  return nearWidth / lengths.length >= 0.6 ? width : 0;
}

/** A short, unpunctuated line standing alone inside the body: a section heading. */
export function isHeading(line: string): boolean {
  return line.length <= 80 && wordCount(line) <= 10 && !endsWithTerminal(line) && !/[,]$/.test(line);
}

/**
 * Joins `lines` (blank lines as empty strings) into paragraphs. Lines of one paragraph are
 * joined when the text is hard-wrapped, or when a line plainly breaks mid-sentence (no
 * final punctuation and the next line starts in lower case).
 */
export function buildParagraphs(lines: string[]): string[] {
  const width = wrapWidth(lines);
  const paragraphs: string[] = [];
  let current = '';
  let previous = '';
  const flush = () => {
    if (current !== '') paragraphs.push(current);
    current = '';
  };
  for (const line of lines) {
    if (line === '') {
      flush();
      previous = '';
      continue;
    }
    if (current !== '' && continues(previous, line, width)) {
      current = previous.endsWith('-') && /^\p{Ll}/u.test(line) ? current.slice(0, -1) + line : unspaced(current, line) ? current + line : current + ' ' + line;
    } else {
      flush();
      current = line;
    }
    previous = line;
  }
  flush();
  return paragraphs;
}

function continues(previous: string, line: string, width: number): boolean {
  if (width > 0) {
    // In wrapped text a line that reached the margin goes on; a short one ends its paragraph
    // unless it stops mid-sentence.
    if (previous.length >= width * 0.7) return true;
    return !endsWithTerminal(previous) && !isHeading(previous);
  }
  if (endsWithTerminal(previous)) return false;
  return /^\p{Ll}|^[,;)\]]/u.test(line) || /[,\-–—(]$/.test(previous);
}
