/** The CI floors of cross-story linking (test/cluster/floors.json), for the benchmark page. */
import { readFileSync } from 'node:fs';

export const floors = JSON.parse(readFileSync(new URL('../test/cluster/floors.json', import.meta.url), 'utf8')) as { precision: number; recall: number };
