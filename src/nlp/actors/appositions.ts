/**
 * @module nlp/actors/appositions
 * People the dictionaries do not know get their code from how the text describes them:
 *   "X, a researcher at the German think tank Y,"      (description after the name)
 *   "A, who heads the Chinese institute B"               (relative clause after the name)
 *   "Dmitri Trenin of the Carnegie Moscow Center"        (of / at / from + organization)
 *   "the EU's new envoy to the region, Z"                (description before the name)
 * The described person takes the description's code, and its name as affiliation.
 */
import type { Draft } from './drafts.js';
import type { TokenKeys } from './text-key.js';

const CLAUSE_END = new Set([',', '.', ';', ':', ')', '(', '—', '–', '"', '“', '”']);
const AFFILIATION_WORDS = new Set(['of', 'at', 'from', 'with', 'for']);

/** Fills codes of uncoded person drafts in one sentence [from, to) from their descriptions. */
export function resolveAppositions(keys: TokenKeys, drafts: Draft[], from: number, to: number): void {
  for (const d of drafts) {
    if (d.mention.kind !== 'person' || d.antecedent !== null || d.person !== null) continue;
    if (d.mention.code !== null && d.mention.affiliation) continue;
    const found = describedAfter(keys, d, drafts, to) ?? describedBefore(keys, d, drafts, from);
    if (found === null) continue;
    const { source, organization } = found;
    const m = d.mention;
    if (m.code === null && source.mention.code !== null) {
      m.code = source.mention.code;
      m.country = source.mention.country;
      m.role = source.mention.role;
    }
    if (organization !== null) m.affiliation = organization.mention.name;
    else if (!m.affiliation) m.affiliation = source.mention.text;
    m.via = { stage: m.via.stage, rule: 'apposition' };
  }
}

function coded(d: Draft): boolean {
  return d.mention.code !== null && d.mention.kind !== 'person' && d.mention.kind !== 'location';
}

interface Description {
  /** The mention whose code the person takes. */
  source: Draft;
  /** The organization named in the description, for the affiliation. */
  organization: Draft | null;
}

/** Verbs after "who" that tie a person to the organization or country that follows. */
const MEMBERSHIP_VERBS = new Set([
  'heads', 'headed', 'leads', 'led', 'runs', 'ran', 'chairs', 'chaired', 'directs', 'directed', 'works', 'worked',
  'represents', 'represented', 'serves', 'served', 'is', 'was', 'advises', 'advised', 'founded', 'commands', 'commanded',
  'teaches', 'taught', 'studies', 'manages', 'managed', 'co-founded', 'oversees', 'oversaw', 'joined', 'belongs',
]);

function describedAfter(keys: TokenKeys, d: Draft, drafts: Draft[], to: number): Description | null {
  let i = d.to;
  if (i >= to) return null;
  if (AFFILIATION_WORDS.has(keys.key[i])) {
    const j = keys.key[i + 1] === 'the' ? i + 2 : i + 1;
    // "of the Berlin-based charity Open Borders Watch": a place word may come first.
    const org = drafts.find((e) => e.from >= j && e.from <= j + 3 && e.mention.kind === 'organization' && e.mention.code !== null &&
      !drafts.some((x) => x !== e && x.from >= j && x.from < e.from));
    return org === undefined ? null : { source: org, organization: org };
  }
  if (keys.key[i] !== ',' && keys.key[i] !== '(') return null;
  i += 1;
  if (keys.key[i] === 'who') {
    // "who heads the Chinese institute Y" says where X belongs; "who is investigating the Iran
    // affair" only names a topic.
    if (!MEMBERSHIP_VERBS.has(keys.key[i + 1])) return null;
    // "who is a fellow at ..." describes; "who is investigating ..." acts.
    if ((keys.key[i + 1] === 'is' || keys.key[i + 1] === 'was') && /(ing|ed)$/.test(keys.key[i + 2] ?? '')) return null;
    i += 1;
  }
  // "X, president of the Federal Reserve Bank": a bare role word may open the description too.
  else if (!['a', 'an', 'the'].includes(keys.key[i]) && !drafts.some((e) => e.from === i && (coded(e) || (e.personRole && e.mention.kind === 'group')))) return null;
  let end = i + 1;
  while (end < to && !CLAUSE_END.has(keys.key[end])) end++;
  const inClause = drafts.filter((e) => e.from >= i && e.from < end);
  // A coded description gives the code; an organization, coded or not, the affiliation.
  const organization = inClause.find((e) => e.mention.kind === 'organization') ?? null;
  // An organization or a role says more than a country named as a topic ("a China scholar at ...").
  const source =
    inClause.find((e) => coded(e) && e.mention.kind === 'organization') ??
    inClause.find((e) => coded(e) && e.mention.role !== null) ??
    inClause.find(coded) ??
    organization;
  return source === null ? null : { source, organization };
}

function describedBefore(keys: TokenKeys, d: Draft, drafts: Draft[], from: number): Description | null {
  const comma = d.from - 1;
  if (comma <= from || keys.key[comma] !== ',') return null;
  let start = comma - 1;
  while (start > from && !CLAUSE_END.has(keys.key[start - 1])) start--;
  let best: Draft | null = null;
  for (const e of drafts) {
    if (e.from >= start && e.to <= comma && e.personRole && coded(e)) best = e;
  }
  return best === null ? null : { source: best, organization: best.mention.kind === 'organization' ? best : null };
}
