/**
 * @module web/pages/dyad
 * One pair of actors (#/dyad/USA/RUS): a synced uPlot timeline per direction, a bucket choice,
 * a date range set by dragging on a chart or typing dates (the keyboard path), a data table
 * for screen readers, and the events of the chosen range with links to their articles.
 */
import { api, type Timeline } from '../api.js';
import { append, clear, h } from '../dom.js';
import { eventList } from '../components/event-list.js';
import { aborted, failure, loading } from '../components/status.js';
import { timelineChart, type TimelineChart } from '../components/timeline-chart.js';
import { goldstein, isoDay, periodSeconds } from '../format.js';

type BucketSize = 'day' | 'week' | 'month';

function dataTable(t: Timeline, caption: string): HTMLElement {
  const rows = t.buckets.map((b) =>
    h('tr', {}, h('th', { scope: 'row' }, b.period), h('td', {}, b.events), ...b.quad.map((n) => h('td', {}, n)), h('td', {}, goldstein(b.mean_goldstein))),
  );
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...['Period', 'Events', 'Verbal coop.', 'Material coop.', 'Verbal conflict', 'Material conflict', 'Mean Goldstein'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows),
  );
}

function endOfPeriod(seconds: number, bucket: BucketSize): string {
  const d = new Date(seconds * 1000);
  if (bucket === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/** Most periods drawn on one axis; beyond it only periods with events are drawn. */
const MAX_PERIODS = 20_000;

/**
 * Every period from the first to the last, so that bars are evenly spaced and a stretch with
 * no events shows as a gap in the Goldstein line rather than a line drawn across it.
 */
function periodAxis(seconds: number[], bucket: BucketSize): number[] {
  const present = [...new Set(seconds)].sort((x, y) => x - y);
  if (present.length < 2) return present;
  const all: number[] = [];
  const d = new Date(present[0] * 1000);
  const last = present[present.length - 1];
  while (d.getTime() / 1000 <= last && all.length <= MAX_PERIODS) {
    all.push(d.getTime() / 1000);
    if (bucket === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (bucket === 'week' ? 7 : 1));
  }
  return all.length > MAX_PERIODS ? present : all;
}

export function renderDyad(main: HTMLElement, a: string, b: string, query: URLSearchParams, signal: AbortSignal): void {
  a = a.toUpperCase();
  b = b.toUpperCase();
  let bucket: BucketSize = (['day', 'week', 'month'] as const).find((x) => x === query.get('bucket')) ?? 'month';
  let charts: TimelineChart[] = [];
  let range: { from: string; to: string } | null = null;

  const bucketSelect = h('select', { id: 'bucket' }, ...(['month', 'week', 'day'] as const).map((x) => h('option', { value: x, selected: x === bucket }, x)));
  const fromInput = h('input', { type: 'date', id: 'range-from' });
  const toInput = h('input', { type: 'date', id: 'range-to' });
  const apply = h('button', { type: 'submit' }, 'Show range');
  const reset = h('button', { type: 'button', class: 'secondary' }, 'All time');
  const rangeNote = h('p', { class: 'range-note', role: 'status' }, 'All time. Drag across a chart to select a range.');
  const chartsBox = h('div', { class: 'charts' }, loading('timeline'));
  const tables = h('details', { class: 'data-tables' }, h('summary', {}, 'Timeline as a table'));
  const eventsBox = h('div', { class: 'dyad-events' });

  const controls = h(
    'form',
    { class: 'controls', 'aria-label': 'Timeline controls' },
    h('label', { for: 'bucket' }, 'Bucket '),
    bucketSelect,
    h('label', { for: 'range-from' }, 'From '),
    fromInput,
    h('label', { for: 'range-to' }, 'To '),
    toInput,
    apply,
    reset,
  );

  append(
    main,
    h('h1', { tabindex: '-1' }, `${a} ⇄ ${b}`),
    h('p', { class: 'lede' }, `Events between ${a} and ${b} in both directions: bars count events by QuadClass, the line is the mean Goldstein score.`),
    controls,
    rangeNote,
    chartsBox,
    tables,
    eventsBox,
  );

  function showEvents(): void {
    clear(eventsBox);
    const title = range ? `Events ${range.from} to ${range.to}` : 'Events, newest first';
    eventsBox.appendChild(eventList({ dyad: `${a},${b}`, from: range?.from, to: range?.to }, signal, title));
  }

  function setRange(next: { from: string; to: string } | null, from: TimelineChart | null): void {
    range = next;
    fromInput.value = next?.from ?? '';
    toInput.value = next?.to ?? '';
    rangeNote.textContent = next ? `Showing ${next.from} to ${next.to}.` : 'All time. Drag across a chart to select a range.';
    const seconds: [number, number] | null = next ? [periodSeconds(next.from), periodSeconds(next.to)] : null;
    for (const c of charts) if (c !== from) c.setRange(seconds);
    showEvents();
  }

  async function draw(): Promise<void> {
    for (const c of charts) c.destroy();
    charts = [];
    clear(chartsBox);
    chartsBox.appendChild(loading('timeline'));
    try {
      const [ab, ba] = await Promise.all([
        api.timeline(a, b, { bucket, directed: true }, signal),
        api.timeline(b, a, { bucket, directed: true }, signal),
      ]);
      clear(chartsBox);
      while (tables.children.length > 1) tables.lastChild?.remove();
      const xs = periodAxis([...ab.buckets, ...ba.buckets].map((x) => periodSeconds(x.period)), bucket);
      if (xs.length === 0) {
        chartsBox.appendChild(h('p', {}, `No dated events between ${a} and ${b} yet.`));
        return;
      }
      for (const [t, title] of [[ab, `${a} → ${b}`], [ba, `${b} → ${a}`]] as const) {
        const box = h('figure', { class: 'chart', 'aria-label': `${title} timeline chart; the same data is in the table below` });
        chartsBox.appendChild(box);
        charts.push(
          timelineChart(box, {
            title,
            xs,
            buckets: t.buckets,
            syncKey: `dyad-${a}-${b}`,
            onRange: (r, source) => setRange(r ? { from: isoDay(r[0]), to: endOfPeriod(r[1], bucket) } : null, source),
          }),
        );
        tables.appendChild(dataTable(t, title));
      }
      if (range) setRange(range, null);
    } catch (error) {
      if (aborted(error)) return;
      clear(chartsBox);
      chartsBox.appendChild(failure('timeline', error));
    }
  }

  controls.addEventListener('submit', (event) => {
    event.preventDefault();
    const from = fromInput.value;
    const to = toInput.value;
    if (from && to && from <= to) setRange({ from, to }, null);
    else rangeNote.textContent = 'Enter a start date on or before the end date.';
  });
  reset.addEventListener('click', () => setRange(null, null));
  bucketSelect.addEventListener('change', () => {
    bucket = bucketSelect.value as BucketSize;
    void draw();
  });

  void draw();
  showEvents();
  signal.addEventListener('abort', () => charts.forEach((c) => c.destroy()));
}
