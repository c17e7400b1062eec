/**
 * @module nlp/actors
 * Stage `nlp.actors.v1`: actor mentions coded the CAMEO way (countries, governments and other
 * roles, international organizations, people by the article's date), each with its span.
 * Requires sentences and tokens; assigns mentions (the places stage adds locations after it).
 */
import { join } from 'node:path';
import { defineStage } from '../../pipeline/stage.js';
import type { Article } from '../../model/article.js';
import { loadActorDictionary } from './dictionary.js';
import { recognizeActors } from './recognize.js';
import { defaultDataDir, readTsv } from './tsv.js';
import { foldKey } from './text-key.js';
import { loadGazetteer, isPlaceKey, placeCountry, type Gazetteer } from '../places/gazetteer.js';
import { ACTORS_STAGE } from './stage-name.js';

export interface ActorsOptions {
  /** Folder holding actors/ and places/ dictionaries; defaults to the package's data/. */
  dataDir: string;
}

export { loadActorDictionary } from './dictionary.js';
export { codePerson } from './people.js';
export { foldKey } from './text-key.js';
export type { ActorDictionary } from './dictionary.js';

/** A rival city elsewhere at least this share of the first city's population makes a name shared. */
const SHARED_SHARE = 0.25;
/** Rivals smaller than this never make a name shared (every big city has small namesakes). */
const SHARED_MIN = 50_000;

/**
 * True when a city name is as much the name of a city in another country ("Georgetown": Guyana
 * and the US; "Hamilton": Canada and New Zealand), unless a curated place settles it. Such a
 * name gives an actor no country: "Georgetown University" is not Guyanese.
 */
function sharedPlaceName(gazetteer: Gazetteer, key: string): boolean {
  const list = gazetteer.byKey.get(key);
  if (list === undefined || list.length < 2) return false;
  const first = list.find((p) => p.kind !== 'country');
  if (first === undefined || first.curated) return false;
  return list.some((p) => p !== first && p.kind === 'city' && p.country !== first.country &&
    p.population >= SHARED_MIN && p.population >= SHARED_SHARE * first.population);
}

/** Builds the actor recognizer for `options` (dictionaries are loaded here, once). */
export function createActorRecognizer(options: Partial<ActorsOptions> = {}): (article: Article) => Article {
  const dataDir = options.dataDir ?? defaultDataDir();
  const dict = loadActorDictionary(dataDir);
  const gazetteer = loadGazetteer(dataDir);
  const orgHeads = new Map<string, string>();
  for (const row of readTsv(join(dataDir, 'actors', 'org-heads.tsv'))) orgHeads.set(row.word, row.role);
  const ctx = {
    dict, orgHeads,
    isPlace: (key: string) => isPlaceKey(gazetteer, foldKey(key)),
    placeCountry: (key: string) => (sharedPlaceName(gazetteer, foldKey(key)) ? null : placeCountry(gazetteer, foldKey(key))),
  };
  return (article: Article) => {
    article.mentions = recognizeActors(article, ctx);
    return article;
  };
}

export const actorsStage = defineStage<ActorsOptions>({
  name: ACTORS_STAGE,
  requires: ['sentences', 'tokens', 'meta'],
  assigns: ['mentions'],
  create: (options) => createActorRecognizer(options),
});
