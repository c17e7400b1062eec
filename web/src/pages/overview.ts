/**
 * @module web/pages/overview
 * The landing page: store counts (events split by modality, so they agree with the views,
 * which count asserted events), a country picker and a dyad picker that reach every country
 * and dyad, the most active dyads with a monthly sparkline each, and the newest events.
 */
import { api, type Dyad } from '../api.js';
import { append, clear, h } from '../dom.js';
import { aborted, failure, loading } from '../components/status.js';
import { eventList } from '../components/event-list.js';
import { sparkline } from '../components/sparkline.js';
import { goldstein } from '../format.js';
import { dyadHref, exploreHref } from '../router.js';
import { countryLabel, names } from '../glossary.js';

const TOP_DYADS = 12;

function counts(main: HTMLElement, signal: AbortSignal): HTMLElement {
  const list = h('dl', { class: 'counts' });
  const note = h('p', { class: 'note counts-note' });
  const section = h('section', { 'aria-labelledby': 'counts-h' }, h('h2', { id: 'counts-h', class: 'visually-hidden' }, 'Counts'), list, note);
  Promise.all([api.stats(signal), api.facets({}, ['modality'], 10, signal)])
    .then(([s, f]) => {
      const asserted = f.facets.modality?.find((m) => m.value === 'asserted')?.count ?? 0;
      for (const [label, value] of [['Articles', s.articles], ['Events (asserted)', asserted], ['Actor mentions', s.mentions], ['Quotes', s.quotes]] as const) {
        append(list, h('div', { class: 'count' }, h('dt', {}, label), h('dd', {}, value.toLocaleString('en'))));
      }
      const other = (f.facets.modality ?? []).filter((m) => m.value !== 'asserted');
      if (other.length > 0) {
        note.append(
          `${s.events.toLocaleString('en')} events stored: ${asserted.toLocaleString('en')} asserted (counted in every view by default) and `,
          other.map((m) => `${m.count.toLocaleString('en')} ${m.value}`).join(', '),
          ' (shown when asked: ',
          h('a', { href: exploreHref({ modality: 'all' }) }, 'every modality'),
          ').',
        );
      }
    })
    .catch((error) => aborted(error) || main.isConnected && section.appendChild(failure('counts', error)));
  return section;
}

/** Selects that reach every country and every dyad in the store, most events first. */
function pickers(signal: AbortSignal): HTMLElement {
  const country = h('select', { id: 'pick-country' }, h('option', { value: '' }, 'Choose a country…'));
  const dyad = h('select', { id: 'pick-dyad' }, h('option', { value: '' }, 'Choose a dyad…'));
  country.addEventListener('change', () => {
    if (country.value) location.hash = exploreHref({ country: country.value });
  });
  dyad.addEventListener('change', () => {
    const [a, b] = dyad.value.split('>');
    if (a && b) location.hash = dyadHref(a, b);
  });
  const box = h(
    'section',
    { class: 'pickers', 'aria-labelledby': 'pickers-h' },
    h('h2', { id: 'pickers-h' }, 'Go to'),
    h('div', { class: 'controls' }, h('label', { for: 'pick-country' }, 'Country '), country, h('label', { for: 'pick-dyad' }, 'Dyad '), dyad),
  );
  Promise.all([api.facets({}, ['country', 'dyad'], 1000, signal), names()])
    .then(([{ facets }, n]) => {
      for (const c of facets.country ?? []) country.appendChild(h('option', { value: c.value }, `${countryLabel(c.value, n)} — ${c.count}`));
      for (const d of facets.dyad ?? []) {
        const [a, b] = d.value.split('>');
        dyad.appendChild(h('option', { value: d.value }, `${n.countries.get(a) ?? a} → ${n.countries.get(b) ?? b} (${a} → ${b}) — ${d.count}`));
      }
      country.dataset.count = String(facets.country?.length ?? 0);
      dyad.dataset.count = String(facets.dyad?.length ?? 0);
    })
    .catch((error) => aborted(error) || box.appendChild(failure('pickers', error)));
  return box;
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
    pickers(signal),
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
