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

/** Roles of the state, which the article's country (dateline or earlier actors) may give to an unattributed mention. */
const STATE_ROLES = new Set(['GOV', 'LEG', 'MIL', 'COP', 'JUD', 'SPY']);
/** Groups that are where their sentence is set: people, rebels, soldiers (not officials, who travel). */
const PEOPLE_ROLES = new Set(['REB', 'CVL', 'OPP', 'INS', 'LAB', 'MIL']);
/** How many sentences back an earlier national actor still sets the country of "officials". */
const CONTEXT_WINDOW = 2;

/** Words right before a place that set a scene there: "in Aleppo", "near the eastern town of". */
const SETTING_BEFORE = /\b(?:in|at|near|inside|outside|across|around|throughout|along|over|on)\s+(?:(?:the|a|an)\s+)?(?:(?:eastern|western|northern|southern|central|north|south|east|west|occupied|rural|besieged|rebel-held)\s+)?(?:(?:town|city|village|region|province)\s+of\s+)?$/i;

/** Roles placed only by a place that sets their scene (not by a destination). */
const SCENE_ONLY = new Set(['OPP', 'MIL']);

/** A verb right before a place, its object: "shelled eastern Aleppo", "bombed Idlib". */
const STRUCK_BEFORE = /\b[a-z]+ed\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central|north|south|east|west|rebel-held|besieged)\s+)?$/;

/** Text between a role and a place after it that locates the role there: "police in Kyiv". */
const LOCATED_AFTER = /^\s+(?:(?:based|stationed|deployed)\s+)?(?:in|at|from|inside|near|across|throughout|around)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central|north|south|east|west|occupied|rural)\s+)?$/i;
/** Text between a place and a role after it: "Kyiv police", "Kyiv-based analysts", "Crimea's authorities". */
const LOCATED_BEFORE = /^(?:\s*|-based\s+|\s*['’]s\s+)$/;

function isLocatedAt(m: Mention, place: Mention, text: string): boolean {
  if (place.start >= m.end) return place.start - m.end < 40 && LOCATED_AFTER.test(text.slice(m.end, place.start));
  if (place.end <= m.start) return m.start - place.end < 10 && LOCATED_BEFORE.test(text.slice(place.end, m.start));
  return false;
}

/**
 * A group or person mention with a role but no country ("police", "Deputy Foreign Minister X")
 * takes the country of a place it is located at ("police in Kyiv", "Kyiv police"); a place
 * merely named in the sentence ("officials ... talks in Geneva") says nothing about it. A state
 * role with no such place takes the country of the article's dateline, or else of the national
 * actor named just before it ("Zimbabwe's army ... The officials said").
 */
export function inheritPlaceCountry(mentions: Mention[], text = ''): void {
  // "KIEV — ... lawmakers voted": unattributed state bodies are most often the dateline's.
  // Only when the story itself is about the dateline's country, i.e. another mention names it:
  // "GENEVA (Reuters) - Officials said talks on Syria ..." does not make the officials Swiss
  // (issue 9: no invented countries).
  const dateline = ownDateline(mentions);
  const frames = sentenceFrames(mentions, text);
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    // Groups ("police") and people described only by a role ("Deputy Foreign Minister X").
    if ((m.kind !== 'group' && m.kind !== 'person') || m.role === null || m.country !== null || m.antecedent !== undefined) continue;
    // "U.S.-backed rebels in Syria": only where the group is located says whose it is.
    const place = locatedAt(mentions, k, text);
    if (place !== null) {
      set(m, place.country!, 'role+place');
      continue;
    }
    // "In Moscow, Deputy Foreign Minister Sergei Ryabkov said ...": the sentence is set there.
    const frame = frames.get(m.sentence);
    if (frame !== undefined && m.via.rule !== 'backed') {
      set(m, frame, 'role+frame');
      continue;
    }
    if (m.via.rule === 'backed') continue;
    // Rebels, protesters, soldiers: where their sentence is set, when its places agree
    // ("rebels shelled a hospital in Aleppo"); officials are not where talks are held.
    const here = PEOPLE_ROLES.has(m.role) ? sentenceCountry(mentions, m.sentence, text, m.role) : null;
    if (here !== null) {
      set(m, here, 'role+sentence-place');
      continue;
    }
    // "The Syrian army … blaming the rebels", "Separatist officials blamed Ukrainian special services": rebels and
    // opposition with no place are of the one country the sentence's other actors all belong to.
    const among = m.role === 'REB' || m.role === 'OPP' ? sentenceActorCountry(mentions, k) : null;
    if (among !== null) {
      set(m, among, 'role+sentence-actor');
      continue;
    }
    // "HONG KONG — Protesters ...", "KIEV — Lawmakers voted": the dateline's country.
    if (dateline !== undefined && (STATE_ROLES.has(m.role) || m.role === 'CVL' || m.role === 'LAB' || m.role === 'OPP')) {
      set(m, dateline.country!, 'role+dateline');
      continue;
    }
    if (m.role !== 'GOV') continue;
    const earlier = nationalActorBefore(mentions, k);
    if (earlier !== null) set(m, earlier, 'role+context');
  }
}

/** Sentences opening with "In <place>," and the place's country. */
function sentenceFrames(mentions: Mention[], text: string): Map<number, string> {
  const frames = new Map<number, string>();
  for (const m of mentions) {
    if (m.kind !== 'location' || m.country === null || m.start < 3 || text[m.end] !== ',') continue;
    if (!/^In\s$/.test(text.slice(m.start - 3, m.start))) continue;
    const before = text.slice(Math.max(0, m.start - 6), m.start - 3);
    if (m.start - 3 === 0 || /(^|[.!?"”’\n])\s*$/.test(before)) frames.set(m.sentence, m.country);
  }
  return frames;
}

/**
 * "Fatima al-Ansari, a Doha-based business consultant": a person the actors stage left uncoded
 * takes the code of the description right after the name once a place has coded it; the
 * person's later mentions follow.
 */
export function codeDescribedPeople(mentions: Mention[], text: string): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.kind !== 'person' || m.code !== null || m.antecedent !== undefined) continue;
    for (let j = k + 1; j < mentions.length && mentions[j].start < m.end + 50; j++) {
      const g = mentions[j];
      if (g.kind === 'location') continue;
      if (g.kind === 'group' && g.code !== null && g.role !== null && /^,\s+(?:an?|the)\s+[^,.;:()"“”]*$/.test(text.slice(m.end, g.start))) {
        for (const x of mentions) {
          if (x === m || (x.antecedent !== undefined && mentions[x.antecedent] === m)) {
            x.code = g.code;
            x.country = g.country;
            x.role = g.role;
          }
        }
        m.via = { stage: m.via.stage, rule: 'apposition+place' };
      }
      break;
    }
  }
}

function set(m: Mention, country: string, rule: string): void {
  m.country = country;
  m.code = country + m.role;
  m.via = { stage: m.via.stage, rule };
}

/** The place mention next to mentions[k] that locates it, or null. */
function locatedAt(mentions: Mention[], k: number, text: string): Mention | null {
  const m = mentions[k];
  for (let j = k + 1; j < mentions.length && mentions[j].start < m.end + 40; j++) {
    const p = mentions[j];
    if (p.kind === 'location' && p.country !== null && isLocatedAt(m, p, text)) return p;
  }
  for (let j = k - 1; j >= 0 && mentions[j].end > m.start - 10; j--) {
    const p = mentions[j];
    if (p.kind === 'location' && p.country !== null && isLocatedAt(m, p, text)) return p;
  }
  return null;
}

/**
 * Country of the earlier national actor that sets the scene for "officials": the first one of
 * its sentence ("The Kremlin shrugged off the US measures, and one deputy prime minister ..."
 * is Russian), else the first of the latest sentence before with one.
 */
function nationalActorBefore(mentions: Mention[], k: number): string | null {
  const sentence = mentions[k].sentence;
  let found: Mention | null = null;
  for (let j = k - 1; j >= 0; j--) {
    const e = mentions[j];
    if (e.sentence < sentence - CONTEXT_WINDOW) break;
    if (found !== null && e.sentence < found.sentence) break;
    if (e.kind === 'location' || e.country === null || e.code === null || e.via.rule === 'role+context') continue;
    found = e;
  }
  if (found !== null) return found.country;
  // "The decision drew an angry reaction in Moscow. Deputy Foreign Minister X said ...": with no
  // actor to go by, the place the sentence before is set in.
  for (let j = k - 1; j >= 0 && mentions[j].sentence >= sentence - 1; j--) {
    const e = mentions[j];
    if (e.sentence === sentence - 1 && e.kind === 'location' && e.country !== null) return e.country;
  }
  return null;
}

/** The one country of the other actor mentions of mention k's sentence, or null when there are none or they differ. */
function sentenceActorCountry(mentions: Mention[], k: number): string | null {
  const sentence = mentions[k].sentence;
  let country: string | null = null;
  for (const m of mentions) {
    if (m === mentions[k] || m.sentence !== sentence || m.kind === 'location' || m.code === null || m.country === null) continue;
    if (country !== null && m.country !== country) return null;
    country = m.country;
  }
  return country;
}

/** The one country of the places of a sentence, or null when there are none or they differ. */
/** The dateline, when some other mention of the article names its country; else undefined. */
function ownDateline(mentions: Mention[]): Mention | undefined {
  const dateline = mentions.find((m) => m.kind === 'location' && m.via.rule === 'dateline' && m.country !== null);
  if (dateline === undefined) return undefined;
  return mentions.some((m) => m !== dateline && m.via.rule !== 'dateline' && m.country === dateline.country) ? dateline : undefined;
}

function sentenceCountry(mentions: Mention[], sentence: number, text: string, role: string): string | null {
  let country: string | null = null;
  const dateline = ownDateline(mentions);
  for (const m of mentions) {
    if (m.sentence !== sentence || m.kind !== 'location' || m.country === null) continue;
    // A dateline the story does not otherwise name says where it was filed, not where it happens.
    if (m.via.rule === 'dateline' && m !== dateline) continue;
    // Opposition figures travel ("fled to Lithuania"): only a place that sets the scene counts;
    // forces are also where they strike ("shelled eastern Aleppo"); civilians, rebels and
    // workers are where their sentence happens.
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const fits = !SCENE_ONLY.has(role) || SETTING_BEFORE.test(before) || (role === 'MIL' && STRUCK_BEFORE.test(before)) || m.via.rule === 'dateline';
    if (!fits) continue;
    if (country !== null && country !== m.country) return null;
    country = m.country;
  }
  return country;
}
