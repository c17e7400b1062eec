import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractHtml, htmlFragmentToText, NoArticleError, stripInert } from './extract-html.js';
import { extractMetadata, stripSiteName } from './metadata.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8');
const metadataOf = (html: string) => extractMetadata(parseHTML(html).document as unknown as Document);

describe('extractHtml', () => {
  const page = extractHtml(fixture('article.html'));

  it('keeps the article paragraphs, separated by blank lines, with the heading on its own', () => {
    const paragraphs = page.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^The main border crossing between the two countries reopened on Friday/);
    expect(paragraphs).toContain('Trade losses');
    expect(paragraphs.at(-1)).toMatch(/^The government said repairs/);
    expect(paragraphs).toHaveLength(5);
  });

  it('drops navigation, figures and captions, related links, share tools, scripts and the footer', () => {
    for (const gone of ['Home', 'Engineers inspect', 'Floods: what we know', 'Share on', 'tracking', 'color: red', '©', 'By Ana Ruiz']) {
      expect(page.text).not.toContain(gone);
    }
  });

  it('prefers JSON-LD metadata inside @graph', () => {
    expect(page.meta).toEqual({
      title: 'Border crossing reopens after floods',
      author: 'Ana Ruiz, Piotr Nowak',
      published: '2022-08-19',
      url: 'https://courier.example/news/border-crossing-reopens?ref=canonical',
      source: 'The Valley Courier',
      language: 'en',
    });
  });

  it('still reads broken HTML that holds an article', () => {
    const broken = extractHtml(fixture('broken.html'));
    expect(broken.meta.title).toBe('Strike ends at car plant');
    expect(broken.text).toMatch(/^Workers at the car plant returned/);
    expect(broken.text).toContain('a victory for every worker in the region');
    expect(broken.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a page with no article', () => {
    expect(() => extractHtml(fixture('no-article.html'))).toThrow(NoArticleError);
    expect(() => extractHtml(fixture('no-article.html'))).toThrow(/no article found/);
  });
});

describe('extractMetadata', () => {
  it('falls back to OpenGraph, meta author, <time> and <html lang>', () => {
    const meta = metadataOf(`<html lang="fr-FR"><head>
      <meta property="og:title" content="Le titre">
      <meta property="og:url" content="https://ex.example/a">
      <meta property="og:site_name" content="Exemple">
      <meta name="author" content="Claire Dubois">
      </head><body><time datetime="2019-03-02T08:00:00+01:00">2 mars</time></body></html>`);
    expect(meta).toEqual({
      title: 'Le titre', author: 'Claire Dubois', published: '2019-03-02', url: 'https://ex.example/a', source: 'Exemple', language: 'fr',
    });
  });

  it('reads article:published_time and JSON-LD given as an array, ignoring a broken JSON-LD block', () => {
    const meta = metadataOf(`<html><head>
      <script type="application/ld+json">{ broken json</script>
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","headline":"H","author":{"name":"A B"},"publisher":{"name":"P"},"mainEntityOfPage":{"@id":"https://p.example/x"}}]</script>
      <meta property="article:published_time" content="2020-01-31T23:30:00Z">
      <meta property="article:author" content="https://p.example/authors/ab">
      </head><body></body></html>`);
    expect(meta).toMatchObject({ title: 'H', author: 'A B', published: '2020-01-31', url: 'https://p.example/x', source: 'P' });
  });

  it.each([
    ['Border talks resume | The Valley Courier', 'The Valley Courier', 'Border talks resume'],
    ['Border talks resume - WSJ', 'WSJ', 'Border talks resume'],
    ['Border talks resume | Politics', null, 'Border talks resume'],
    ['Border talks resume - and stall again', null, 'Border talks resume - and stall again'],
  ])('strips the site name from the page title %j', (title, source, expected) => {
    expect(stripSiteName(title, source)).toBe(expected);
  });

  it('leaves fields null when the page says nothing', () => {
    expect(metadataOf('<html><body><p>x</p></body></html>')).toEqual({
      title: null, author: null, published: null, url: null, source: null, language: null,
    });
  });
});

describe('link blocks', () => {
  it('drops lists of links and one-link teaser paragraphs but keeps prose that holds links', () => {
    const text = htmlFragmentToText(`
      <p>The minister met <a href="/p">union leaders</a> on Monday and promised <a href="/q">a new offer</a> within a week.</p>
      <ul><li><a href="/1">Strike enters second week</a></li><li><a href="/2">Who are the striking workers?</a></li></ul>
      <p><a href="/3">Read the union's statement in full</a></p>
      <ul><li>Wages rise by four percent</li><li>Pensions stay as they are</li></ul>`);
    expect(text).toBe(
      'The minister met union leaders on Monday and promised a new offer within a week.\n\nWages rise by four percent\n\nPensions stay as they are',
    );
  });

  it('drops hover cards and pop-ups inside a paragraph', () => {
    expect(htmlFragmentToText('<p>She spoke to <span class="rollover-people"><a href="/p">Jane Roe</a><span class="rollover-people-block">Jane Roe Latest stories by Jane Roe</span></span> on Friday.</p>')).toBe(
      'She spoke to Jane Roe on Friday.',
    );
  });
});

describe('fragments', () => {
  it('finds the article in an HTML fragment without <html> or <body>', () => {
    const fragment = '<article><h1>Port reopens</h1><p class="byline">By Lise Berg</p><p>The port reopened on Tuesday after a two-week closure caused by a strike of dock workers, the harbour authority said in a statement on its website.</p><p>Ships that had waited offshore began unloading within hours, and officials said the backlog would clear by the end of the month.</p></article>';
    const page = extractHtml(fragment);
    expect(page.text).toMatch(/^The port reopened on Tuesday/);
    expect(page.meta.author).toBe('Lise Berg');
  });
});

describe('stripInert', () => {
  it('drops scripts, styles, SVG and comments but keeps JSON-LD', () => {
    const html = '<head><script>var a = "<p>x</p>";</script><script type="application/ld+json">{"headline":"H"}</script><style>p{}</style></head><body><!-- c --><svg><text>icon</text></svg><p>Kept.</p></body>';
    expect(stripInert(html)).toBe('<head><script type="application/ld+json">{"headline":"H"}</script></head><body><p>Kept.</p></body>');
  });
});

describe('htmlFragmentToText', () => {
  it('makes block elements paragraphs and drops figures', () => {
    expect(htmlFragmentToText('<p>One <b>bold</b> line.</p><figure><figcaption>Cap</figcaption></figure><ul><li>Item a</li><li>Item b</li></ul>')).toBe(
      'One bold line.\n\nItem a\n\nItem b',
    );
  });
});
