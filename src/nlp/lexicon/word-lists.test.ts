import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { wordList, wordListEntries } from './word-lists.js';

function dataDirWith(name: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'detente-lexicon-'));
  mkdirSync(join(dir, 'lexicon', 'en'), { recursive: true });
  writeFileSync(join(dir, 'lexicon', 'en', `${name}.txt`), body);
  return dir;
}

describe('word lists', () => {
  it('reads entries, skipping comments and blanks, folding case and spaces', () => {
    const dir = dataDirWith('verbs', '# speech verbs\nSaid\n\n  told   reporters \nsaid\n');
    expect(wordListEntries('verbs', { dataDir: dir })).toEqual(['said', 'told reporters']);
    expect(wordList('verbs', { dataDir: dir }).has('told reporters')).toBe(true);
  });

  it('keeps case when asked', () => {
    const dir = dataDirWith('names', 'AP\nReuters\n');
    expect(wordList('names', { dataDir: dir, caseSensitive: true }).has('AP')).toBe(true);
  });

  it('names the list and the path when the file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-lexicon-'));
    expect(() => wordListEntries('nope', { dataDir: dir })).toThrow(/word list 'nope'.*nope\.txt/);
  });
});
