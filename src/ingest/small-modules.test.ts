import { describe, expect, it } from 'vitest';
import { articleId } from './article-id.js';
import { normalizeDate } from './dates.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectAll } from 'tinyld';
import { detectLanguage, plainlyEnglish, shortEnglish } from './language.js';
import { decodeText, looksBinary } from './decode.js';

describe('articleId', () => {
  it('keeps a given id and hashes the text otherwise, stably', () => {
    expect(articleId('story-7', 'x')).toBe('story-7');
    expect(articleId(42, 'x')).toBe('42');
    expect(articleId(undefined, 'Same text.')).toBe(articleId('', 'Same text.'));
    expect(articleId(undefined, 'Same text.')).toMatch(/^a-[0-9a-f]{16}$/);
    expect(articleId(undefined, 'Same text.')).not.toBe(articleId(undefined, 'Other text.'));
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2017-11-09T10:32:00-05:00', '2017-11-09'],
    ['Thu, 09 Nov 2017 23:32:00 GMT', '2017-11-09'],
    ['9th November 2017', '2017-11-09'],
    ['Sept. 9, 2017', '2017-09-09'],
    ['20080430204825', '2008-04-30'],
    ['2017/11/09', '2017-11-09'],
    ['2017-02-30', null],
    ['25/12/2017', '2017-12-25'],
    ['12/25/2017', '2017-12-25'],
    ['05/07/2017', null],
    ['yesterday', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['The government announced on Monday that it would send a delegation to the peace talks next week.', 'en'],
    ['Le gouvernement a annoncé lundi qu’il enverrait une délégation aux pourparlers de paix la semaine prochaine.', 'fr'],
    ['El gobierno anunció el lunes que enviará una delegación a las conversaciones de paz la próxima semana.', 'es'],
  ])('detects %j', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('takes plain English prose as English without the detector, and agrees with the detector on every sample article', () => {
    const dir = 'samples/text';
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(plainlyEnglish(text.slice(0, 2000)), file).toBe(true);
      expect(detectAll(text.slice(0, 2000))[0]?.lang, file).toBe('en');
    }
  });

  it('does not take foreign prose with English words for English', () => {
    const german = readFileSync('test/fixtures/ingest/german.txt', 'utf8');
    const withEnglish = `Talks with the minister and the president\n\n${german} "We will not give in," he said.`;
    expect(plainlyEnglish(withEnglish)).toBe(false);
    expect(detectLanguage(withEnglish)).toBe('de');
    const dutch = 'De regering heeft maandag aangekondigd dat zij een delegatie naar de vredesbesprekingen in Den Haag zal sturen. Het is een plan van de minister, die zegt dat het gesprek in april begint en tot de zomer duurt.';
    expect(plainlyEnglish(dutch)).toBe(false);
    expect(detectLanguage(dutch)).toBe('nl');
  });

  it('takes short English sentences for English, which the n-gram detector misreads', () => {
    for (const text of [
      'Prosecutors in Kiev opened a fraud case against a former governor.',
      'The bloc pledged 300 million euros for refugees at a conference in Oslo.',
      'Police detained a former diplomat, days after the arrest in Toronto.',
      'Tehran returned the captured sailors at the border as a gesture of goodwill.',
    ]) {
      expect(shortEnglish(text), text).toBe(true);
      expect(detectLanguage(text), text).toBe('en');
    }
  });

  it('does not take short sentences of other languages for English', () => {
    for (const text of [
      'Le gouvernement a annoncé lundi de nouvelles sanctions contre la Russie.',
      'Die Regierung hat am Montag neue Sanktionen gegen Russland beschlossen.',
      'El gobierno anunció el lunes nuevas sanciones contra Rusia.',
      'De regering heeft maandag nieuwe sancties tegen Rusland aangekondigd.',
      'Il governo ha annunciato lunedì nuove sanzioni contro la Russia.',
      'O governo anunciou na segunda-feira novas sanções contra a Rússia.',
      'Regeringen meddelte mandag nye sanktioner mod Rusland.',
    ]) {
      expect(shortEnglish(text), text).toBe(false);
    }
  });

  it('says null rather than guess on very short text', () => {
    expect(detectLanguage('Talks resume')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});

describe('decodeText', () => {
  it('decodes a declared legacy encoding and falls back to windows-1252 only for markup', () => {
    const bytes = Uint8Array.from([...Buffer.from('<p>caf'), 0xe9, ...Buffer.from('</p>')]);
    expect(decodeText(bytes, 'p.html', null, { legacyFallback: true })).toBe('<p>café</p>');
    expect(() => decodeText(bytes, 'p.txt')).toThrow(/p\.txt: invalid UTF-8 at byte 6/);
    expect(decodeText(bytes, 'p.html', 'iso-8859-1')).toBe('<p>café</p>');
  });

  it('tells binary from text, including UTF-16 text', () => {
    expect(looksBinary(Uint8Array.from([1, 2, 0, 4]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('plain text\n'))).toBe(false);
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0, 0x42, 0]), 'u16.txt')).toBe('AB');
  });
});
