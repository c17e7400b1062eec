import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../model/build.js';
import { defineStage } from './stage.js';
import { defaultStages } from './default-stages.js';
import { analyzeStages, createPipeline } from './run.js';

const samples = fileURLToPath(new URL('../../samples/text/', import.meta.url));

describe('layer declarations', () => {
  it('the default stages read and write only the layers they declare', () => {
    const pipeline = createPipeline(defaultStages, {}, { checkLayers: true });
    const files = readdirSync(samples).filter((f) => f.endsWith('.txt')).slice(0, 6);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const article = pipeline.run(buildArticle(readFileSync(join(samples, file), 'utf8')));
      expect(article.errors, file).toEqual([]);
      expect(Object.keys(article.stamps)).toEqual(defaultStages.map((s) => s.name));
    }
  });

  it('a stage reading an undeclared layer fails in checking mode', () => {
    const sneaky = defineStage({
      name: 'test.sneaky.v1',
      requires: ['sentences'],
      assigns: [],
      create: () => (article) => {
        void article.mentions.length;
        return article;
      },
    });
    const stages = [...defaultStages.slice(0, 2), sneaky];
    expect(analyzeStages(stages)).toEqual([]);
    const article = createPipeline(stages, {}, { checkLayers: true }).run(buildArticle('Russia expelled diplomats.'));
    expect(article.errors.join(' ')).toMatch(/test\.sneaky\.v1 reads article\.mentions .*"mentions"/);
    // Without checking, the same stage runs.
    expect(createPipeline(stages).run(buildArticle('Russia expelled diplomats.')).errors).toEqual([]);
  });

  it('the start-up check refuses a stage placed before the layers it requires', () => {
    const syntax = defaultStages.find((s) => s.name === 'nlp.syntax.v1')!;
    expect(analyzeStages([defaultStages[0], syntax]).join(' ')).toMatch(/nlp\.syntax\.v1 requires "mentions"/);
  });
});
