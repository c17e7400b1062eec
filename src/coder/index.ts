/**
 * @module coder
 * The event coder stage `coder.cameo.v1`: reads sentences, tokens, mentions, dates, clauses and the
 * dependency parse (roles and modality); assigns `events`. The codebook and patterns are loaded and indexed once in create().
 */
import { join } from 'node:path';
import { defineStage } from '../pipeline/stage.js';
import { loadCodebook } from './cameo/codebook.js';
import { indexPatterns, loadPatterns } from './cameo/patterns.js';
import { CAMEO_DATA_DIR } from './cameo/paths.js';
import { loadActorDictionary } from '../nlp/actors/index.js';
import { codeEvents, CODER_STAGE, DEFAULT_CODER_OPTIONS, type CoderOptions, type CoderResources } from './code-events.js';

export { codeEvents, CODER_STAGE, DEFAULT_CODER_OPTIONS } from './code-events.js';
export type { CoderOptions, CoderResources } from './code-events.js';
export { loadCodebook, parseCodebook } from './cameo/codebook.js';
export type { Codebook, CodebookEntry } from './cameo/codebook.js';

export interface CoderStageOptions extends CoderOptions {
  /** Directory of extra or replacement `*.txt` pattern files (default: the packaged data/cameo/patterns). */
  patternsDir: string;
}

/** Loads the packaged codebook and the patterns of `patternsDir`, indexed by head lemma. */
export function loadCoderResources(patternsDir = join(CAMEO_DATA_DIR, 'patterns')): CoderResources {
  const codebook = loadCodebook();
  const people = new Map(loadActorDictionary().people.map((p) => [p.name, p]));
  return { codebook, patterns: indexPatterns(loadPatterns(patternsDir, codebook)), people };
}

export const coderStage = defineStage<CoderStageOptions>({
  name: CODER_STAGE,
  requires: ['sentences', 'tokens', 'mentions', 'dates', 'clauses', 'syntax', 'meta'],
  assigns: ['events'],
  create(options = {}) {
    const { patternsDir, ...rest } = options;
    const resources = loadCoderResources(patternsDir);
    const opts: CoderOptions = { ...DEFAULT_CODER_OPTIONS, ...rest };
    return (article) => codeEvents(article, resources, opts);
  },
});
