/**
 * @module eval
 * The evaluation harness behind `detente eval`: gold reading, scoring and reports.
 */
export { parseGold, parseGoldFile, parsePassages, readGold, readGoldFile, type GoldFile, type GoldRecord, type GoldEvent, type PassageRecord } from './gold.js';
export { evaluatePassages, scorePassage, type PassageReport, type PassageResult, type PassageRootRow } from './passages.js';
export { actorKey, keyOf, matchRecord, prf, quadOf, type Level, type Prf, type Triple } from './score.js';
export { evaluate, predict, type EvalReport, type RecordResult, type RootRow } from './evaluate.js';
export { formatPassageReport, formatReport, passageReportJson, reportJson, worstRecords } from './report.js';
