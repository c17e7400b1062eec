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
import { loadGazetteer, isPlaceKey, placeCountry } from '../places/gazetteer.js';
import { ACTORS_STAGE } from './stage-name.js';

export interface ActorsOptions {
  /** Folder holding actors/ and places/ dictionaries; defaults to the package's data/. */
  dataDir: string;
}

export { loadActorDictionary } from './dictionary.js';
export { codePerson } from './people.js';
export { foldKey } from './text-key.js';
export type { ActorDictionary } from './dictionary.js';

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
    placeCountry: (key: string) => placeCountry(gazetteer, foldKey(key)),
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
