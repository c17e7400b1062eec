/**
 * @module web/pages/search
 * Search (#/search?q=...): CAMEO codes by number or name ("163", "sanctions"); actors grouped
 * by code with the names they were written as listed under them (a name opens that person's
 * events, not every event of their government); events whose evidence or actor names contain
 * the words (stemmed: "expel" finds "expelled"); articles by title and text; quotes by speaker
 * or words. A three-letter query is also a country, a number a CAMEO code.
 */
import { api, type ActorSummary } from '../api.js';
import { codeNames } from '../format.js';
import { expandActor, names } from '../glossary.js';
import { eventList } from '../components/event-list.js';
import { aborted, failure, loading } from '../components/status.js';
import { append, clear, h } from '../dom.js';
import { articleHref, exploreHref, searchHref } from '../router.js';

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
    h('label', { for: 'search-q' }, 'Words, a person, an actor or country code, or a CAMEO code or name'),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, 'Search')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) location.hash = searchHref(input.value.trim());
  });
  append(main, h('h1', { tabindex: '-1' }, 'Search'), form);
  if (!q) return;

  const codes = section('codes-h', 'Event codes');
  const actors = section('actors-h', 'Actors and people');
  const articles = section('articles-h', 'Articles');
  const quotes = section('quotes-h', 'Quotes');
  append(main, h('div', { class: 'columns' }, codes.box, actors.box), h('div', { class: 'columns' }, articles.box, quotes.box));

  void fill(codes.body, 'codes', async () => {
    const book = await codeNames();
    const words = stems(q);
    const digits = /^\d{2,4}$/.test(q);
    const found = [...book.values()].filter((c) => (digits ? c.code.startsWith(q) : words.length > 0 && words.every((w) => stems(c.name).some((n) => n.startsWith(w))))).slice(0, 30);
    if (found.length === 0) return h('p', {}, 'No event code matches.');
    return h(
      'ul',
      { class: 'plain codes' },
      ...found.map((c) => h('li', {}, h('a', { href: exploreHref({ code: c.code }) }, h('strong', {}, c.code), ` ${c.name}`), ` · Goldstein ${c.goldstein > 0 ? '+' : ''}${c.goldstein}`)),
    );
  });

  void fill(actors.body, 'actors', async () => {
    const [{ actors: list }, n] = await Promise.all([api.actors(q, signal), names()]);
    if (list.length === 0) return h('p', {}, 'No actor matches.');
    // One entry per code, its surface names under it with their mention counts.
    const byCode = new Map<string, ActorSummary[]>();
    for (const a of list) byCode.set(a.code, [...(byCode.get(a.code) ?? []), a]);
    return h(
      'ul',
      { class: 'plain actors' },
      ...[...byCode].map(([code, rows]) => {
        const mentions = rows.reduce((s, r) => s + r.mentions, 0);
        const named = rows.filter((r) => r.name);
        return h(
          'li',
          { 'data-code': code },
          h('a', { href: searchHref(code, 'actor') }, h('strong', {}, code), ` ${expandActor(code, n)}`),
          ` · ${mentions} mention${mentions === 1 ? '' : 's'}`,
          named.length > 0
            ? h(
                'ul',
                { class: 'surface-names', 'aria-label': `Names written for ${code}` },
                ...named.map((r) => h('li', {}, h('a', { href: exploreHref({ name: r.name }), class: 'person' }, r.name as string), ` · ${r.mentions}`)),
              )
            : null,
        );
      }),
    );
  });

  void fill(articles.body, 'articles', async () => {
    const { articles: list } = await api.searchArticles(q, signal);
    if (list.length === 0) return h('p', {}, 'No article matches.');
    return h(
      'ul',
      { class: 'plain articles' },
      ...list.map((a) => h('li', {}, h('a', { href: articleHref(a.id) }, a.title ?? a.id), ` · ${[a.source, a.published].filter(Boolean).join(' · ')} · ${a.events} events`)),
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

  // A three-letter query is a country; an actor picked from the results is a code prefix; a
  // number is a CAMEO code; anything else is words (evidence and actor names, stemmed).
  const code = q.toUpperCase();
  if (query.get('kind') === 'actor' && /^[A-Z]{3,15}$/.test(code)) main.appendChild(eventList({ actor: code }, signal, `Events with actor ${code}`));
  else if (/^[A-Z]{3}$/.test(q)) main.appendChild(eventList({ country: code }, signal, `Events involving ${code}`));
  else if (/^\d{2,4}$/.test(q)) main.appendChild(eventList({ code: q }, signal, `Events coded ${q}`));
  else main.appendChild(eventList({ q }, signal, `Events mentioning “${q}”`));
}

/** Lower-case words cut to a rough stem, so "sanctions" matches a code named "... sanctions" and "expel" "Expel or deport". */
function stems(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, '') : w));
}
