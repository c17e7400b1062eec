/**
 * @module scripts/score-passages
 * Scores passage-labelled gold (`{id, code, name, text}` per line, e.g. the CAMEO manual's
 * example passages): a passage counts as right at the root level when some asserted event
 * coded from it has the passage's root, and right in full when one has its full code.
 * Actors are not scored (the passages carry none). Prints both shares and, with `--misses`,
 * each passage missed with what was coded instead.
 *
 *     npx tsx scripts/score-passages.ts ../shared/gold/cameo-manual-dev.jsonl [--misses] [--json]
 */
import { readFileSync } from 'node:fs';
import { newArticle } from '../src/model/article.js';
import { createPipeline } from '../src/pipeline/run.js';
import { defaultStages } from '../src/pipeline/default-stages.js';

interface Passage {
  id: string;
  code: string;
  text: string;
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (file === undefined) {
  console.error('usage: score-passages FILE.jsonl [--misses] [--json]');
  process.exit(2);
}
const passages: Passage[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l, n) => {
    const p = JSON.parse(l) as Passage;
    if (typeof p.code !== 'string' || typeof p.text !== 'string') throw new Error(`${file}:${n + 1}: expected {id, code, text}`);
    return p;
  });
const pipeline = createPipeline(defaultStages);
let root = 0;
let full = 0;
const misses: string[] = [];
for (const p of passages) {
  const article = newArticle({
    id: p.id,
    text: p.text,
    meta: { published: '2000-01-01', language: 'en' },
    provenance: { reader: 'eval.passages', input: 'gold', item: p.id },
  });
  const events = pipeline.run(article).events.filter((e) => e.modality === 'asserted');
  const codes = events.map((e) => e.code);
  const rootOk = codes.some((c) => c.slice(0, 2) === p.code.slice(0, 2));
  const fullOk = codes.includes(p.code);
  if (rootOk) root++;
  if (fullOk) full++;
  if (!rootOk) misses.push(`${p.id} want ${p.code} got [${events.map((e) => `${e.source?.code ?? '-'}>${e.target?.code ?? '-'}:${e.code}`).join(' ')}]\n    ${p.text}`);
}
const pct = (n: number) => ((100 * n) / passages.length).toFixed(1);
if (args.includes('--json')) {
  console.log(JSON.stringify({ passages: passages.length, root, full, rootShare: root / passages.length, fullShare: full / passages.length }));
} else {
  console.log(`passages ${passages.length}: right root ${root} (${pct(root)} %), right full code ${full} (${pct(full)} %)`);
  if (args.includes('--misses')) for (const m of misses) console.log(`- ${m}`);
}
