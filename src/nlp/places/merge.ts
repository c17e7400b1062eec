/**
 * @module nlp/places/merge
 * Adds location mentions to article.mentions in text order, keeping every `antecedent`
 * index pointing at the same mention; then lets role words with no country ("police",
 * "officials") take the country of the places named in their sentence ("police in Kyiv").
 */
import type { Mention } from '../../model/mention.js';

/** Returns existing + added mentions sorted by position, with antecedent indexes remapped. */
export function mergeMentions(existing: Mention[], added: Mention[]): Mention[] {
  if (added.length === 0) return existing;
  // Both lists are in text order: a linear merge, remembering where each old mention went.
  const out: Mention[] = [];
  const remap = new Int32Array(existing.length);
  let i = 0;
  let j = 0;
  while (i < existing.length || j < added.length) {
    if (j >= added.length || (i < existing.length && existing[i].start <= added[j].start)) {
      remap[i] = out.length;
      out.push(existing[i++]);
    } else {
      out.push(added[j++]);
    }
  }
  for (const m of out) if (m.antecedent !== undefined && m.via.stage !== 'nlp.places.v1') m.antecedent = remap[m.antecedent];
  return out;
}

/** Roles of the state, which a dateline's country may give to an unattributed mention. */
const STATE_ROLES = new Set(['GOV', 'LEG', 'MIL', 'COP', 'JUD']);

/**
 * A group or person mention with a role but no country ("police", "Deputy Foreign Minister X")
 * takes the country of the places in its sentence when they all agree on one; with no place in
 * its sentence, a state role takes the country of the article's dateline.
 */
export function inheritPlaceCountry(mentions: Mention[]): void {
  const bySentence = new Map<number, Set<string>>();
  for (const m of mentions) {
    if (m.kind !== 'location' || m.country === null) continue;
    let set = bySentence.get(m.sentence);
    if (set === undefined) bySentence.set(m.sentence, (set = new Set()));
    set.add(m.country);
  }
  // "KIEV — ... lawmakers voted": unattributed state bodies are most often the dateline's.
  const dateline = mentions.find((m) => m.kind === 'location' && m.via.rule === 'dateline' && m.country !== null);
  for (const m of mentions) {
    // Groups ("police") and people described only by a role ("Deputy Foreign Minister X").
    if ((m.kind !== 'group' && m.kind !== 'person') || m.role === null || m.country !== null || m.antecedent !== undefined) continue;
    const countries = bySentence.get(m.sentence);
    if (countries !== undefined && countries.size === 1) {
      const [country] = countries;
      m.country = country;
      m.code = country + m.role;
      m.via = { stage: m.via.stage, rule: 'role+place' };
    } else if (countries === undefined && dateline !== undefined && STATE_ROLES.has(m.role)) {
      m.country = dateline.country;
      m.code = dateline.country + m.role;
      m.via = { stage: m.via.stage, rule: 'role+dateline' };
    }
  }
}
