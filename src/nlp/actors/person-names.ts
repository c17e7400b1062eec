/**
 * @module nlp/actors/person-names
 * Whether a run of capitalized words not found in any dictionary looks like a person's name.
 * Names of places, events, laws and buildings are capitalized too ("Eastern Shore", "Long
 * Island", "Minsk Agreement"); a word from this list anywhere in the run rules it out.
 */
const NOT_IN_PERSON_NAMES = new Set([
  'eastern', 'western', 'northern', 'southern', 'central', 'north', 'south', 'east', 'west', 'upper', 'lower',
  'island', 'islands', 'shore', 'coast', 'river', 'lake', 'mount', 'mountains', 'valley', 'bay', 'gulf', 'sea',
  'ocean', 'strait', 'peninsula', 'desert', 'street', 'avenue', 'road', 'square', 'bridge', 'airport', 'station',
  'palace', 'hall', 'tower', 'park', 'port', 'base', 'province', 'region', 'district', 'county', 'state',
  'republic', 'kingdom', 'city', 'day', 'week', 'year', 'cup', 'games', 'olympics', 'war', 'act', 'treaty',
  'accord', 'accords', 'agreement', 'deal', 'summit', 'plan', 'doctrine', 'law', 'bill', 'prize', 'award',
  'line', 'pipeline', 'stream', 'operation', 'election', 'elections', 'revolution', 'crisis', 'affairs',
  'studies', 'relations', 'security', 'policy', 'defense', 'defence', 'foreign', 'national', 'international',
  'global', 'world', 'news', 'times', 'post', 'daily', 'online', 'media', 'press', 'facebook', 'twitter',
  'linkedin', 'email', 'google', 'youtube', 'instagram', 'whatsapp', 'telegram', 'home', 'share', 'read',
  'more', 'sign', 'subscribe', 'copyright', 'opinion', 'breaking', 'live', 'update', 'updated', 'video',
  'boulevard', 'lane', 'highway', 'embankment', 'prospekt', 'plaza', 'asia', 'pacific', 'europe', 'africa',
  'america', 'atlantic', 'arctic', 'middle', 'observer', 'brief', 'briefing', 'newsletter', 'digest', 'weekly',
  'review', 'monitor', 'uss', 'hms', 'ins', 'mv', 'flight', 'today', 'ledger', 'weapons', 'chemical', 'missile',
  'missiles', 'rocket', 'drone', 'tank', 'tanks', 'rights', 'human', 'democracy', 'freedom', 'liberation',
  'people', 'progressive', 'democratic', 'republican', 'party', 'polytechnic', 'university', 'institute',
  'college', 'school', 'hospital', 'church', 'mosque', 'cathedral', 'museum', 'stadium', 'hotel', 'club', 'tribune', 'herald', 'journal', 'gazette', 'chronicle', 'report', 'bulletin', 'magazine',
]);

export function looksLikePersonName(surface: string): boolean {
  const words = surface.split(/[\s-]+/).filter((w) => w.length > 0);
  if (words.length === 0) return false;
  for (const w of words) if (NOT_IN_PERSON_NAMES.has(w.toLowerCase())) return false;
  return true;
}
