/**
 * @module web/components/annotated-text
 * Renders an article's clean text with its layers marked: events (focusable <mark>s; events
 * whose evidence overlaps share one mark), actor mentions and quotes (spans inside or outside
 * the marks). Every piece of article text goes in through a text node, so markup in an
 * article is displayed, never run. Offsets are the record's [start, end) UTF-16 indexes.
 */
import type { ArticleRecord, EventRecord } from '../api.js';
import { h } from '../dom.js';

export interface EventGroup {
  start: number;
  end: number;
  events: EventRecord[];
}

interface Layer {
  start: number;
  end: number;
  cls: string;
  title: string;
}

/** Events merged into groups of overlapping evidence, in text order. */
export function groupEvents(events: EventRecord[], length: number): EventGroup[] {
  const sorted = events
    .filter((e) => e.evidence.start >= 0 && e.evidence.end <= length && e.evidence.start < e.evidence.end)
    .sort((x, y) => x.evidence.start - y.evidence.start || y.evidence.end - x.evidence.end);
  const groups: EventGroup[] = [];
  for (const e of sorted) {
    const last = groups[groups.length - 1];
    if (last && e.evidence.start < last.end) {
      last.end = Math.max(last.end, e.evidence.end);
      last.events.push(e);
    } else {
      groups.push({ start: e.evidence.start, end: e.evidence.end, events: [e] });
    }
  }
  return groups;
}

function layersOf(article: ArticleRecord): Layer[] {
  const length = article.text.length;
  const layers: Layer[] = [];
  for (const m of article.mentions) {
    if (m.start < 0 || m.end > length || m.start >= m.end) continue;
    layers.push({ start: m.start, end: m.end, cls: `mention kind-${m.kind}`, title: [m.name, m.code].filter(Boolean).join(' · ') || m.kind });
  }
  for (const q of article.quotes) {
    if (q.start < 0 || q.end > length || q.start >= q.end) continue;
    layers.push({ start: q.start, end: q.end, cls: 'quote', title: `${q.kind} quote${q.speaker?.name ? ` by ${q.speaker.name}` : ''}` });
  }
  return layers;
}

/** Appends text[from, to) to `parent`, split where mentions and quotes start or end. */
function appendLayered(parent: Node, text: string, from: number, to: number, layers: Layer[]): void {
  const inside = layers.filter((l) => l.start < to && l.end > from);
  const cuts = new Set([from, to]);
  for (const l of inside) {
    if (l.start > from) cuts.add(l.start);
    if (l.end < to) cuts.add(l.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [s, e] = [points[i], points[i + 1]];
    const covering = inside.filter((l) => l.start <= s && l.end >= e);
    const piece = document.createTextNode(text.slice(s, e));
    if (covering.length === 0) {
      parent.appendChild(piece);
    } else {
      const span = h('span', { class: covering.map((l) => l.cls).join(' '), title: covering.map((l) => l.title).join('; ') });
      span.appendChild(piece);
      parent.appendChild(span);
    }
  }
}

export interface AnnotatedText {
  element: HTMLElement;
  /** The mark of each event id. */
  marks: Map<string, HTMLElement>;
}

/**
 * Builds the annotated text. `onEvents` is called with the events of a mark when it gets
 * focus or the pointer, and with null when both leave.
 */
export function annotatedText(article: ArticleRecord, onEvents: (events: EventRecord[] | null, mark: HTMLElement | null) => void): AnnotatedText {
  const { text } = article;
  const layers = layersOf(article);
  const groups = groupEvents(article.events, text.length);
  const element = h('div', { class: 'article-text', lang: article.language ?? undefined });
  const marks = new Map<string, HTMLElement>();
  let at = 0;
  for (const group of groups) {
    appendLayered(element, text, at, group.start, layers);
    const mark = h('mark', {
      class: `event quad-${group.events[0].quad_class}${group.events.some((e) => e.modality !== 'asserted') ? ' not-asserted' : ''}`,
      tabindex: '0',
      'data-events': group.events.map((e) => e.id).join(' '),
      'aria-describedby': 'event-details',
    });
    appendLayered(mark, text, group.start, group.end, layers);
    const show = () => onEvents(group.events, mark);
    mark.addEventListener('focus', show);
    mark.addEventListener('mouseenter', show);
    mark.addEventListener('blur', () => onEvents(null, null));
    for (const e of group.events) marks.set(e.id, mark);
    element.appendChild(mark);
    at = group.end;
  }
  appendLayered(element, text, at, text.length, layers);
  return { element, marks };
}
