/**
 * @module web/pages/dyad
 * One pair of actors (#/dyad/USA/RUS?bucket=week&from=...&to=...&measure=mean&modality=all):
 * a synced uPlot timeline per direction in the chosen measure, bucket and smoothing; events
 * dated only to a month or year as shaded bands with a note of what each chart leaves out; a
 * date range set by dragging on a chart or typing dates; the modality control; downloads of
 * the view; a data table for screen readers; and the events of the chosen range. Every choice
 * is in the URL: a reload or a shared link restores the view.
 */
import { api, type Bucket, type EventQuery, type ViewBucket } from '../api.js';
import { MEASURES, partialBands, periodAxis, periodStart, type Measure } from '../chart-data.js';
import { downloads } from '../components/downloads.js';
import { eventList } from '../components/event-list.js';
import { aborted, failure, loading } from '../components/status.js';
import { timelineChart, type TimelineChart } from '../components/timeline-chart.js';
import { append, clear, h } from '../dom.js';
import { goldstein, isoDay } from '../format.js';
import { countryLabel, expandActor, names } from '../glossary.js';
import { exploreHref } from '../router.js';
import { replaceHash, withParams } from '../view-state.js';
import { chartLegend, modalityControl, perControl } from './explain.js';
import { leftOutNote } from './explore.js';

function dataTable(buckets: Bucket[], caption: string): HTMLElement {
  const rows = buckets.map((b) =>
    h('tr', {}, h('th', { scope: 'row' }, b.period), h('td', {}, b.events), ...b.quad.map((n) => h('td', {}, n)), h('td', {}, b.sum_goldstein.toFixed(1)), h('td', {}, goldstein(b.mean_goldstein))),
  );
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...['Period', 'Events', 'Verbal coop.', 'Material coop.', 'Verbal conflict', 'Material conflict', 'Summed Goldstein', 'Mean Goldstein'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows),
  );
}

function endOfPeriod(seconds: number, bucket: ViewBucket): string {
  const d = new Date(seconds * 1000);
  if (bucket === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1, 0, 0);
  else if (bucket === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

export function renderDyad(main: HTMLElement, a: string, b: string, query: URLSearchParams, signal: AbortSignal): void {
  a = a.toUpperCase();
  b = b.toUpperCase();
  const path = `/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
  const bucket: ViewBucket = (['year', 'month', 'week', 'day'] as const).find((x) => x === query.get('bucket')) ?? 'month';
  const measure: Measure = (['count', 'sum', 'mean'] as const).find((m) => m === query.get('measure')) ?? 'count';
  const smooth = Math.max(1, Math.min(24, Number(query.get('smooth')) || 1));
  const modality = (['asserted', 'negated', 'hypothetical', 'all'] as const).find((m) => m === query.get('modality')) ?? 'asserted';
  // Per report (default) or each cross-story cluster once: the URL's per=cluster.
  const per = query.get('per') === 'cluster' ? 'cluster' : undefined;
  const isDay = (v: string | null) => v !== null && /^\d{4}-\d\d-\d\d$/.test(v);
  let range: { from: string; to: string } | null = isDay(query.get('from')) && isDay(query.get('to')) ? { from: query.get('from')!, to: query.get('to')! } : null;
  let charts: TimelineChart[] = [];
  const go = (changes: Record<string, string | null>) => {
    location.hash = withParams(path, currentQuery(), changes);
  };
  /** The page's query with the range as it is now (a brush changes it without a navigation). */
  const currentQuery = () => {
    const q = new URLSearchParams(query);
    if (range) {
      q.set('from', range.from);
      q.set('to', range.to);
    } else {
      q.delete('from');
      q.delete('to');
    }
    return q;
  };

  const select = (id: string, label: string, options: [string, string][], value: string, key: string, fallback: string) => {
    const el = h('select', { id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
    el.addEventListener('change', () => go({ [key]: el.value === fallback ? null : el.value }));
    return [h('label', { for: id }, `${label} `), el];
  };
  const fromInput = h('input', { type: 'date', id: 'range-from', value: range?.from ?? '' });
  const toInput = h('input', { type: 'date', id: 'range-to', value: range?.to ?? '' });
  const apply = h('button', { type: 'submit' }, 'Show range');
  const reset = h('button', { type: 'button', class: 'secondary' }, 'All time');
  const rangeNote = h('p', { class: 'range-note', role: 'status' }, 'All time. Drag across a chart to select a range.');
  const chartsBox = h('div', { class: 'charts' }, loading('timeline'));
  const tables = h('details', { class: 'data-tables' }, h('summary', {}, 'Timeline as a table'));
  const eventsBox = h('div', { class: 'dyad-events' });
  const downloadsBox = h('div', {});
  const heading = h('h1', { tabindex: '-1' }, `${a} ⇄ ${b}`);
  const lede = h('p', { class: 'lede' }, `Events between ${a} and ${b} in both directions.`);

  const controls = h(
    'form',
    { class: 'controls', 'aria-label': 'Timeline controls' },
    ...select('bucket', 'Bucket', [['year', 'year'], ['month', 'month'], ['week', 'week'], ['day', 'day']], bucket, 'bucket', 'month'),
    ...select('measure', 'Show', Object.entries(MEASURES) as [string, string][], measure, 'measure', 'count'),
    ...select('smooth', 'Smoothing', [['1', 'none'], ['3', '3-period average'], ['6', '6-period average'], ['12', '12-period average']], String(smooth), 'smooth', '1'),
    h('span', { class: 'range-fields' }, h('label', { for: 'range-from' }, 'From '), fromInput, h('label', { for: 'range-to' }, ' To '), toInput),
    apply,
    reset,
  );

  append(
    main,
    heading,
    lede,
    controls,
    modalityControl(modality, (m) => go({ modality: m === 'asserted' ? null : m })),
    perControl(per ?? 'report', (p) => go({ per: p === 'report' ? null : p })),
    chartLegend(measure),
    rangeNote,
    chartsBox,
    tables,
    h('p', {}, h('a', { href: exploreHref({ dyad: `${a},${b}`, modality: modality === 'asserted' ? null : modality, per }), class: 'explore-link' }, 'Filter these events further (type of event, actors, words, map)')),
    downloadsBox,
    eventsBox,
  );

  void names().then((n) => {
    const label = (code: string) => (code.length === 3 ? countryLabel(code, n) : `${code} (${expandActor(code, n)})`);
    lede.textContent = `Events between ${label(a)} and ${label(b)} in both directions${modality === 'asserted' ? ' (asserted only; see Modality)' : ''}.`;
  });

  const baseFilter = (): EventQuery => ({ dyad: `${a},${b}`, modality, per, from: range?.from, to: range?.to });

  function showEvents(): void {
    clear(eventsBox);
    const title = range ? `Events ${range.from} to ${range.to}` : 'Events, newest first';
    eventsBox.appendChild(eventList(baseFilter(), signal, title));
    clear(downloadsBox);
    downloadsBox.appendChild(downloads(baseFilter(), { path: `/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`, params: { bucket: bucket === 'year' ? 'month' : bucket, modality, per, from: range?.from, to: range?.to } }, null));
  }

  function setRange(next: { from: string; to: string } | null, from: TimelineChart | null): void {
    range = next;
    fromInput.value = next?.from ?? '';
    toInput.value = next?.to ?? '';
    rangeNote.textContent = next ? `Showing ${next.from} to ${next.to}.` : 'All time. Drag across a chart to select a range.';
    replaceHash(withParams(path, currentQuery(), {}));
    const seconds: [number, number] | null = next ? [periodStart(next.from), periodStart(next.to)] : null;
    for (const c of charts) if (c !== from) c.setRange(seconds);
    showEvents();
  }

  async function direction(source: string, target: string): Promise<{ buckets: Bucket[]; partial: Awaited<ReturnType<typeof api.facets>>['facets'] }> {
    const filter: EventQuery = { dyad: `${source},${target}`, directed: true, modality, per };
    const [timeline, facets] = await Promise.all([
      bucket === 'year' ? api.viewTimeline(filter, 'year', signal) : api.timeline(source, target, { bucket, directed: true, modality, per }, signal),
      api.facets(filter, ['partial_date', 'date_precision', 'modality'], 1000, signal),
    ]);
    return { buckets: timeline.buckets, partial: facets.facets };
  }

  async function draw(): Promise<void> {
    try {
      const [ab, ba] = await Promise.all([direction(a, b), direction(b, a)]);
      clear(chartsBox);
      const sides = [
        { data: ab, title: `${a} → ${b}` },
        { data: ba, title: `${b} → ${a}` },
      ].map((s) => ({ ...s, ...partialBands(s.data.partial.partial_date, bucket) }));
      const xs = periodAxis(
        sides.flatMap((s) => [...s.data.buckets.map((x) => periodStart(x.period)), ...s.bands.map((band) => band.from)]),
        bucket,
      );
      if (xs.length === 0) {
        chartsBox.appendChild(h('p', {}, `No dated events between ${a} and ${b} yet.`));
      }
      for (const s of sides) {
        const total = (s.data.partial.date_precision ?? []).reduce((n, v) => n + v.count, 0);
        const onChart = s.data.buckets.reduce((n, x) => n + x.events, 0);
        const all = (s.data.partial.modality ?? []).reduce((n, v) => n + v.count, 0);
        const others = modality === 'all' ? 0 : all - total;
        if (xs.length > 0) {
          const box = h('figure', { class: 'chart', 'aria-label': `${s.title} timeline chart; the same data is in the table below` });
          chartsBox.appendChild(box);
          charts.push(
            timelineChart(box, {
              title: s.title,
              xs,
              buckets: s.data.buckets,
              bucket,
              measure,
              smooth,
              bands: s.bands,
              syncKey: `dyad-${a}-${b}`,
              onRange: (r, source) => setRange(r ? { from: isoDay(r[0]), to: endOfPeriod(r[1], bucket) } : null, source),
            }),
          );
        }
        chartsBox.appendChild(h('p', { class: 'left-out', 'data-direction': s.title }, `${s.title}: ${leftOutNote(total, onChart, s.banded, s.undated, others, bucket)}`));
        tables.appendChild(dataTable(s.data.buckets, s.title));
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

  void draw();
  showEvents();
  signal.addEventListener('abort', () => charts.forEach((c) => c.destroy()));
}
