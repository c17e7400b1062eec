import { defineStage } from '../../pipeline/stage.js';
import { addDates } from './dates.js';

export { addDates } from './dates.js';
export { findDates, sentenceAt, DATES_STAGE } from './find-dates.js';
export { parseIsoDate, formatDate, type CalendarDate } from './calendar.js';

/** Date expressions and dated clauses: requires sentences and tokens; assigns dates and clauses. */
export const datesStage = defineStage({
  name: 'nlp.dates.v1',
  requires: ['sentences', 'tokens', 'meta'],
  assigns: ['dates', 'clauses'],
  create: () => addDates,
});
