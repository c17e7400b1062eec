/**
 * @module scripts/lexicon-coverage
 * Prints the lexicon's coverage of the codebook: the number of patterns, the share of CAMEO
 * codes with at least one pattern, and per code the curated and broad-lexicon pattern counts.
 *
 *     npx tsx scripts/lexicon-coverage.ts [--json] [--uncovered]
 */
import { join } from 'node:path';
import { loadCodebook } from '../src/coder/cameo/codebook.js';
import { coverage } from '../src/coder/cameo/coverage.js';
import { CAMEO_DATA_DIR } from '../src/coder/cameo/paths.js';
import { loadPatterns } from '../src/coder/cameo/patterns.js';

// (Piped into head: a closed pipe ends the listing quietly.)
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const args = process.argv.slice(2);
const codebook = loadCodebook();
const report = coverage(loadPatterns(join(CAMEO_DATA_DIR, 'patterns'), codebook), codebook);
if (args.includes('--json')) {
  console.log(JSON.stringify(report));
} else {
  console.log(`patterns ${report.patterns} (${report.nullPatterns} code nothing); codes covered ${report.covered} of ${report.codes.length} (${(100 * report.share).toFixed(1)} %)`);
  console.log('code  curated  lexicon  name');
  for (const r of report.codes) {
    if (args.includes('--uncovered') && r.curated + r.lexicon > 0) continue;
    console.log(`${r.code.padEnd(5)} ${String(r.curated).padStart(7)}  ${String(r.lexicon).padStart(7)}  ${r.name}`);
  }
}
