/**
 * @module ingest/html/to-paragraphs
 * Turns an article's DOM subtree into plain text with one paragraph per block element,
 * paragraphs separated by a blank line. Figures, captions, asides, scripts, forms and blocks
 * whose class or id marks them as related links, share bars or adverts are left out: they
 * are page furniture, not the story.
 */

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGURE', 'FIGCAPTION', 'ASIDE', 'NAV', 'FORM', 'BUTTON', 'SVG',
  'IFRAME', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'SELECT', 'INPUT', 'TEXTAREA', 'OBJECT', 'EMBED', 'CANVAS',
  'HEAD', 'TITLE', 'META', 'LINK', 'MENU', 'DIALOG',
]);

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL',
  'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'HR', 'ADDRESS', 'CENTER',
  'DETAILS', 'SUMMARY', 'CAPTION', 'BODY', 'HTML',
]);

/** Class or id words of blocks that are not part of the story. */
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:related|share|sharing|social|newsletter|promo|advert|ad|ads|adslot|advertisement|recirc|read-?more|more-?stories|caption|credit|byline|author-bio|tags?|breadcrumbs?|subscribe|signup|paywall|comments?|sidebar|toolbar|inline-?link|outbrain|taboola)(?:$|[\s_-])/i;

/**
 * Hover cards and pop-ups ("rollover-people-block", "tooltip"). The element that holds a
 * card often also holds the linked name ("rollover-people"), so only the card itself counts:
 * the bare word, or the word with a container suffix.
 */
const POPUP_CLASS = /(?:^|\s)(?:rollover|tooltip|popover|popup|hovercard|modal)(?:[\w-]*[-_](?:block|card|content|box|panel|body|container|wrapper|inner))?(?=$|\s)/i;

/** Blocks whose text is (almost) all link text are link lists and teasers, not prose. */
const LINK_BLOCKS = new Set(['UL', 'OL', 'P', 'H2', 'H3', 'H4', 'H5', 'H6']);

const ELEMENT = 1;
const TEXT = 3;

/**
 * The text of `root` with block elements as blank-line-separated paragraphs and `<br>` as a
 * line break. Whitespace inside a paragraph is collapsed.
 * @example htmlToParagraphs(el) // 'First paragraph.\n\nSecond paragraph.'
 */
export function htmlToParagraphs(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/[ \t\f\r]*\n[ \t\f\r]*/g, '\n').replace(/[ \t\f\r]+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  // Iterative walk: deeply nested pages must not overflow the stack.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT) {
      current += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (leaving) {
      if (BLOCK_TAGS.has(tag)) flush();
      continue;
    }
    if (node !== root && isFurniture(el, tag)) continue;
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    if (BLOCK_TAGS.has(tag)) flush();
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], leaving: false });
  }
  flush();
  return paragraphs.join('\n\n');
}

function isFurniture(el: Element, tag: string): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  if (LINK_BLOCKS.has(tag) && isLinkBlock(el, tag)) return true;
  const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (marks.trim() === '') return false;
  if (POPUP_CLASS.test(marks)) return true;
  if (!FURNITURE_CLASS.test(marks)) return false;
  // A block with a furniture word somewhere in its classes ("entry-content-read-more") may
  // still be the story: several prose paragraphs say so.
  if ((el.textContent ?? '').length >= 1500) return false;
  let prose = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) {
    if ((p.textContent ?? '').length >= 80 && ++prose >= 2) return false;
  }
  return true;
}

/**
 * A list whose items are nearly all link text ("related stories"), or a short paragraph or
 * heading that is one link (a teaser). Long blocks are left alone: prose with many links is
 * still prose.
 */
function isLinkBlock(el: Element, tag: string): boolean {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length === 0) return false;
  const isList = tag === 'UL' || tag === 'OL';
  if (!isList && text.length > 200) return false;
  if (isList && text.length > 3000) return false;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  if (isList) return el.querySelectorAll('li').length >= 2 && linked / text.length >= 0.7;
  return linked / text.length >= 0.9;
}
