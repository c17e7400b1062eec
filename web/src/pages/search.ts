/**
 * @module web/pages/search
 * Search (#/search?q=...): actors by code or name (each links to its events), the events of a
 * country (three-letter query) or mentioning the words, and quotes by speaker or words.
 */
import { api } from '../api.js';
import { eventList } from '../components/event-list.js';
import { aborted, failure, loading } from '../components/status.js';
import { append, clear, h } from '../dom.js';
import { articleHref, searchHref } from '../router.js';

function section(id: string, title: string): { box: HTMLElement; body: HTMLElement } {
  const body = h('div', {}, loading(title.toLowerCase()));
  return { box: h('section', { 'aria-labelledby': id }, h('h2', { id }, title), body), body };
}

async function fill(body: HTMLElement, what: string, load: () => Promise<HTMLElement>): Promise<void> {
  try {
    const content = await load();
    clear(body);
    body.appendChild(content);
  } catch (error) {
    if (aborted(error)) return;
    clear(body);
    body.appendChild(failure(what, error));
  }
}

export function renderSearch(main: HTMLElement, query: URLSearchParams, signal: AbortSignal): void {
  const q = (query.get('q') ?? '').trim();
  const input = h('input', { type: 'search', id: 'search-q', name: 'q', value: q, autocomplete: 'off', required: true, maxlength: 100 });
  const form = h(
    'form',
    { role: 'search', class: 'search-form' },
    h('label', { for: 'search-q' }, 'Actor, country code, or words from quotes and events'),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, 'Search')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) location.hash = searchHref(input.value.trim());
  });
  append(main, h('h1', { tabindex: '-1' }, 'Search'), form);
  if (!q) return;

  const actors = section('actors-h', 'Actors');
  const quotes = section('quotes-h', 'Quotes');
  append(main, h('div', { class: 'columns' }, actors.box, quotes.box));

  void fill(actors.body, 'actors', async () => {
    const { actors: list } = await api.actors(q, signal);
    if (list.length === 0) return h('p', {}, 'No actor matches.');
    return h(
      'ul',
      { class: 'plain actors' },
      ...list.map((a) =>
        h(
          'li',
          {},
          h('a', { href: searchHref(a.code, 'actor') }, h('strong', {}, a.name ?? a.code), ` ${a.code}`),
          a.role ? ` · ${a.role}` : '',
          ` · ${a.mentions} mention${a.mentions === 1 ? '' : 's'}`,
        ),
      ),
    );
  });

  void fill(quotes.body, 'quotes', async () => {
    // A query that looks like a name finds quotes by that speaker as well as quotes using the words.
    const [byWords, bySpeaker] = await Promise.all([api.quotes({ q }, signal), api.quotes({ speaker: q }, signal)]);
    const seen = new Set<string>();
    const list = [...bySpeaker.quotes, ...byWords.quotes].filter((x) => {
      const key = `${x.article_id}:${x.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (list.length === 0) return h('p', {}, 'No quote matches.');
    return h(
      'ul',
      { class: 'plain quotes' },
      ...list.map((x) =>
        h(
          'li',
          {},
          h('blockquote', {}, x.text),
          h('p', { class: 'quote-by' }, `— ${x.speaker?.name ?? 'unattributed'} in `, h('a', { href: articleHref(x.article_id) }, x.article_title ?? x.article_id)),
        ),
      ),
    );
  });

  // A three-letter query is a country; an actor picked from the results is a code prefix; anything else is words.
  const code = q.toUpperCase();
  if (query.get('kind') === 'actor' && /^[A-Z]{3,15}$/.test(code)) main.appendChild(eventList({ actor: code }, signal, `Events with actor ${code}`));
  else if (/^[A-Z]{3}$/.test(code)) main.appendChild(eventList({ country: code }, signal, `Events involving ${code}`));
  else main.appendChild(eventList({ q }, signal, `Events mentioning “${q}”`));
}
