import { describe, expect, it } from 'vitest';
import { collectMarks, markText } from './render.js';
import { fixtureArticles } from '../../../store/fixtures.js';
import { toRecord } from '../../../model/record.js';

describe('markText', () => {
  const text = 'Putin said talks with Trump went well.';
  const marks = [
    { start: 0, end: 5, kind: 'mention' as const, label: 'RUSGOV' },
    { start: 22, end: 27, kind: 'mention' as const, label: 'USAGOV' },
    { start: 11, end: 37, kind: 'quote' as const, label: 'q1' },
    { start: 0, end: 38, kind: 'event' as const, label: 'e1' },
  ];

  it('nests markers so that inner spans close first', () => {
    expect(markText(text, marks, false)).toBe('<<e1 [Putin|RUSGOV] said {q1 talks with [Trump|USAGOV] went well}.>>');
  });

  it('keeps the outer colours active after an inner span ends', () => {
    const out = markText(text, marks, true);
    // After "Trump" closes, the quote (green) and event (underline) styles are re-applied.
    expect(out).toContain('Trump\x1b[0m\x1b[2m(USAGOV)\x1b[0m\x1b[4;33m\x1b[32m went well');
    expect(out.endsWith('\x1b[0m')).toBe(true);
    expect(out.replace(/\x1b\[[0-9;]*m/g, '').replace(/\(RUSGOV\)|\(USAGOV\)|e1:/g, '')).toBe(text);
  });

  it('gives events that share one evidence span a single marker with every id', () => {
    const record = toRecord(fixtureArticles()[0]);
    record.events.push({ ...record.events[0], id: 'e9' });
    const text = markText(record.text, collectMarks(record), false);
    expect(text).toContain('<<e1,e9 [Trump|USAGOV] met');
  });
});
