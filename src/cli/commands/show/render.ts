/**
 * @module cli/commands/show/render
 * Marks an article's text for the terminal: actor mentions, event evidence and quotes, in ANSI
 * colours on a terminal or with bracket markers in a pipe or file. Spans may nest (a mention
 * inside an evidence span inside a quote); markers are placed so that inner spans close first.
 */
import type { ArticleRecord } from '../../../model/record.js';
import { formatGoldstein, printable } from '../../output.js';

type Kind = 'mention' | 'event' | 'quote';

interface Mark {
  start: number;
  end: number;
  kind: Kind;
  /** Shown after the span: the actor code, or the event/quote id. */
  label: string;
}

const ANSI: Record<Kind, string> = { mention: '\x1b[1;36m', event: '\x1b[4;33m', quote: '\x1b[32m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

/** Bracket markers: [words|CODE] for actors, <<e1 words>> for events, {q1 words} for quotes. */
const PLAIN: Record<Kind, { open: (m: Mark) => string; close: (m: Mark) => string }> = {
  mention: { open: () => '[', close: (m) => (m.label ? `|${m.label}]` : ']') },
  event: { open: (m) => `<<${m.label} `, close: () => '>>' },
  quote: { open: (m) => `{${m.label} `, close: () => '}' },
};

export function collectMarks(record: ArticleRecord): Mark[] {
  const marks: Mark[] = [];
  for (const m of record.mentions) marks.push({ start: m.start, end: m.end, kind: 'mention', label: m.code ?? '' });
  for (const e of record.events) marks.push({ start: e.evidence.start, end: e.evidence.end, kind: 'event', label: e.id });
  record.quotes.forEach((q, i) => marks.push({ start: q.start, end: q.end, kind: 'quote', label: `q${i + 1}` }));
  // Several events often share one evidence span (one verb, several targets): one marker, all ids.
  const merged = new Map<string, Mark>();
  for (const m of marks) {
    if (m.start < 0 || m.end > record.text.length || m.start >= m.end) continue;
    const key = `${m.kind}:${m.start}:${m.end}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...m });
    else if (m.kind !== 'mention') seen.label += `,${m.label}`;
  }
  return [...merged.values()];
}

/** The article text with every mark applied. */
export function markText(text: string, marks: Mark[], color: boolean): string {
  const opens = new Map<number, Mark[]>();
  const closes = new Map<number, Mark[]>();
  for (const m of marks) {
    (opens.get(m.start) ?? opens.set(m.start, []).get(m.start)!).push(m);
    (closes.get(m.end) ?? closes.set(m.end, []).get(m.end)!).push(m);
  }
  // Outer spans (longer) open first and close last.
  for (const list of opens.values()) list.sort((a, b) => b.end - a.end);
  for (const list of closes.values()) list.sort((a, b) => b.start - a.start);
  const positions = [...new Set([...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
  const active: Mark[] = [];
  let out = '';
  let at = 0;
  for (const pos of positions) {
    out += text.slice(at, pos);
    at = pos;
    for (const m of closes.get(pos) ?? []) {
      active.splice(active.indexOf(m), 1);
      out += color ? RESET + (m.kind === 'mention' && m.label ? `${DIM}(${m.label})${RESET}` : '') + styles(active) : PLAIN[m.kind].close(m);
    }
    for (const m of opens.get(pos) ?? []) {
      active.push(m);
      out += color ? (m.kind === 'event' ? `${DIM}${m.label}:${RESET}` : '') + styles(active) : PLAIN[m.kind].open(m);
    }
  }
  return out + text.slice(at) + (color && active.length > 0 ? RESET : '');
}

function styles(active: Mark[]): string {
  return active.map((m) => ANSI[m.kind]).join('');
}

/** The whole `show` page: header, marked text, then the event and quote lists. */
export function renderArticle(stored: ArticleRecord, color: boolean): string {
  const record = printableRecord(stored);
  const bold = (s: string) => (color ? `\x1b[1m${s}${RESET}` : s);
  const lines: string[] = [];
  lines.push(bold(record.title ?? '(untitled)'));
  const meta = [record.published, record.source, record.language, record.url].filter((v) => v !== null && v !== '');
  lines.push(`${record.id}${meta.length ? ' · ' + meta.join(' · ') : ''}`);
  for (const e of record.errors) lines.push(`error: ${e}`);
  for (const n of record.notes) lines.push(`note: ${n}`);
  lines.push('');
  lines.push(markText(record.text, collectMarks(record), color));
  lines.push('');
  lines.push(bold(`Events (${record.events.length})`));
  for (const e of record.events) {
    const actor = (a: typeof e.source) => (a ? `${a.code}${a.name ? ` (${a.name})` : ''}` : '—');
    const date = e.date ? `${e.date}${e.date_source ? ` (${e.date_source})` : ''}` : 'no date';
    lines.push(
      `  ${e.id.padEnd(4)} ${e.code.padEnd(4)} ${formatGoldstein(e.goldstein).padStart(5)}  ${actor(e.source)} → ${actor(e.target)}  ${date}  ${e.modality}  ${e.rule}`,
    );
  }
  if (record.quotes.length > 0) {
    lines.push('');
    lines.push(bold(`Quotes (${record.quotes.length})`));
    record.quotes.forEach((q, i) => {
      const who = q.speaker ? `${q.speaker.name ?? '?'}${q.speaker.code ? ` [${q.speaker.code}]` : ''}` : 'unknown speaker';
      lines.push(`  q${i + 1} ${q.kind}  ${who}: “${q.text}”`);
    });
  }
  return lines.join('\n') + '\n';
}

/**
 * The record with every string made safe for a terminal (titles, sources, authors, speakers and
 * the text itself come from the web). `printable` replaces one character for one, so the
 * offsets of mentions, evidence and quotes still point at the same text.
 */
function printableRecord(record: ArticleRecord): ArticleRecord {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return printable(value);
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  const safe = clean(record) as ArticleRecord;
  // Header fields sit on one line each.
  for (const key of ['title', 'source', 'url', 'published', 'language'] as const) {
    const value = safe[key as keyof ArticleRecord];
    if (typeof value === 'string') (safe as unknown as Record<string, unknown>)[key] = value.replace(/[\t\n]/g, ' ');
  }
  return safe;
}
