/**
 * @module nlp/actors/drafts
 * A mention while the actors stage is still working on it: the Mention fields plus what the
 * apposition and coreference passes need (token range, the dictionary person, whether its
 * words name one person). Drafts point at their antecedent by object; indexes are assigned
 * when the stage writes article.mentions in text order.
 */
import type { Mention } from '../../model/mention.js';
import type { Person } from './lexicon.js';

export interface Draft {
  mention: Omit<Mention, 'antecedent'>;
  /** Token range [from, to). */
  from: number;
  to: number;
  person: Person | null;
  /** The phrase's last role word names one person ("the envoy", "spokeswoman"). */
  personRole: boolean;
  /** Folded surname of a person mention, for later "Trenin" / "Mr. Trenin". */
  surname: string | null;
  antecedent: Draft | null;
  /** 'f' or 'm' when the dictionary or the text (Mr, Mrs, spokeswoman) says; null otherwise. */
  gender?: 'f' | 'm' | null;
}

/** Copies the actor fields of `source` onto `target` and records the link. */
export function linkTo(target: Draft, source: Draft, rule: string): void {
  const root = source.antecedent ?? source;
  target.antecedent = root;
  target.person = root.person;
  target.surname = root.surname;
  target.gender = root.gender ?? null;
  const m = target.mention;
  const r = root.mention;
  m.code = r.code;
  m.country = r.country;
  m.role = r.role;
  m.name = r.name;
  m.kind = r.kind;
  if (r.affiliation !== undefined) m.affiliation = r.affiliation;
  m.via = { stage: m.via.stage, rule };
}

/** Writes drafts into Mention records in text order, turning antecedent links into indexes. */
export function toMentions(drafts: Draft[]): Mention[] {
  const sorted = [...drafts].sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
  const index = new Map<Draft, number>();
  sorted.forEach((d, i) => index.set(d, i));
  return sorted.map((d) => {
    const m: Mention = { ...d.mention };
    if (d.antecedent !== null && index.has(d.antecedent)) m.antecedent = index.get(d.antecedent)!;
    return m;
  });
}
