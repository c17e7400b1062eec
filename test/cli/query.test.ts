import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, fixtureDb, runCli, tempDir } from './run-cli.js';
import { GDELT_EVENT_COLUMNS } from '../../src/export/gdelt.js';

const dir = tempDir('query');
let db: string;
beforeAll(async () => {
  assertBuilt();
  db = await fixtureDb(join(dir.path, 'fx.db'));
});
afterAll(() => dir.remove());
const lines = (s: string) => s.split(/\r?\n/).filter((l) => l !== '');

describe('detente events', () => {
  it('prints a table of asserted events, newest first', () => {
    const r = runCli(['events', '--db', db]);
    expect(r.code).toBe(0);
    const rows = lines(r.stdout);
    expect(rows[0]).toMatch(/^date\s+code\s+gold\s+source → target/);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toContain('2017-08-01');
    expect(rows[1]).toContain('RUSGOV (Sergei Lavrov) → USAGOV (United States)');
  });

  it('filters a dyad in both directions, or directed, and by modality', () => {
    const both = runCli(['events', '--db', db, '--dyad', 'usa,rus', '--format', 'jsonl']);
    expect(lines(both.stdout).map((l) => JSON.parse(l).code).sort()).toEqual(['036', '042', '112']);
    const directed = runCli(['events', '--db', db, '--dyad', 'USA,RUS', '--directed', '--format', 'jsonl']);
    expect(lines(directed.stdout).map((l) => JSON.parse(l).code)).toEqual(['036']);
    const all = runCli(['events', '--db', db, '--modality', 'all', '--format', 'jsonl']);
    expect(lines(all.stdout)).toHaveLength(7);
    const text = runCli(['events', '--db', db, '--text', 'shelled', '--format', 'jsonl']);
    expect(lines(text.stdout).map((l) => JSON.parse(l).article_id)).toEqual(['fx-donbas']);
    const root = runCli(['events', '--db', db, '--root', '19', '--actor', 'UKR', '--from', '2017-07', '--to', '2017-07-31', '--format', 'jsonl']);
    expect(lines(root.stdout)).toHaveLength(1);
  });

  it('honours --limit across pages', () => {
    const r = runCli(['events', '--db', db, '--modality', 'all', '--limit', '3', '--format', 'jsonl']);
    expect(lines(r.stdout)).toHaveLength(3);
  });

  it('writes CSV with a header and quoted fields', () => {
    const r = runCli(['events', '--db', db, '--format', 'csv', '--code', '036']);
    const [header, row] = r.stdout.split('\r\n');
    expect(header.split(',').slice(0, 6)).toEqual(['article_id', 'event_id', 'date', 'date_precision', 'date_source', 'code']);
    expect(row.startsWith('fx-hamburg,e1,2017-07-07,day,text,036,03,1,4,USAGOV,Donald Trump,USA,GOV,RUSGOV')).toBe(true);
    expect(row).toContain(',Trump and Putin meet in Hamburg,');
    const quoted = runCli(['events', '--db', db, '--format', 'csv', '--code', '112']).stdout.split('\r\n')[1];
    expect(quoted).toContain(',On Saturday Putin criticized Trump over sanctions.,');
  });

  it('writes GDELT 2.0 event rows: 61 tab-separated columns in the codebook order, no header', () => {
    const r = runCli(['events', '--db', db, '--format', 'gdelt']);
    const rows = lines(r.stdout).map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toHaveLength(GDELT_EVENT_COLUMNS.length);
    expect(GDELT_EVENT_COLUMNS).toHaveLength(61);
    const col = (row: string[], name: (typeof GDELT_EVENT_COLUMNS)[number]) => row[GDELT_EVENT_COLUMNS.indexOf(name)];
    expect(rows.some((row) => col(row, 'GLOBALEVENTID') === 'GLOBALEVENTID')).toBe(false);
    const meeting = rows.find((row) => col(row, 'EventCode') === '036')!;
    expect([col(meeting, 'SQLDATE'), col(meeting, 'MonthYear'), col(meeting, 'Year')]).toEqual(['20170707', '201707', '2017']);
    expect([col(meeting, 'Actor1Code'), col(meeting, 'Actor1Name'), col(meeting, 'Actor1CountryCode'), col(meeting, 'Actor1Type1Code')]).toEqual(['USAGOV', 'DONALD TRUMP', 'USA', 'GOV']);
    expect([col(meeting, 'Actor2Code'), col(meeting, 'Actor2Name'), col(meeting, 'Actor2CountryCode'), col(meeting, 'Actor2Type1Code')]).toEqual(['RUSGOV', 'VLADIMIR PUTIN', 'RUS', 'GOV']);
    expect([col(meeting, 'EventBaseCode'), col(meeting, 'EventRootCode'), col(meeting, 'QuadClass'), col(meeting, 'GoldsteinScale')]).toEqual(['036', '03', '1', '4']);
    expect(col(meeting, 'SOURCEURL')).toBe('https://example.org/fx-hamburg');
    // A month-precision date takes the month's first day; MonthYear stays exact.
    const aid = rows.find((row) => col(row, 'EventCode') === '070')!;
    expect([col(aid, 'SQLDATE'), col(aid, 'MonthYear')]).toEqual(['20170701', '201707']);
    // The same event gets the same id on every run.
    const again = lines(runCli(['events', '--db', db, '--format', 'gdelt']).stdout).map((l) => l.split('\t')[0]);
    expect(again).toEqual(rows.map((row) => row[0]));
    expect(Number(col(meeting, 'GLOBALEVENTID'))).toBeGreaterThan(0);
  });
});

describe('detente articles, show and stats', () => {
  it('lists articles as a table and as JSONL', () => {
    const table = runCli(['articles', '--db', db]);
    expect(table.code).toBe(0);
    expect(lines(table.stdout)[1]).toMatch(/^fx-lavrov\s+2017-08-02\s+2\s+en\s+Lavrov in Washington$/);
    const jsonl = runCli(['articles', '--db', db, '--format', 'jsonl', '--limit', '1', '--offset', '1']);
    expect(lines(jsonl.stdout).map((l) => JSON.parse(l).id)).toEqual(['fx-donbas']);
  });

  it('shows an article with bracket markers when not on a terminal, then its events', () => {
    const r = runCli(['show', 'fx-hamburg', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<<e1 [Trump|USAGOV] met [Putin|RUSGOV] in Hamburg on Friday.>>');
    expect(r.stdout).toContain('{q1 We had a very constructive conversation}');
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toMatch(/e1\s+036\s+\+4\.0\s+USAGOV \(Donald Trump\) → RUSGOV \(Vladimir Putin\)\s+2017-07-07 \(text\)\s+asserted\s+fixture\.036/);
    expect(r.stdout).toMatch(/e3\s+163\s+-8\.0 .* negated/);
  });

  it('uses ANSI colours when forced, and exits 2 for an unknown id', () => {
    expect(runCli(['show', 'fx-lavrov', '--db', db], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[1;36mLavrov');
    const missing = runCli(['show', 'nope', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no article with id "nope"');
  });

  it('counts what is stored, as text and as JSON', () => {
    expect(JSON.parse(runCli(['stats', '--db', db, '--json']).stdout)).toEqual({ articles: 3, events: 7, mentions: 14, quotes: 1, failures: 0 });
    expect(runCli(['stats', '--db', db]).stdout).toMatch(/events\s+7/);
  });
});
