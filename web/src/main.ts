/**
 * @module web/main
 * Dashboard entry: routes the hash to a page, aborting the previous page's requests, and
 * keeps the navigation's current-page marker and the document title in step.
 */
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { h } from './dom.js';
import { renderArticle } from './pages/article.js';
import { renderDyad } from './pages/dyad.js';
import { renderOverview } from './pages/overview.js';
import { renderExplore } from './pages/explore.js';
import { renderGlossary } from './pages/explain.js';
import { renderSearch } from './pages/search.js';
import { parseHash } from './router.js';

const main = document.getElementById('main') as HTMLElement;
let current: AbortController | null = null;
let first = true;
let lastPage = '';

function markNav(name: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function route(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const r = parseHash(location.hash);
  // A control that changed the URL keeps focus after the page re-renders from it.
  const focusedId = main.contains(document.activeElement) && document.activeElement?.id ? document.activeElement.id : null;
  const samePage = r.name === lastPage;
  lastPage = r.name;
  main.replaceChildren();
  markNav(r.name);
  switch (r.name) {
    case 'overview':
      document.title = 'Overview · Détente';
      renderOverview(main, controller.signal);
      break;
    case 'explore':
      document.title = 'Explore · Détente';
      renderExplore(main, r.query, controller.signal);
      break;
    case 'glossary':
      document.title = 'Glossary · Détente';
      renderGlossary(main, controller.signal);
      break;
    case 'dyad':
      document.title = `${r.params[0]} ⇄ ${r.params[1]} · Détente`;
      renderDyad(main, r.params[0], r.params[1], r.query, controller.signal);
      break;
    case 'article':
      document.title = 'Article · Détente';
      await renderArticle(main, r.params[0], r.query, controller.signal);
      if (!controller.signal.aborted) document.title = `${main.querySelector('h1')?.textContent ?? 'Article'} · Détente`;
      break;
    case 'search':
      document.title = 'Search · Détente';
      renderSearch(main, r.query, controller.signal);
      break;
    default:
      document.title = 'Not found · Détente';
      main.append(h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the overview')));
  }
  // Move focus to the new page's heading (not on first load, where the page starts at the top).
  const again = samePage && focusedId ? document.getElementById(focusedId) : null;
  if (again) again.focus({ preventScroll: true });
  else if (!first && r.name !== 'article') main.querySelector<HTMLElement>('h1')?.focus();
  first = false;
}

// The skip link targets #main, but the hash is the router's: move focus without navigating.
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
});

window.addEventListener('hashchange', () => void route());
void route();
