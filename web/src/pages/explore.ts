/**
 * @module web/pages/explore
 * The analyst's view (#/explore?...): any filter (CAMEO root and code, QuadClass, countries,
 * role, actor, person, outlet, place, modality, dates, words) with facet counts to choose from;
 * a timeline in the chosen measure, bucket, smoothing and normalisation, with what it leaves out
 * counted; a map; downloads of exactly this view; the events themselves. Every choice is a
 * URL parameter, so the page re-renders from the hash and a shared link shows the same view.
 */
import { api, type Bucket, type EventCode, type EventQuery, type FacetName, type FacetValue, type ViewBucket } from '../api.js';
import { autoBucket, MEASURES, partialBands, periodAxis, periodStart, type Measure } from '../chart-data.js';
import { downloads } from '../components/downloads.js';
import { eventList } from '../components/event-list.js';
import { facetBox, type FacetSpec } from '../components/facets.js';
import { aborted, failure, loading } from '../components/status.js';
import { timelineChart, type TimelineChart } from '../components/timeline-chart.js';
import { worldMap } from '../components/world-map.js';
import { append, clear, h } from '../dom.js';
import { codeLabel, codeNames, isoDay, quadName } from '../format.js';
import { countryLabel, expandActor, names, type Names } from '../glossary.js';
import { filterOf, withParams } from '../view-state.js';
import { chartLegend, modalityControl, perControl } from './explain.js';

const FACETS: FacetName[] = ['modality', 'quad_class', 'root', 'code', 'country', 'source_country', 'target_country', 'dyad', 'role', 'actor', 'name', 'outlet', 'date_precision', 'partial_date'];

function specs(n: Names, codes: Map<string, EventCode>): FacetSpec[] {
  const single = (facet: FacetName, title: string, key: string, label: (v: string) => string): FacetSpec => ({
    facet,
    title,
    params: (v) => ({ [key]: v }),
    current: (q) => q.get(key),
    label,
  });
  const country = (v: string) => countryLabel(v, n);
  return [
    single('modality', 'Modality', 'modality', (v) => v),
    single('quad_class', 'QuadClass', 'quad_class', (v) => `${v} · ${quadName(Number(v))}`),
    single('root', 'CAMEO root', 'root', (v) => codeLabel(v, codes)),
    single('code', 'CAMEO code', 'code', (v) => codeLabel(v, codes)),
    single('country', 'Country (either side)', 'country', country),
    single('source_country', 'Source country', 'source', country),
    single('target_country', 'Target country', 'target', country),
    {
      facet: 'dyad',
      title: 'Dyad (source → target)',
      params: (v) => ({ dyad: v.replace('>', ','), directed: 'true' }),
      current: (q) => (q.get('dyad') && q.get('directed') === 'true' ? (q.get('dyad') as string).replace(',', '>') : null),
      label: (v) => v.split('>').map((c) => `${n.countries.get(c) ?? c}`).join(' → '),
    },
    single('role', 'Actor role', 'role', (v) => `${v} · ${n.roles.get(v) ?? v}`),
    single('actor', 'Actor', 'actor', (v) => `${v} · ${expandActor(v, n)}`),
    single('name', 'Person or named actor', 'name', (v) => v),
    single('outlet', 'Source / outlet', 'outlet', (v) => v),
  ];
}

interface ViewOptions {
  bucket: ViewBucket | 'auto';
  measure: Measure;
  smooth: number;
  normalise: boolean;
}

function viewOptions(query: URLSearchParams): ViewOptions {
  const bucket = (['auto', 'year', 'month', 'week', 'day'] as const).find((b) => b === query.get('bucket')) ?? 'auto';
  const measure = (['count', 'sum', 'mean'] as const).find((m) => m === query.get('measure')) ?? 'count';
  const smooth = Math.max(1, Math.min(24, Number(query.get('smooth')) || 1));
  return { bucket, measure, smooth, normalise: query.get('norm') === '1' };
}

/** Filter chips: each says what is filtered and removes itself. */
function activeFilters(query: URLSearchParams, href: (c: Record<string, string | null>) => string, n: Names): HTMLElement | null {
  const chips: HTMLElement[] = [];
  const filter = filterOf(query) as Record<string, string | boolean>;
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'directed' || key === 'per') continue;
    const shown = key === 'country' || key === 'source' || key === 'target' ? countryLabel(String(value), n) : key === 'actor' ? `${value} · ${expandActor(String(value), n)}` : String(value);
    chips.push(h('li', {}, h('a', { href: href(key === 'dyad' ? { dyad: null, directed: null } : { [key]: null }), class: 'chip', 'aria-label': `Remove filter ${key} ${shown}` }, `${key}: ${shown} ✕`)));
  }
  return chips.length > 0 ? h('ul', { class: 'chips', 'aria-label': 'Active filters' }, ...chips) : null;
}

export function renderExplore(main: HTMLElement, query: URLSearchParams, signal: AbortSignal): void {
  const filter = filterOf(query);
  const view = viewOptions(query);
  const href = (changes: Record<string, string | null>) => withParams('/explore', query, changes);
  const go = (changes: Record<string, string | null>) => {
    location.hash = href(changes);
  };

  const summary = h('p', { class: 'lede', role: 'status' }, 'Counting events…');
  const facetsBox = h('aside', { class: 'facets', 'aria-label': 'Filters' }, loading('filters'));
  const chartBox = h('div', { class: 'charts' }, loading('timeline'));
  const leftOut = h('p', { class: 'left-out', role: 'status' });
  const mapBox = h('section', { class: 'map-section', 'aria-labelledby': 'map-h' }, h('h2', { id: 'map-h' }, 'Map'), loading('map'));
  const downloadsBox = h('div', {});

  // Words, dates and modality: a form whose submit writes them to the URL.
  const words = h('input', { type: 'search', id: 'explore-q', value: query.get('q') ?? '', placeholder: 'words in evidence or actor names' });
  const from = h('input', { type: 'date', id: 'explore-from', value: (query.get('from') ?? '').length === 10 ? query.get('from') : '' });
  const to = h('input', { type: 'date', id: 'explore-to', value: (query.get('to') ?? '').length === 10 ? query.get('to') : '' });
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Words and dates' },
    h('label', { for: 'explore-q' }, 'Words '),
    words,
    h('label', { for: 'explore-from' }, 'From '),
    from,
    h('label', { for: 'explore-to' }, 'To '),
    to,
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ q: words.value.trim() || null, from: from.value || null, to: to.value || null });
  });

  const select = (id: string, label: string, options: [string, string][], value: string, key: string) => {
    const el = h('select', { id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
    el.addEventListener('change', () => go({ [key]: el.value === options[0][0] ? null : el.value }));
    return [h('label', { for: id }, `${label} `), el];
  };
  const norm = h('input', { type: 'checkbox', id: 'view-norm', checked: view.normalise });
  norm.addEventListener('change', () => go({ norm: norm.checked ? '1' : null }));
  const chartControls = h(
    'div',
    { class: 'controls chart-controls', role: 'group', 'aria-label': 'Chart' },
    ...select('view-measure', 'Show', Object.entries(MEASURES) as [string, string][], view.measure, 'measure'),
    ...select('view-bucket', 'Bucket', [['auto', 'automatic'], ['year', 'year'], ['month', 'month'], ['week', 'week'], ['day', 'day']], view.bucket, 'bucket'),
    ...select('view-smooth', 'Smoothing', [['1', 'none'], ['3', '3-period moving average'], ['6', '6-period moving average'], ['12', '12-period moving average']], String(view.smooth), 'smooth'),
    h('span', { class: 'check' }, norm, h('label', { for: 'view-norm' }, ' Share of all events (normalise by volume)')),
  );

  append(
    main,
    h('h1', { tabindex: '-1' }, 'Explore events'),
    summary,
    activeFilters(query, href, { countries: new Map(), roles: new Map(), organizations: new Map(), byNumeric: new Map(), glossary: null }),
    form,
    modalityControl(query.get('modality') ?? 'asserted', (m) => go({ modality: m === 'asserted' ? null : m })),
    perControl(query.get('per') ?? 'report', (p) => go({ per: p === 'report' ? null : p })),
    h(
      'div',
      { class: 'explore-layout' },
      facetsBox,
      h('div', { class: 'explore-main' }, h('section', { 'aria-labelledby': 'chart-h' }, h('h2', { id: 'chart-h' }, 'Over time'), chartControls, chartLegend(view.measure), chartBox, leftOut), mapBox, downloadsBox),
    ),
  );
  const eventsSection = eventList({ ...filter }, signal, 'Events, newest first');
  main.appendChild(eventsSection);

  let charts: TimelineChart[] = [];
  signal.addEventListener('abort', () => charts.forEach((c) => c.destroy()));

  void (async () => {
    try {
      const [n, codes, facetData] = await Promise.all([names(), codeNames(), api.facets(filter, FACETS, 1000, signal)]);
      const f = facetData.facets;
      // Chips again, now with names.
      const chips = main.querySelector('.chips');
      const named = activeFilters(query, href, n);
      if (chips && named) chips.replaceWith(named);
      const total = sum(f.date_precision);
      const modality = filter.modality ?? 'asserted';
      const others = modality === 'all' ? 0 : sum(f.modality) - (f.modality?.find((m) => m.value === modality)?.count ?? 0);
      const unit = filter.per === 'cluster' ? `happening${total === 1 ? '' : 's'} (each counted once)` : `event${total === 1 ? '' : 's'}`;
      summary.textContent = `${total.toLocaleString('en')} ${modality === 'all' ? '' : `${modality} `}${unit} match.` + (others > 0 ? ` ${others.toLocaleString('en')} more are negated or hypothetical (not shown; see Modality).` : '');
      clear(facetsBox);
      facetsBox.appendChild(h('h2', { class: 'visually-hidden' }, 'Filters'));
      for (const spec of specs(n, codes)) facetsBox.appendChild(facetBox(spec, f[spec.facet] ?? [], query, href));
      downloadsBox.appendChild(downloads(filter, { path: '/timeline', params: { ...filter, bucket: view.bucket === 'auto' ? 'month' : view.bucket } }, total));
      await drawChart(f, total, others);
      await drawMap(n, f.country ?? []);
    } catch (error) {
      if (aborted(error)) return;
      clear(facetsBox);
      facetsBox.appendChild(failure('filters', error));
    }
  })();

  async function drawChart(f: Partial<Record<FacetName, FacetValue[]>>, total: number, others: number): Promise<void> {
    try {
      let bucket: ViewBucket = view.bucket === 'auto' ? 'month' : view.bucket;
      let { buckets } = await api.viewTimeline(filter, bucket, signal);
      if (view.bucket === 'auto' && buckets.length > 0) {
        const months = monthsBetween(buckets[0].period, buckets[buckets.length - 1].period);
        const better = autoBucket(months);
        if (better !== bucket) {
          bucket = better;
          ({ buckets } = await api.viewTimeline(filter, bucket, signal));
        }
      }
      const totals = view.normalise ? await volume(bucket, filter.modality) : undefined;
      const { bands, undated, banded } = partialBands(f.partial_date, bucket);
      const xs = periodAxis([...buckets.map((b) => periodStart(b.period)), ...bands.flatMap((b) => [b.from])], bucket);
      const onChart = buckets.reduce((s, b) => s + b.events, 0);
      clear(chartBox);
      leftOut.textContent = leftOutNote(total, onChart, banded, undated, others, bucket);
      if (xs.length === 0) {
        chartBox.appendChild(h('p', {}, 'No dated events in this view.'));
        return;
      }
      const box = h('figure', { class: 'chart', 'aria-label': `Timeline of this view by ${bucket}; the same data is in the table below` });
      chartBox.appendChild(box);
      charts.push(
        timelineChart(box, {
          title: `Events by ${bucket}`,
          xs,
          buckets,
          bucket,
          measure: view.measure,
          smooth: view.smooth,
          totals,
          bands,
          syncKey: 'explore',
          onRange: (r) => {
            if (r) go({ from: isoDay(r[0]), to: isoDay(r[1]) });
          },
        }),
      );
      chartBox.appendChild(dataTable(buckets, bucket));
    } catch (error) {
      if (aborted(error)) return;
      clear(chartBox);
      chartBox.appendChild(failure('timeline', error));
    }
  }

  /** Events of every kind per period (the same modality), for normalising. */
  async function volume(bucket: ViewBucket, modality: string | undefined): Promise<Map<number, number>> {
    const all = await api.viewTimeline({ modality }, bucket, signal);
    return new Map(all.buckets.map((b) => [periodStart(b.period), b.events]));
  }

  async function drawMap(n: Names, counts: FacetValue[]): Promise<void> {
    try {
      const { places } = await api.places(filter, signal);
      const map = await worldMap({
        counts,
        places,
        names: n,
        countryHref: (code) => href({ country: code }),
        placeHref: (p) => href({ place: p.name }),
      });
      mapBox.querySelector('.status')?.remove();
      mapBox.appendChild(map);
    } catch (error) {
      if (aborted(error)) return;
      mapBox.querySelector('.status')?.remove();
      mapBox.appendChild(failure('map', error));
    }
  }
}

function sum(values: FacetValue[] | undefined): number {
  return (values ?? []).reduce((s, v) => s + v.count, 0);
}

function monthsBetween(first: string, last: string): number {
  const m = (p: string) => Number(p.slice(0, 4)) * 12 + (p.length >= 7 ? Number(p.slice(5, 7)) - 1 : 0);
  return m(last) - m(first) + 1;
}

/** What the chart leaves out of the view's events, and why. */
export function leftOutNote(total: number, onChart: number, banded: number, undated: number, others: number, bucket: ViewBucket): string {
  const parts = [`${onChart.toLocaleString('en')} of ${total.toLocaleString('en')} events are in the ${bucket} bars.`];
  if (banded > 0) parts.push(`${banded} dated only to a ${bucket === 'month' ? 'year' : 'month or year'} are shaded bands over that period.`);
  const missing = total - onChart - banded;
  if (undated > 0) parts.push(`${undated} undated are not on the chart.`);
  if (missing - undated > 0) parts.push(`${missing - undated} are outside the chart's periods.`);
  if (others > 0) parts.push(`${others} negated or hypothetical are not counted (show them with Modality).`);
  return parts.join(' ');
}

function dataTable(buckets: Bucket[], bucket: ViewBucket): HTMLElement {
  return h(
    'details',
    { class: 'data-tables' },
    h('summary', {}, 'Timeline as a table'),
    h(
      'table',
      {},
      h('caption', {}, `Events by ${bucket}`),
      h('thead', {}, h('tr', {}, ...['Period', 'Events', 'Verbal coop.', 'Material coop.', 'Verbal conflict', 'Material conflict', 'Summed Goldstein', 'Mean Goldstein'].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...buckets.map((b) =>
          h('tr', {}, h('th', { scope: 'row' }, b.period), h('td', {}, b.events), ...b.quad.map((q) => h('td', {}, q)), h('td', {}, b.sum_goldstein.toFixed(1)), h('td', {}, b.mean_goldstein.toFixed(1))),
        ),
      ),
    ),
  );
}

export type { EventQuery };
