/**
 * @module ingest/feed/read-feed
 * Reader for RSS 2.0, RSS 1.0 (RDF) and Atom feed files: each item is an article with the
 * item's title, link, date and content (content:encoded, content, description or summary;
 * HTML content is converted to paragraphs). The XML declaration's encoding is honoured
 * (e.g. windows-1251). A file that is not XML, or XML that is not a feed, is refused with a
 * clear error; a bad item is reported and the other items go on.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ItemError } from '../../errors.js';
import type { InputReader } from '../source.js';
import { decodeText } from '../decode.js';
import { prepareText, type GivenMeta } from '../prepare.js';
import { htmlFragmentToText } from '../html/extract-html.js';
import { attempt, fail } from '../results.js';
import { overLimit, resolveLimits } from '../limits.js';

type Node = Record<string, unknown>;

export interface FeedItem {
  title: string | null;
  link: string | null;
  published: string | null;
  author: string | null;
  /** The item's body: HTML or plain text. */
  content: string;
  contentIsHtml: boolean;
}

export interface Feed {
  title: string | null;
  /** The site's address, against which relative item links are resolved. */
  link: string | null;
  language: string | null;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

export const feedReader: InputReader = {
  name: 'ingest.feed.v1',
  extensions: ['.rss', '.atom', '.xml'],
  async *read(source, options) {
    let feed: Feed;
    try {
      feed = parseFeed(decodeText(await source.bytes(), source.name, null, { legacyFallback: true }), source.name);
    } catch (error) {
      yield fail(error, source.name);
      return;
    }
    const { maxRecords } = resolveLimits(options);
    for (let i = 0; i < feed.items.length; i++) {
      if (i >= maxRecords) {
        const item = `${source.name} item ${i + 1}`;
        yield fail(overLimit(item, 'maxRecords', maxRecords, `the feed holds ${feed.items.length} items; the rest are not read`), item);
        break;
      }
      const entry = feed.items[i];
      const provenance = { reader: feedReader.name, input: source.name, item: `item ${i + 1}` };
      yield attempt(`${source.name} item ${i + 1}`, () => {
        const given: GivenMeta = { fallbackPublished: options.published };
        if (entry.title) given.title = entry.title;
        const url = absoluteUrl(entry.link, feed.link);
        if (url) given.url = url;
        if (entry.published) given.published = entry.published;
        if (entry.author) given.author = entry.author;
        if (feed.title) given.source = feed.title;
        if (entry.content.trim() === '') {
          throw new ItemError('E_EMPTY', `${source.name} item ${i + 1}`, 'the item has no content (no content:encoded, content, description or summary)');
        }
        const text = entry.contentIsHtml ? htmlFragmentToText(entry.content) : entry.content;
        if (text.trim() === '') {
          throw new ItemError('E_EMPTY', `${source.name} item ${i + 1}`, 'the item\'s content holds no text (only images, links or markup)');
        }
        return prepareText(text, given, provenance);
      });
    }
  },
};

/**
 * The feed in `xml`.
 * @throws ItemError E_NOT_XML when the text is not XML, E_NOT_FEED when it is XML of another kind.
 */
export function parseFeed(xml: string, name: string): Feed {
  const text = xml.replace(/^\uFEFF/, '').trimStart();
  if (text === '') throw new ItemError('E_EMPTY', name, 'the file is empty');
  if (!text.startsWith('<')) throw new ItemError('E_NOT_XML', name, 'this is not an XML file (expected an RSS or Atom feed)');
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (error) {
    throw new ItemError('E_NOT_XML', name, `this is not well-formed XML: ${(error as Error).message}`);
  }
  const rss = doc.rss as Node | undefined;
  const rdf = (doc['rdf:RDF'] ?? doc.RDF) as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (rss.channel ?? {}) as Node;
    return {
      title: textOf(channel.title),
      link: textOf(asArray(channel.link)[0]),
      language: textOf(channel.language),
      items: asArray(channel.item).map(rssItem),
    };
  }
  if (rdf && typeof rdf === 'object') {
    const channel = (rdf.channel ?? {}) as Node;
    return {
      title: textOf(channel.title),
      link: textOf(asArray(channel.link)[0]),
      language: textOf(channel['dc:language']),
      items: asArray(rdf.item).map(rssItem),
    };
  }
  if (atom && typeof atom === 'object') {
    return {
      title: textOf(atom.title),
      link: atomLink(atom.link),
      language: textOf(atom['@_xml:lang']),
      items: asArray(atom.entry).map(atomEntry),
    };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ItemError('E_NOT_XML', name, `this is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  throw new ItemError('E_NOT_FEED', name, `this XML is not an RSS or Atom feed (its root element is <${rootName(doc)}>)`);
}

function rssItem(node: unknown): FeedItem {
  const item = (node ?? {}) as Node;
  const encoded = textOf(item['content:encoded']);
  const description = textOf(item.description);
  const content = encoded ?? description ?? '';
  return {
    title: textOf(item.title),
    link: textOf(asArray(item.link)[0]) ?? guidLink(item.guid),
    published: textOf(item.pubDate) ?? textOf(item['dc:date']) ?? textOf(item.published),
    author: textOf(item['dc:creator']) ?? textOf(item.author),
    content,
    contentIsHtml: looksLikeHtml(content),
  };
}

function atomEntry(node: unknown): FeedItem {
  const entry = (node ?? {}) as Node;
  const content = (entry.content ?? entry.summary) as unknown;
  const type = content && typeof content === 'object' ? String((content as Node)['@_type'] ?? '') : '';
  const body = type === 'xhtml' ? xhtmlOf(content as Node) : (textOf(content) ?? '');
  const authors = asArray(entry.author).map((a) => textOf((a as Node)?.name) ?? textOf(a)).filter(Boolean);
  return {
    title: textOf(entry.title),
    link: atomLink(entry.link),
    published: textOf(entry.published) ?? textOf(entry.updated) ?? textOf(entry.issued),
    author: authors.length > 0 ? authors.join(', ') : null,
    content: body,
    contentIsHtml: type === 'html' || type === 'xhtml' || type === 'text/html' || looksLikeHtml(body),
  };
}

function looksLikeHtml(s: string): boolean {
  return /<\/?(?:p|br|div|a|img|span|strong|em|b|i|ul|ol|li|h\d|figure|blockquote|table)\b[^>]*>/i.test(s) || /&(?:lt|gt|amp|nbsp|#\d+);/.test(s);
}

/** An inline XHTML content element, rebuilt as markup for the HTML converter. */
function xhtmlOf(node: Node): string {
  const build = (value: unknown, tag: string | null): string => {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value)) return value.map((v) => build(v, tag)).join(' ');
    const inner = Object.entries(value as Node)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([k, v]) => (k === '#text' ? String(v) : build(v, k.replace(/^xhtml:/, ''))))
      .join(' ');
    return tag ? `<${tag}>${inner}</${tag}>` : inner;
  };
  return build(node, null);
}

/** The rel="alternate" (or first) link of an Atom element. */
function atomLink(value: unknown): string | null {
  const links = asArray(value);
  const alternate =
    links.find((l) => l && typeof l === 'object' && ((l as Node)['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  return alternate && typeof alternate === 'object' ? textOf((alternate as Node)['@_href']) : textOf(alternate);
}

function absoluteUrl(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link, base ?? undefined).href;
  } catch {
    return link;
  }
}

function guidLink(guid: unknown): string | null {
  const value = textOf(guid);
  return value && /^https?:\/\//.test(value) ? value : null;
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  const s = String(value).trim();
  return s === '' ? null : s;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function rootName(doc: Node): string {
  return Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? 'none';
}
