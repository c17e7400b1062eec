/**
 * @module model/record
 * The output contract of `detente extract` (shared spec record-format.md, format 1):
 * an Article turned into the plain JSON record that outside tools read.
 */
import type { Article } from './article.js';
import type { CodedEvent } from './event.js';
import type { Quote } from './quote.js';
import type { Mention } from './mention.js';

export const RECORD_FORMAT = 1 as const;

/** A mention as written out: everything but the internal provenance and coreference links. */
export type MentionRecord = Omit<Mention, 'via' | 'antecedent'>;

export interface ArticleRecord {
  format: typeof RECORD_FORMAT;
  id: string;
  title: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  text: string;
  sentences: { start: number; end: number }[];
  mentions: MentionRecord[];
  events: CodedEvent[];
  quotes: Quote[];
  errors: string[];
  /** Extension: informational notes such as "not coded: language de". */
  notes: string[];
  /** Extension: where the article came from. */
  provenance: Article['provenance'];
}

/** Converts an article to its record (a plain, JSON-safe object). */
export function toRecord(article: Article): ArticleRecord {
  return {
    format: RECORD_FORMAT,
    id: article.id,
    title: article.meta.title,
    author: article.meta.author,
    source: article.meta.source,
    url: article.meta.url,
    published: article.meta.published,
    language: article.meta.language,
    text: article.text,
    sentences: article.sentences.map((s) => ({ start: s.start, end: s.end })),
    mentions: article.mentions.map((m) => {
      const out: MentionRecord = {
        start: m.start,
        end: m.end,
        text: m.text,
        kind: m.kind,
        code: m.code,
        country: m.country,
        role: m.role,
        name: m.name,
        sentence: m.sentence,
      };
      if (m.affiliation !== undefined) out.affiliation = m.affiliation;
      if (m.lat !== undefined) out.lat = m.lat;
      if (m.lon !== undefined) out.lon = m.lon;
      return out;
    }),
    events: article.events.map(({ via: _via, ...event }) => event),
    quotes: article.quotes,
    errors: article.errors,
    notes: article.notes,
    provenance: article.provenance,
  };
}
