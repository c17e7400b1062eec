/**
 * @module coder/cameo/paths
 * Where the coder's data files live. `data/` sits at the package root, three levels above
 * this file both in `src/coder/cameo/` (tsx, vitest) and in `dist/coder/cameo/` (built CLI),
 * so one relative URL serves both.
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of `data/cameo/` in the installed package. */
export const CAMEO_DATA_DIR = fileURLToPath(new URL('../../../data/cameo/', import.meta.url));
