/**
 * @module web/components/facets
 * Filter pickers with counts (as datasette and ACLED's explorer show them): per facet, its most
 * frequent values as links that set the filter in the URL, the chosen value marked, and a
 * select that reaches every other value. Each facet's counts ignore the facet's own filter
 * (the API does that), so the alternatives to a choice stay visible.
 */
import type { FacetName, FacetValue } from '../api.js';
import { h } from '../dom.js';
import type { FilterKey } from '../view-state.js';

export interface FacetSpec {
  facet: FacetName;
  title: string;
  /** The URL parameters a value sets. */
  params(value: string): Partial<Record<FilterKey, string>>;
  /** The value currently chosen, read from the query. */
  current(query: URLSearchParams): string | null;
  label(value: string): string;
}

/** Values shown as links before the "every value" select. */
const SHOWN = 6;

export function facetBox(spec: FacetSpec, values: FacetValue[], query: URLSearchParams, href: (changes: Record<string, string | null>) => string): HTMLElement {
  const chosen = spec.current(query);
  const clear = Object.fromEntries(Object.keys(spec.params(values[0]?.value ?? '')).map((k) => [k, null])) as Record<string, null>;
  const id = `facet-${spec.facet}`;
  const items = values.slice(0, SHOWN).map((v) =>
    h(
      'li',
      {},
      h(
        'a',
        { href: href(v.value === chosen ? clear : { ...clear, ...spec.params(v.value) }), 'aria-current': v.value === chosen ? 'true' : null, 'data-value': v.value },
        h('span', { class: 'facet-label' }, spec.label(v.value)),
        h('span', { class: 'facet-count' }, v.count.toLocaleString('en')),
      ),
    ),
  );
  const box = h(
    'details',
    { class: 'facet', open: true, 'data-facet': spec.facet },
    h('summary', {}, spec.title, chosen !== null ? h('span', { class: 'facet-chosen' }, ` · ${spec.label(chosen)}`) : null),
    values.length === 0 ? h('p', { class: 'facet-empty' }, 'None in this view.') : h('ul', { class: 'facet-values' }, ...items),
  );
  if (values.length > SHOWN || chosen !== null) {
    const select = h(
      'select',
      { id, 'aria-label': `${spec.title}: every value` },
      h('option', { value: '' }, values.length > SHOWN ? `All ${values.length} values…` : 'Any'),
      ...values.map((v) => h('option', { value: v.value, selected: v.value === chosen }, `${spec.label(v.value)} (${v.count})`)),
    );
    select.addEventListener('change', () => {
      location.hash = href(select.value === '' ? clear : { ...clear, ...spec.params(select.value) });
    });
    box.appendChild(select);
  }
  return box;
}
