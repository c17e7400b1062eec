/**
 * @module web/components/downloads
 * "Download what you see": links to the API's list formats for the current filter — every
 * format /api/events documents in the OpenAPI document (CSV and JSON Lines, and analyst layouts
 * such as GDELT when the server offers them), plus the timeline as CSV.
 */
import { downloadUrl, type EventQuery, type Params } from '../api.js';
import { h } from '../dom.js';

const NAMES: Record<string, string> = { csv: 'CSV', ndjson: 'JSON Lines', json: 'JSON' };
const EXTENSIONS: Record<string, string> = { csv: 'csv', ndjson: 'jsonl', json: 'json' };

let formats: Promise<string[]> | undefined;

/** The formats /api/events offers, from its documented `format` parameter. */
function eventFormats(): Promise<string[]> {
  formats ??= fetch('/openapi.json')
    .then((r) => r.json())
    .then((doc: { paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }> }) => {
      const param = doc.paths['/api/events']?.get?.parameters?.find((p) => p.name === 'format');
      return (param?.schema?.enum ?? ['csv', 'ndjson']).filter((f) => f !== 'json');
    })
    .catch(() => ['csv', 'ndjson']);
  return formats;
}

/** At most this many events per download link (the API's page limit); the note says so. */
const DOWNLOAD_LIMIT = 1000;

export function downloads(filter: EventQuery, timeline: { path: string; params: Params } | null, total: number | null): HTMLElement {
  const list = h('ul', { class: 'downloads-list' });
  const box = h('section', { class: 'downloads', 'aria-labelledby': 'downloads-h' }, h('h2', { id: 'downloads-h' }, 'Download this view'), list);
  const params = { ...filter, cursor: undefined, limit: DOWNLOAD_LIMIT };
  void eventFormats().then((found) => {
    for (const f of found) {
      list.appendChild(h('li', {}, h('a', { href: downloadUrl('/events', params, f), download: `detente-events.${EXTENSIONS[f] ?? f}`, 'data-format': f }, `Events as ${NAMES[f] ?? f.toUpperCase()}`)));
    }
    if (timeline) {
      list.appendChild(h('li', {}, h('a', { href: downloadUrl(timeline.path, timeline.params, 'csv'), download: 'detente-timeline.csv', 'data-format': 'timeline-csv' }, 'Timeline as CSV')));
    }
  });
  if (total !== null && total > DOWNLOAD_LIMIT) {
    box.appendChild(h('p', { class: 'note' }, `Each file holds the newest ${DOWNLOAD_LIMIT.toLocaleString('en')} of ${total.toLocaleString('en')} events; the response's Link header gives the next page (or use detente events on the command line).`));
  }
  return box;
}
