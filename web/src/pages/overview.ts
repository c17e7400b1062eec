/**
 * @module web/pages/overview
 * The landing page: store counts, the most active dyads with a monthly sparkline each, and the
 * newest events (one page, more on demand).
 */
import { api, type Dyad } from '../api.js';
import { append, clear, h } from '../dom.js';
import { aborted, failure, loading } from '../components/status.js';
import { eventList } from '../components/event-list.js';
import { sparkline } from '../components/sparkline.js';
import { goldstein } from '../format.js';
import { dyadHref } from '../router.js';

const TOP_DYADS = 12;

function counts(main: HTMLElement, signal: AbortSignal): HTMLElement {
  const list = h('dl', { class: 'counts' });
  const section = h('section', { 'aria-labelledby': 'counts-h' }, h('h2', { id: 'counts-h', class: 'visually-hidden' }, 'Counts'), list);
  api
    .stats(signal)
    .then((s) => {
      for (const [label, value] of [['Articles', s.articles], ['Events', s.events], ['Actor mentions', s.mentions], ['Quotes', s.quotes]] as const) {
        append(list, h('div', { class: 'count' }, h('dt', {}, label), h('dd', {}, value.toLocaleString('en'))));
      }
    })
    .catch((error) => aborted(error) || main.isConnected && section.appendChild(failure('counts', error)));
  return section;
}

function dyadRow(d: Dyad, signal: AbortSignal): HTMLElement {
  const spark = h('span', { class: 'spark' });
  const label = `${d.source_country} → ${d.target_country}`;
  api
    .timeline(d.source_country, d.target_country, { bucket: 'month', directed: true }, signal)
    .then((t) => {
      const values = t.buckets.map((b) => b.events);
      spark.appendChild(sparkline(values, `${label}: events per month, ${values.length} months, peak ${Math.max(0, ...values)}`));
    })
    .catch(() => undefined);
  return h(
    'li',
    { class: 'dyad' },
    h('a', { href: dyadHref(d.source_country, d.target_country) }, h('span', { class: 'dyad-name' }, label)),
    spark,
    h('span', { class: 'dyad-n' }, `${d.events.toLocaleString('en')} events`),
    h('span', { class: 'dyad-g', title: 'Mean Goldstein' }, goldstein(d.mean_goldstein)),
  );
}

export function renderOverview(main: HTMLElement, signal: AbortSignal): void {
  const dyads = h('ol', { class: 'dyads' });
  const dyadSection = h('section', { 'aria-labelledby': 'dyads-h' }, h('h2', { id: 'dyads-h' }, 'Most active dyads'), loading('dyads'), dyads);
  append(
    main,
    h('h1', { tabindex: '-1' }, 'Overview'),
    counts(main, signal),
    h('div', { class: 'columns' }, dyadSection, eventList({}, signal, 'Newest events')),
  );
  api
    .dyads(TOP_DYADS, signal)
    .then(({ dyads: list }) => {
      dyadSection.querySelector('.status')?.remove();
      if (list.length === 0) dyadSection.appendChild(h('p', {}, 'No dyads yet: ingest some articles (detente ingest PATH).'));
      for (const d of list) dyads.appendChild(dyadRow(d, signal));
    })
    .catch((error) => {
      if (aborted(error)) return;
      clear(dyadSection);
      append(dyadSection, h('h2', { id: 'dyads-h' }, 'Most active dyads'), failure('dyads', error));
    });
}
