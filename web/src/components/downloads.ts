/**
 * @module web/components/downloads
 * "Download what you see": links to GET /api/export for the current filter, one per format the
 * server documents for it in the OpenAPI document (CSV and JSON Lines, GDELT 2.0 Events and
 * Mentions, PLOVER, POLECAT-like, ICEWS-style), plus the timeline as CSV. Each file holds every
 * event of the view (the export streams all pages), per report or per cluster as the view counts.
 */
import { downloadUrl, type EventQuery, type Params } from '../api.js';
import { h } from '../dom.js';

const NAMES: Record<string, string> = {
  csv: 'CSV',
  jsonl: 'JSON Lines',
  gdelt: 'GDELT 2.0 Events (TSV, no header)',
  'gdelt-mentions': 'GDELT 2.0 Mentions (TSV, no header)',
  plover: 'PLOVER (JSON Lines)',
  'plover-json': 'PLOVER (JSON)',
  polecat: 'POLECAT-like TSV',
  icews: 'ICEWS-style TSV',
};
const EXTENSIONS: Record<string, string> = {
  csv: 'csv', jsonl: 'jsonl', gdelt: 'export.CSV', 'gdelt-mentions': 'mentions.CSV', plover: 'plover.jsonl', 'plover-json': 'plover.json', polecat: 'polecat.tsv', icews: 'icews.tsv',
};

let formats: Promise<string[]> | undefined;

/** The formats /api/export offers, from its documented `format` parameter. */
function exportFormats(): Promise<string[]> {
  formats ??= fetch('/openapi.json')
    .then((r) => r.json())
    .then((doc: { paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }> }) => {
      const param = doc.paths['/api/export']?.get?.parameters?.find((p) => p.name === 'format');
      return param?.schema?.enum ?? ['csv', 'jsonl'];
    })
    .catch(() => ['csv', 'jsonl']);
  return formats;
}

export function downloads(filter: EventQuery, timeline: { path: string; params: Params } | null, total: number | null): HTMLElement {
  const list = h('ul', { class: 'downloads-list' });
  const box = h('section', { class: 'downloads', 'aria-labelledby': 'downloads-h' }, h('h2', { id: 'downloads-h' }, 'Download this view'), list);
  const params = { ...filter, cursor: undefined, limit: undefined };
  void exportFormats().then((found) => {
    for (const f of found) {
      list.appendChild(h('li', {}, h('a', { href: downloadUrl('/export', params, f), download: `detente-events.${EXTENSIONS[f] ?? f}`, 'data-format': f }, `Events as ${NAMES[f] ?? f.toUpperCase()}`)));
    }
    if (timeline) {
      list.appendChild(h('li', {}, h('a', { href: downloadUrl(timeline.path, timeline.params, 'csv'), download: 'detente-timeline.csv', 'data-format': 'timeline-csv' }, 'Timeline as CSV')));
    }
  });
  if (total !== null) {
    box.appendChild(h('p', { class: 'note' }, `Each file holds all ${total.toLocaleString('en')} event${total === 1 ? '' : 's'} of this view. GDELT files have no header row; the README lists their columns.`));
  }
  return box;
}
