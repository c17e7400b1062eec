/**
 * @module ingest/text/normalize
 * Character-level clean-up of text copied from anywhere: Unicode NFC, one kind of line
 * break, no zero-width or control characters, every exotic space made a plain space, runs of
 * spaces collapsed, and the many quote marks of the world mapped to straight or curly
 * quotes. Curly quotes keep their open/close distinction because the quote finder relies on
 * it, so paired marks (German „…“, »…«, French «…», TeX ``…'') are mapped as pairs.
 */

const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085\u000B\u000C]/g;
// Soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks: invisible, but they split words.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
// C0/C1 controls except tab and newline.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Paired marks whose closing mark would otherwise be read as an opening one. */
const PAIRS: [RegExp, string][] = [
  [/„([^„“”"\n]{0,2000})[“”]/g, '\u201C$1\u201D'],
  [/‚([^‚‘’\n]{0,400})‘/g, '\u2018$1\u2019'],
  [/»([^«»\n]{0,2000})«/g, '\u201C$1\u201D'],
  [/«\s?([^«»\n]{0,2000}?)\s?»/g, '\u201C$1\u201D'],
  [/›([^‹›\n]{0,400})‹/g, '\u2018$1\u2019'],
  [/‹\s?([^‹›\n]{0,400}?)\s?›/g, '\u2018$1\u2019'],
  [/``([^`\n]{0,2000}?)''/g, '\u201C$1\u201D'],
  [/〝([^〝〞\n]{0,2000})[〞〟]/g, '\u201C$1\u201D'],
];

/** Single marks left over after the pairs. */
const SINGLES: Record<string, string> = {
  '„': '\u201C', '‟': '\u201C', '«': '\u201C', '〝': '\u201C', '»': '\u201D', '〞': '\u201D', '〟': '\u201D',
  '‚': '\u2018', '‛': '\u2018', '‹': '\u2018', '›': '\u2019',
  '″': '"', '‶': '\u201C', '＂': '"', '′': "'", '‵': '\u2018', '´': "'", '＇': "'",
};
const SINGLE_RE = new RegExp(`[${Object.keys(SINGLES).join('')}]`, 'g');

/**
 * Normalises characters and spacing; lines are kept (one `\n` each) and trimmed, blank lines
 * are kept as empty strings so that paragraph breaks survive.
 * @example normalizeCharacters('«Non»,\u00A0dit-il') // '“Non”, dit-il'
 */
export function normalizeCharacters(raw: string): string {
  let s = raw.normalize('NFC').replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').replace(CONTROLS, '');
  s = s.replace(SPACES, ' ');
  for (const [pattern, replacement] of PAIRS) s = s.replace(pattern, replacement);
  // A lone », ›, « or ‹ between spaces is a breadcrumb separator ("News › World"), not a quote.
  s = s.replace(SINGLE_RE, (ch, at: number) =>
    '»›«‹'.includes(ch) && /\s/.test(s[at - 1] ?? ' ') && /\s/.test(s[at + 1] ?? ' ') ? ch : (SINGLES[ch] ?? ch),
  );
  // A lone TeX-style opening `` or closing '' that had no partner.
  s = s
    .replace(/``/g, '\u201C')
    .replace(/(^|[\s([{])''(?=[^\s'])/gm, '$1\u201C')
    .replace(/(?<=\S)''(?!')/g, '\u201D');
  return s
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}
