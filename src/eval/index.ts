/**
 * @module eval
 * The evaluation harness behind `detente eval`: gold reading, scoring and reports.
 */
export { parseGold, readGold, type GoldRecord, type GoldEvent } from './gold.js';
export { actorKey, keyOf, matchRecord, prf, quadOf, type Level, type Prf, type Triple } from './score.js';
export { evaluate, predict, type EvalReport, type RecordResult, type RootRow } from './evaluate.js';
export { formatReport, reportJson, worstRecords } from './report.js';
