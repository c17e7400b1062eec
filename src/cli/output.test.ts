import { describe, expect, it } from 'vitest';
import { csvLine, formatGoldstein, formatTable, truncate } from './output.js';

describe('cli output', () => {
  it('quotes CSV fields holding commas, quotes or line breaks, and leaves null empty', () => {
    expect(csvLine(['a', 'b,c', 'say "no"', 'two\nlines', null, 3])).toBe('a,"b,c","say ""no""","two\nlines",,3\r\n');
  });

  it('aligns table columns without padding the last one', () => {
    expect(formatTable(['id', 'title'], [['a1', 'One'], ['a22', 'Two']])).toBe('id   title\na1   One\na22  Two\n');
  });

  it('truncates with an ellipsis and flattens line breaks', () => {
    expect(truncate('one\ntwo three', 9)).toBe('one two …');
    expect(truncate('short', 9)).toBe('short');
  });

  it('signs Goldstein values', () => {
    expect([formatGoldstein(4), formatGoldstein(-10), formatGoldstein(0)]).toEqual(['+4.0', '-10.0', '0.0']);
  });
});
