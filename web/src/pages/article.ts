/**
 * @module web/pages/article
 * One article (#/article/<id>): its clean text with events, actors and quotes highlighted, a
 * details panel that describes the event under focus or pointer (code and name, Goldstein,
 * source and target, date and where the date came from, modality, rule), and lists of the
 * article's events and quotes. `?event=e2` focuses that event on arrival.
 */
import { api, type ArticleRecord, type EventRecord } from '../api.js';
import { annotatedText } from '../components/annotated-text.js';
import { aborted, failure, loading } from '../components/status.js';
import { append, clear, h } from '../dom.js';
import { actorLabel, codeLabel, codeNames, goldstein, quadName } from '../format.js';
import { dyadHref } from '../router.js';
import { expandActor, names as glossaryNames, type Names as Glossary } from '../glossary.js';

type Names = Awaited<ReturnType<typeof codeNames>>;

function eventDetails(e: EventRecord, names: Names, g: Glossary): HTMLElement {
  const actor = (a: EventRecord['source']) => (a ? `${actorLabel(a)} — ${expandActor(a.code, g)}` : '—');
  const row = (term: string, ...value: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...value)];
  const dateSource = e.date_source === 'text' ? 'from the text' : e.date_source === 'published' ? 'publication date (the text gives none)' : 'unknown';
  const dyad = e.source?.country && e.target?.country ? h('a', { href: dyadHref(e.source.country, e.target.country) }, `${e.source.country} → ${e.target.country} timeline`) : null;
  return h(
    'div',
    { class: `event-detail quad-${e.quad_class}`, 'data-event-id': e.id },
    h('h3', {}, codeLabel(e.code, names)),
    h(
      'dl',
      {},
      ...row('QuadClass', `${e.quad_class} · ${quadName(e.quad_class)}`),
      ...row('Goldstein', `${goldstein(e.goldstein)} (−10 most conflictual … +10 most cooperative)`),
      ...row('Source', actor(e.source)),
      ...row('Target', actor(e.target)),
      ...row('Date', `${e.date ?? 'none'} (${dateSource})`),
      ...row('Modality', e.modality === 'asserted' ? 'asserted (said to have happened)' : e.modality === 'negated' ? 'negated (said not to have happened)' : 'hypothetical (possible, planned or threatened; not said to have happened)'),
      ...(e.location ? row('Location', e.location.name) : []),
      ...row('Rule', h('code', {}, e.rule)),
    ),
    dyad,
  );
}

function header(article: ArticleRecord): HTMLElement {
  const meta = [article.source, article.author ? `by ${article.author}` : null, article.published].filter(Boolean).join(' · ');
  return h(
    'header',
    { class: 'article-head' },
    h('h1', { tabindex: '-1' }, article.title ?? article.id),
    meta ? h('p', { class: 'article-meta' }, meta) : null,
    article.url ? h('p', { class: 'article-url' }, h('a', { href: article.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, article.url)) : null,
  );
}

function legend(): HTMLElement {
  const item = (sample: HTMLElement, text: string) => h('li', {}, sample, ` ${text}`);
  return h(
    'div',
    { class: 'legend article-legend' },
    h(
      'ul',
      { class: 'legend-list' },
      item(h('mark', { class: 'event quad-1' }, 'verbal cooperation'), ''),
      item(h('mark', { class: 'event quad-2' }, 'material cooperation'), ''),
      item(h('mark', { class: 'event quad-3' }, 'verbal conflict'), ''),
      item(h('mark', { class: 'event quad-4' }, 'material conflict'), '— an event, coloured by QuadClass'),
      item(h('mark', { class: 'event quad-3 not-asserted' }, 'dashed'), 'negated or hypothetical: not said to have happened'),
      item(h('span', { class: 'mention' }, 'actor'), 'a person, group or country the coder recognised'),
      item(h('span', { class: 'quote' }, 'quote'), 'quoted words'),
    ),
    h('p', { class: 'note' }, 'Focus, point at or tap an event to see how it was coded.'),
  );
}

export async function renderArticle(main: HTMLElement, id: string, query: URLSearchParams, signal: AbortSignal): Promise<void> {
  main.appendChild(loading('article'));
  let article: ArticleRecord;
  let names: Names;
  let glossary: Glossary;
  try {
    [article, names, glossary] = await Promise.all([api.article(id, signal), codeNames(), glossaryNames()]);
  } catch (error) {
    if (aborted(error)) return;
    clear(main);
    append(main, h('h1', { tabindex: '-1' }, 'Article'), failure(`article ${id}`, error));
    return;
  }
  clear(main);

  const details = h('div', { class: 'details-body' }, h('p', {}, 'Focus or point at a highlighted event to see its coding.'));
  // On a phone the panel is a sheet at the bottom of the screen, opened by a tap, so the details
  // appear where the reader is instead of far below the text.
  const close = h('button', { type: 'button', class: 'secondary sheet-close', 'aria-label': 'Close event details' }, 'Close');
  const panel = h('aside', { id: 'event-details', class: 'event-panel', 'aria-live': 'polite', 'aria-label': 'Event details' }, h('div', { class: 'panel-head' }, h('h2', {}, 'Event details'), close), details);
  close.addEventListener('click', () => {
    panel.classList.remove('open');
    pinned?.focus({ preventScroll: true });
  });
  let pinned: HTMLElement | null = null;
  const { element, marks } = annotatedText(article, (events, mark) => {
    if (!events) return;
    pinned?.classList.remove('active');
    pinned = mark;
    mark?.classList.add('active');
    clear(details);
    for (const e of events) details.appendChild(eventDetails(e, names, glossary));
    panel.classList.add('open');
  });

  const eventItems = article.events.map((e) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => marks.get(e.id)?.focus() },
        `${codeLabel(e.code, names)} — ${e.source?.code ?? '?'} → ${e.target?.code ?? '?'}${e.modality === 'asserted' ? '' : ` (${e.modality})`}`,
      ),
    ),
  );
  const quoteItems = article.quotes.map((q) =>
    h('li', {}, h('blockquote', {}, q.text), h('p', { class: 'quote-by' }, `— ${q.speaker?.name ?? 'unattributed'}${q.speaker?.affiliation ? `, ${q.speaker.affiliation}` : ''} (${q.kind})`)),
  );

  append(
    main,
    h(
      'article',
      { class: 'article' },
      header(article),
      legend(),
      h('div', { class: 'article-layout' }, h('section', { 'aria-label': 'Article text' }, element), panel),
      h('section', { 'aria-labelledby': 'events-h' }, h('h2', { id: 'events-h' }, `Events (${article.events.length})`), article.events.length ? h('ol', { class: 'plain' }, ...eventItems) : h('p', {}, 'No events were coded in this article.')),
      article.quotes.length ? h('section', { 'aria-labelledby': 'quotes-h' }, h('h2', { id: 'quotes-h' }, `Quotes (${article.quotes.length})`), h('ul', { class: 'plain quotes' }, ...quoteItems)) : null,
      article.errors.length ? h('section', { 'aria-labelledby': 'errors-h' }, h('h2', { id: 'errors-h' }, 'Problems'), h('ul', {}, ...article.errors.map((e) => h('li', {}, e)))) : null,
    ),
  );

  const wanted = query.get('event');
  const mark = wanted ? marks.get(wanted) : undefined;
  if (mark) {
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  } else {
    main.querySelector<HTMLElement>('h1')?.focus();
  }
}
