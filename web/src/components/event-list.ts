/**
 * @module web/components/event-list
 * A page of events from /api/events with a "Load more" button that follows the cursor, so a
 * dyad with 100,000 events costs one small page at a time. Each event links to its sentence.
 */
import { api, type EventCode, type EventQuery, type EventRow } from '../api.js';
import { append, clear, h } from '../dom.js';
import { actorLabel, codeLabel, codeNames, goldstein, quadName } from '../format.js';
import { expandActor, names, type Names } from '../glossary.js';
import { articleHref, exploreHref } from '../router.js';
import { aborted, failure } from './status.js';

const PAGE = 50;

/** "USAGOV = United States · Government" for the codes of an event, so no code goes unexplained. */
function codesExplained(e: EventRow, n: Names): string {
  const codes = [...new Set([e.source?.code, e.target?.code].filter((c): c is string => Boolean(c)))];
  return codes.map((c) => `${c} = ${expandActor(c, n)}`).join('; ');
}

function eventItem(e: EventRow, codes: Map<string, EventCode>, n: Names): HTMLElement {
  return h(
    'li',
    { class: `event-card quad-${e.quad_class} modality-${e.modality}`, 'data-event': `${e.article_id}/${e.id}` },
    h(
      'div',
      { class: 'event-head' },
      h('span', { class: 'event-date' }, e.date ?? 'undated'),
      h('span', { class: `quad-badge quad-${e.quad_class}`, title: `QuadClass ${e.quad_class}` }, quadName(e.quad_class)),
      h('span', { class: 'goldstein', title: 'Goldstein: −10 most conflictual to +10 most cooperative' }, `Goldstein ${goldstein(e.goldstein)}`),
      e.modality !== 'asserted' ? h('span', { class: 'modality-badge' }, e.modality) : null,
    ),
    h('p', { class: 'event-what' }, `${actorLabel(e.source)} → ${actorLabel(e.target)}: ${codeLabel(e.code, codes)}`),
    h('p', { class: 'event-codes' }, codesExplained(e, n)),
    h(
      'p',
      { class: 'event-evidence' },
      h('a', { href: articleHref(e.article_id, e.id) }, `“${e.evidence.text}”`),
      e.article_title ? h('span', { class: 'event-source' }, ` — ${e.article_title}`) : null,
    ),
    clusterLine(e),
  );
}

/** "Reported by 3 articles from 2 outlets": a link to the cluster's reports, when others told it too. */
function clusterLine(e: EventRow): HTMLElement | null {
  const c = e.cluster;
  if (!c || c.articles < 2) return null;
  return h(
    'p',
    { class: 'event-cluster' },
    h(
      'a',
      { href: exploreHref({ cluster: c.id, modality: 'all' }), 'data-cluster': c.id },
      `Reported by ${c.articles} articles from ${c.sources} outlet${c.sources === 1 ? '' : 's'} (${c.mentions} mentions)`,
    ),
  );
}

/** A list of events matching `query`; replaces its content when called again with a new query. */
export function eventList(query: EventQuery, signal: AbortSignal, heading = 'Events'): HTMLElement {
  const list = h('ol', { class: 'event-list' });
  const count = h('p', { class: 'event-count', role: 'status' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more events');
  const section = h('section', { class: 'events', 'aria-label': heading }, h('h2', {}, heading), count, list, more);
  let cursor: string | null = null;
  let shown = 0;

  async function load(): Promise<void> {
    more.disabled = true;
    try {
      const [page, codes, n] = await Promise.all([api.events({ ...query, limit: PAGE, cursor }, signal), codeNames(), names()]);
      for (const e of page.events) list.appendChild(eventItem(e, codes, n));
      shown += page.events.length;
      cursor = page.next;
      more.hidden = cursor === null;
      count.textContent = shown === 0 ? 'No events match.' : `${shown} event${shown === 1 ? '' : 's'} shown${cursor ? ', more available' : ''}.`;
    } catch (error) {
      if (!aborted(error)) {
        clear(count);
        append(count, failure('events', error));
      }
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', () => void load());
  void load();
  return section;
}
