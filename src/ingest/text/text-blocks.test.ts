import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text.js';
import { firstLineIndents, textBlocks, undoubled } from './text-blocks.js';

// Wire copy as archives keep it: wrapped near 65 columns, paragraphs marked only by an indented
// first line, and the first line short where the dateline was cut off.
const WIRE = [
  'The two ministers agreed to resume talks',
  'on the border dispute next month in Geneva, officials in both capitals',
  'said on Tuesday after a meeting that lasted more than four hours.',
  '    "We have found a basis on which the talks can go forward at last,"',
  'the foreign minister told reporters outside the conference building.',
  '    Diplomats said the agreement followed weeks of pressure from',
  'neighbouring states that feared the dispute would spread further.',
  '    - - - -',
  '    The central bank left its main lending rate unchanged at the end',
  'of its monthly meeting, the bank said in a statement on Tuesday.',
  ' Reuter',
].join('\n');

describe('wrapped text with indented first lines', () => {
  it('is told apart from lynx, whose every prose line is indented, and from a teaser list', () => {
    expect(firstLineIndents(WIRE.split('\n'), 70)).toBe(true);
    const lynx = ['   The ministers agreed to resume talks on the border dispute next', '   month in Geneva, officials in both capitals said on Tuesday.', '', '   Diplomats said the agreement followed weeks of pressure from the', '   neighbouring states.'];
    expect(firstLineIndents(lynx, 70)).toBe(false);
    const teasers = ['  Ministers meet', 'The ministers agreed to resume talks on the border dispute next month.', '  Bank holds rate', 'The central bank left its main lending rate unchanged on Tuesday.'];
    expect(firstLineIndents(teasers, 70)).toBe(false);
  });

  it('joins each paragraph whole, the short first line included, and ends it at the next indent', () => {
    const texts = textBlocks(WIRE).map((b) => b.text);
    expect(texts[0]).toBe('The two ministers agreed to resume talks on the border dispute next month in Geneva, officials in both capitals said on Tuesday after a meeting that lasted more than four hours.');
    expect(texts[1]).toMatch(/^"We have found .* building\.$/);
    expect(texts[2]).toMatch(/^Diplomats said .* further\.$/);
    expect(texts).toContain('- - -');
    expect(texts[texts.length - 1]).toMatch(/^The central bank left its main lending rate unchanged at the end of its monthly meeting, the bank said/);
  });

  it('joins the cut first line of a two-paragraph wire story, whose one indent is its only mark', () => {
    const short = [
      'The Example Motor',
      'Sales Europe Inc unit of Example Motor Corp said domestic',
      'car sales during March rose to 6,403 from 4,089 a year earlier',
      'and year-to-date car sales were up to 14,071 from 12,937 last',
      'year.',
      '    Truck sales rose to 3,800 during the month from 2,526 last',
      'year and year-to-date sales increased to 11,126 from 6,520,',
      'the company said.',
      ' Reuter',
    ].join('\n');
    const texts = textBlocks(short).map((b) => b.text);
    expect(texts[0]).toMatch(/^The Example Motor Sales Europe Inc unit .* last year\.$/);
    expect(texts[1]).toMatch(/^Truck sales .* the company said\.$/);
  });

  it('keeps the lede in the body when the record gives the title', () => {
    const { text } = cleanText(WIRE, { findTitle: false, knownTitle: 'TALKS TO RESUME' });
    expect(text.startsWith('The two ministers agreed to resume talks on the border dispute')).toBe(true);
  });
});

describe('lynx link numbers', () => {
  it('count in the width lynx wrapped at, so a line that starts with a link still joins its paragraph', () => {
    const lines = [
      '   The two ministers agreed on Tuesday to resume the talks on the border dispute next',
      '   month in Geneva, officials in both capitals said after a meeting that lasted hours.',
      '',
      '   [23]Diplomats said the agreement followed weeks of pressure from the neighbouring',
      '   states that feared the dispute would spread further across the whole of the region.',
      '',
      '   The central bank left its main lending rate unchanged at the end of its meeting. [24]The',
      '   bank said in a statement on Tuesday that inflation was expected to ease next year.',
      '',
      '   Analysts had expected the decision, which followed two cuts earlier in the year, and',
      '   said the bank would wait for the figures for the second quarter before it moved again.',
    ];
    const texts = textBlocks(lines.join('\n')).map((b) => b.text);
    expect(texts).toHaveLength(4);
    expect(texts[1]).toMatch(/^Diplomats said .* region\.$/);
    expect(texts[2]).toMatch(/^The central bank .* next year\.$/);
  });
});

describe('joins that depend on the script and on w3m', () => {
  it('joins wrapped Chinese or Japanese without a space, and keeps one caption of a doubled pair', () => {
    // w3m wraps at 98 columns, 49 characters of Japanese; a menu entry stays apart.
    const sentence = 'これは長い日本語の段落で、端末の幅で折り返されたものです。設定で変更することはできません。';
    const paragraph = sentence.repeat(4);
    const lines = ['メニュー', '', ...(paragraph.match(/.{1,49}/gu) ?? [])];
    expect(textBlocks(lines.join('\n')).map((b) => b.text)).toEqual(['メニュー', paragraph]);
    const caption = 'The president speaks at a rally in Louisiana on November 14. (Photo by Jane Roe/Getty Images)';
    expect(undoubled(`${caption} ${caption}`)).toBe(caption);
    expect(undoubled('Talks resume. Talks resume again.')).toBe('Talks resume. Talks resume again.');
  });
});

describe('lynx paragraphs among menus', () => {
  it('joins a long indented line that stops mid-sentence with the next line at its indent', () => {
    const lines = [
      '   * Home', '   * World', '   * Sports', '   * Opinion', '   * Markets', '   * Business', '   * Politics', '   * Science',
      '', '   By', '   Jane Roe', '',
      '   It was the shot heard around the world. In the closing seconds of last week’s',
      '   Browns-Steelers game in Cleveland, the defensive end pulled off the quarterback’s',
      '   helmet and swung it at him.',
      '', '   * Terms', '   * Privacy',
    ];
    const texts = textBlocks(lines.join('\n')).map((b) => b.text);
    expect(texts).toContain('It was the shot heard around the world. In the closing seconds of last week’s Browns-Steelers game in Cleveland, the defensive end pulled off the quarterback’s helmet and swung it at him.');
  });
});
