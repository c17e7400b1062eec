/**
 * @module nlp/clauses
 * Clause splitting, clause tense and clause dating. There is no stage of its own: the dates
 * stage (nlp.dates.v1) needs clause tenses to resolve weekdays and assigns both layers.
 */
export { splitClauses, type ClauseSpan } from './split-clauses.js';
export { tenseOf, isPastForm, verbGroups, type Tense, type VerbGroup } from './tense.js';
export { dateClauses, fitsTense } from './date-clauses.js';
