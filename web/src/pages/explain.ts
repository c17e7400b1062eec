/**
 * @module web/pages/explain
 * Explanations where numbers appear: the chart legend (QuadClass colours, the Goldstein line,
 * shaded bands for coarse dates), the modality control with what each modality means, and the
 * glossary page (#/glossary) with country, role and organisation codes.
 */
import { h } from '../dom.js';
import { names } from '../glossary.js';
import { aborted, failure, loading } from '../components/status.js';
import { QUAD_NAMES } from '../format.js';
import type { Measure } from '../chart-data.js';

export const GOLDSTEIN_NOTE = 'Goldstein: −10 (most conflictual) to +10 (most cooperative) per kind of event.';

export function chartLegend(measure: Measure): HTMLElement {
  // Colours come from classes: the Content-Security-Policy forbids inline styles.
  const swatch = (cls: string, text: string) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text);
  const items =
    measure === 'count'
      ? [...QUAD_NAMES.map((name, i) => swatch(`quad-${i + 1}`, `${name} (QuadClass ${i + 1})`)), swatch('line', 'Mean Goldstein (line, right axis)')]
      : measure === 'sum'
        ? [swatch('goldstein', 'Summed Goldstein of the period: grows with the number of events')]
        : [swatch('line', 'Mean Goldstein of the period: the tone, whatever the volume')];
  return h(
    'div',
    { class: 'chart-legend' },
    h('ul', { class: 'legend-list' }, ...items, swatch('band', 'Shaded band: events dated only to that month or year (count at its top)')),
    h('p', { class: 'note' }, GOLDSTEIN_NOTE, ' ', h('a', { href: '#/glossary' }, 'Glossary')),
  );
}

const MODALITIES: [string, string][] = [
  ['asserted', 'Asserted: said to have happened'],
  ['negated', 'Negated: said not to have happened'],
  ['hypothetical', 'Hypothetical: possible, planned, threatened or asked about'],
  ['all', 'All modalities'],
];

/** Asserted by default; radio buttons for the others, each saying what it means. */
/**
 * Per report or per happening: a story told by five articles is five reports of one event;
 * counting per cluster counts it once (its first report stands for it).
 */
export function perControl(current: string, onChange: (per: string) => void): HTMLElement {
  const box = h('fieldset', { class: 'per-control' }, h('legend', {}, 'Count'));
  const choices: [string, string][] = [
    ['report', 'every report'],
    ['cluster', 'each happening once (reports of one event by several articles merged)'],
  ];
  for (const [value, text] of choices) {
    const id = `per-${value}`;
    const input = h('input', { type: 'radio', name: 'per', id, value, checked: value === current });
    input.addEventListener('change', () => onChange(value));
    box.appendChild(h('span', { class: 'radio' }, input, h('label', { for: id }, ` ${text}`)));
  }
  return box;
}

export function modalityControl(current: string, onChange: (modality: string) => void): HTMLElement {
  const box = h('fieldset', { class: 'modality-control' }, h('legend', {}, 'Modality'));
  for (const [value, text] of MODALITIES) {
    const id = `modality-${value}`;
    const input = h('input', { type: 'radio', name: 'modality', id, value, checked: value === current });
    input.addEventListener('change', () => onChange(value));
    box.appendChild(h('span', { class: 'radio' }, input, h('label', { for: id }, ` ${text}`)));
  }
  return box;
}

export function renderGlossary(main: HTMLElement, signal: AbortSignal): void {
  const body = h('div', {}, loading('glossary'));
  main.append(h('h1', { tabindex: '-1' }, 'Glossary'), body);
  void names()
    .then((n) => {
      if (signal.aborted) return;
      const g = n.glossary;
      if (!g) throw new Error('the glossary is not available');
      const table = (caption: string, head: string[], rows: string[][], id: string) =>
        h(
          'table',
          { class: 'glossary-table', id },
          h('caption', {}, caption),
          h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r[0]), ...r.slice(1).map((c) => h('td', {}, c))))),
        );
      body.replaceChildren(
        h('h2', {}, 'Events'),
        h(
          'dl',
          { class: 'glossary' },
          h('dt', {}, 'Event'),
          h('dd', {}, 'Who did what to whom, when and where, coded from one sentence of an article (CAMEO). Every event links to its sentence.'),
          h('dt', {}, 'CAMEO code'),
          h('dd', {}, 'The kind of event: a two-digit root ("16" reduce relations) and finer codes under it ("163" impose embargo, boycott or sanctions). The codebook is at ', h('a', { href: '/api/codes' }, '/api/codes'), '.'),
          h('dt', {}, 'Goldstein'),
          h('dd', {}, g.goldstein),
          h('dt', {}, 'Actor code'),
          h('dd', {}, 'A country code followed by role codes ("USAGOV": the United States government; "RUSMIL": the Russian military), or an organisation\'s code ("IGOWSTNAT": NATO). Person names are kept apart: searching "Putin" finds his events, not every RUSGOV event.'),
          h('dt', {}, 'Dyad'),
          h('dd', {}, 'A pair of countries, source → target.'),
          h('dt', {}, 'Partial dates'),
          h('dd', {}, 'An event dated only to a month or a year is counted in the month or year bucket that contains it; on finer charts it is a shaded band over that period. Undated events are counted in the note under each chart.'),
        ),
        table('QuadClass', ['Class', 'Name', 'Meaning'], g.quad_classes.map((q) => [String(q.quad_class), q.name, q.description]), 'glossary-quad'),
        table('Modality', ['Modality', 'Meaning'], g.modalities.map((m) => [m.modality, m.description]), 'glossary-modality'),
        table('Actor roles', ['Code', 'Name', 'Meaning'], g.roles.map((r) => [r.code, r.name, r.description]), 'glossary-roles'),
        table('Organisations', ['Code', 'Name'], g.organizations.map((o) => [o.code, o.name]), 'glossary-organizations'),
        table('Countries', ['Code', 'Name'], g.countries.map((c) => [c.code, c.name]), 'glossary-countries'),
      );
    })
    .catch((error) => {
      if (aborted(error)) return;
      body.replaceChildren(failure('glossary', error));
    });
}
