/**
 * @module scripts/lexicon-misses
 * Separates lexicon misses from role misses on gold: codes every passage or sentence twice,
 * once with the default coder options and once keeping events with no source or target
 * (so only the lexicon and modality decide), and prints, per record, the wanted code, what
 * the default coder found and what the lexicon alone found (with rules and modality).
 *
 *     npx tsx scripts/lexicon-misses.ts ../shared/gold/cameo-manual-dev.jsonl [--all]
 */
import { readFileSync } from 'node:fs';
import { newArticle } from '../src/model/article.js';
import { createPipeline } from '../src/pipeline/run.js';
import { defaultStages } from '../src/pipeline/default-stages.js';

interface Rec {
  id: string;
  code?: string;
  text: string;
  events?: { code: string }[];
}
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (file === undefined) {
  console.error('usage: lexicon-misses FILE.jsonl [--all]');
  process.exit(2);
}
const recs: Rec[] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Rec);
const strict = createPipeline(defaultStages);
const loose = createPipeline(defaultStages, { 'coder.cameo.v1': { keepSourceless: true, requireTarget: false } });
let lexRoot = 0;
let strictRoot = 0;
for (const r of recs) {
  const want = r.code !== undefined ? [r.code] : (r.events ?? []).map((e) => e.code);
  const mk = () => newArticle({ id: r.id, text: r.text, meta: { published: '2000-01-01', language: 'en' }, provenance: { reader: 'diag', input: 'gold', item: r.id } });
  const a = strict.run(mk()).events.filter((e) => e.modality === 'asserted');
  const b = loose.run(mk()).events;
  const roots = new Set(want.map((c) => c.slice(0, 2)));
  const sOk = a.some((e) => roots.has(e.code.slice(0, 2)));
  const lOk = b.some((e) => e.modality === 'asserted' && roots.has(e.code.slice(0, 2)));
  if (sOk) strictRoot++;
  if (lOk) lexRoot++;
  if (sOk && !args.includes('--all')) continue;
  const fmt = (e: (typeof b)[number]) => `${e.source?.code ?? '-'}>${e.target?.code ?? '-'}:${e.code}${e.modality === 'asserted' ? '' : '/' + e.modality[0]}(${e.rule})`;
  console.log(`- ${r.id} want ${want.join(',')} ${sOk ? 'OK' : lOk ? 'ROLE' : 'LEX'}\n    ${r.text}\n    strict: ${a.map(fmt).join(' ')}\n    loose:  ${b.map(fmt).join(' ')}`);
}
console.log(`records ${recs.length}: root found ${strictRoot} (default), ${lexRoot} (lexicon only, no actor needed)`);
