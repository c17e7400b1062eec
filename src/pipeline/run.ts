/**
 * @module pipeline/run
 * Runs the ordered, named stages over one article at a time. A stage that throws records an
 * error on that article and the rest of the pipeline is skipped for it; the batch goes on.
 */
import type { Article } from '../model/article.js';
import { errorMessage, DetenteError, StageError } from '../errors.js';
import type { Layer, StageDefinition, StageFn } from './stage.js';
import { guardLayers } from './layer-guard.js';

export interface Pipeline {
  /** Names of the stages, in order. */
  readonly stages: string[];
  run(article: Article): Article;
}

/** Checks that every stage's `requires` is assigned by ingest or by an earlier stage. */
export function analyzeStages(definitions: StageDefinition<any>[]): string[] {
  const have = new Set<Layer>(['text', 'meta']);
  const problems: string[] = [];
  for (const def of definitions) {
    for (const need of def.requires) {
      if (!have.has(need)) problems.push(`stage ${def.name} requires "${need}", which no earlier stage assigns`);
    }
    for (const layer of def.assigns) have.add(layer);
  }
  return problems;
}

export interface PipelineChecks {
  /**
   * Give each stage a view of the article that throws on any layer it did not declare in
   * `requires`/`assigns` (pipeline/layer-guard). For tests: it slows every access.
   */
  checkLayers?: boolean;
}

export function createPipeline(definitions: StageDefinition<any>[], options: Record<string, unknown> = {}, checks: PipelineChecks = {}): Pipeline {
  const problems = analyzeStages(definitions);
  if (problems.length > 0) {
    throw new DetenteError('E_STAGE_MISSING_REQUIRES', problems.join('; '));
  }
  const stages: { def: StageDefinition<any>; fn: StageFn }[] = definitions.map((def) => ({
    def,
    fn: def.create(options[def.name] as Record<string, unknown> | undefined),
  }));
  return {
    stages: definitions.map((d) => d.name),
    run(article: Article): Article {
      const english = article.meta.language === 'en' || article.meta.language === null;
      let current = article;
      for (const { def, fn } of stages) {
        if (!english && !def.anyLanguage) continue;
        if (current.text.length === 0) continue;
        const t0 = performance.now();
        try {
          if (checks.checkLayers) {
            const view = guardLayers(current, def);
            const returned = fn(view);
            // The stage returns the article it was given (the guard's view): keep the plain object.
            current = returned === view ? current : returned;
          } else {
            current = fn(current);
          }
        } catch (error) {
          const failure = new StageError(def.name, errorMessage(error), { cause: error });
          current.errors.push(failure.message);
          (current.failures ??= []).push(failure);
          return current;
        }
        current.stamps[def.name] = { version: def.name.split('.').pop() ?? '', ms: performance.now() - t0 };
      }
      return current;
    },
  };
}

