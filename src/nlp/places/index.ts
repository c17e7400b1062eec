/**
 * @module nlp/places
 * Stage `nlp.places.v1`: location mentions (kind "location", code null, country, canonical
 * name, lat/lon) for countries, regions and cities named as places. Runs after
 * `nlp.actors.v1`, which decides when a capital or country acts rather than hosts.
 * Requires sentences, tokens and mentions; assigns mentions.
 */
import { defineStage } from '../../pipeline/stage.js';
import type { Article } from '../../model/article.js';
import { loadActorDictionary } from '../actors/dictionary.js';
import { defaultDataDir } from '../actors/tsv.js';
import { loadGazetteer } from './gazetteer.js';
import { recognizePlaces, PLACES_STAGE } from './recognize.js';
import { codeDescribedPeople, inheritPlaceCountry, mergeMentions } from './merge.js';

export interface PlacesOptions {
  /** Folder holding actors/ and places/ dictionaries; defaults to the package's data/. */
  dataDir: string;
}

export { loadGazetteer } from './gazetteer.js';
export type { Place, Gazetteer } from './gazetteer.js';

/** Builds the place recognizer (gazetteer and country names are loaded here, once). */
export function createPlaceRecognizer(options: Partial<PlacesOptions> = {}): (article: Article) => Article {
  const dataDir = options.dataDir ?? defaultDataDir();
  const ctx = { gazetteer: loadGazetteer(dataDir), dict: loadActorDictionary(dataDir) };
  return (article: Article) => {
    const places = recognizePlaces(article, ctx);
    article.mentions = mergeMentions(article.mentions, places);
    inheritPlaceCountry(article.mentions, article.text);
    codeDescribedPeople(article.mentions, article.text);
    return article;
  };
}

export const placesStage = defineStage<PlacesOptions>({
  name: PLACES_STAGE,
  requires: ['sentences', 'tokens', 'mentions'],
  assigns: ['mentions'],
  create: (options) => createPlaceRecognizer(options),
});
