/**
 * @module pipeline/default-stages
 * The built-in pipeline, in order. Each area (nlp/*, coder/) adds its stage here; users may
 * pass their own list to `createPipeline`. Order matters: `analyzeStages` checks it.
 */
import type { StageDefinition } from './stage.js';
import { sentencesStage } from '../nlp/sentences/index.js';
import { actorsStage } from '../nlp/actors/index.js';
import { syntaxStage } from '../nlp/syntax/index.js';
import { placesStage } from '../nlp/places/index.js';
import { datesStage } from '../nlp/dates/index.js';
import { quotesStage } from '../nlp/quotes/index.js';
import { coderStage } from '../coder/index.js';
import { multilateralStage } from '../coder/multilateral.js';

export const defaultStages: StageDefinition<any>[] = [
  sentencesStage,
  actorsStage,
  syntaxStage,
  placesStage,
  datesStage,
  quotesStage,
  coderStage,
  // After the coder: one event with its participants for a summit or an accord of several states.
  multilateralStage,
];
