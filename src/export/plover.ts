/**
 * @module export/plover
 * PLOVER records (JSON / JSONL) and a POLECAT-like TSV. The event type, mode and context come from
 * the CAMEO→PLOVER correspondence (data/cameo/cameo-to-plover.tsv); an actor's sectors from its
 * CAMEO role (data/actors/role-sectors.tsv). Détente codes CAMEO; PLOVER's finer categories that
 * CAMEO does not distinguish are left empty rather than guessed.
 */
import type { Actor } from '../model/event.js';
import type { EventRow } from '../store/store.js';
import { actorSectors, ploverCategory } from './data-files.js';
import { datePrecision } from './precision.js';
import { rowEventId } from './gdelt.js';

function ploverActor(a: Actor | null) {
  if (a === null) return null;
  return { name: a.name ?? a.text, code: a.code, country: a.country, sectors: actorSectors(a), text: a.text };
}

/** One PLOVER record. */
export function ploverRecord(e: EventRow, per: 'cluster' | 'report') {
  const category = ploverCategory(e.code);
  return {
    event_id: String(rowEventId(e, per)),
    cluster_id: e.cluster?.id ?? null,
    event_date: e.date,
    date_precision: datePrecision(e.date),
    event_type: category?.event || null,
    mode: category?.mode || null,
    context: category?.context ? category.context.split(/[,;|]\s*/) : [],
    actor: ploverActor(e.source),
    recipient: ploverActor(e.target),
    event_text: e.evidence.text,
    location: e.location === null ? null : { placename: e.location.name, country: e.location.country, lat: e.location.lat, lon: e.location.lon },
    cameo_code: e.code,
    quad_class: e.quad_class,
    intensity: e.goldstein,
    modality: e.modality,
    source: { publisher: e.article_source ?? null, url: e.article_url ?? null, story_id: e.article_id, sentence: e.sentence + 1, published: e.article_published },
    counts: e.cluster ? { mentions: e.cluster.mentions, articles: e.cluster.articles, sources: e.cluster.sources } : null,
  };
}

/** The POLECAT-like TSV's columns (a subset of POLECAT's public files, in their order, plus Détente's ids). */
export const POLECAT_COLUMNS = [
  'Event ID', 'Event Date', 'Event Type', 'Event Mode', 'Intensity', 'Quad Code', 'Contexts',
  'Actor Name', 'Actor Country', 'Primary Actor Sector', 'Actor Sectors', 'Actor Name Raw',
  'Recipient Name', 'Recipient Country', 'Primary Recipient Sector', 'Recipient Sectors', 'Recipient Name Raw',
  'Placename', 'Country', 'Latitude', 'Longitude', 'Source', 'Publication Date', 'Story ID', 'Sentence Number',
  'Event Text', 'CAMEO Code', 'Date Precision', 'Cluster ID',
] as const;

export function polecatRow(e: EventRow, per: 'cluster' | 'report'): unknown[] {
  const p = ploverRecord(e, per);
  const side = (a: ReturnType<typeof ploverActor>) => [a?.name ?? '', a?.country ?? '', a?.sectors[0] ?? '', (a?.sectors ?? []).join(';'), a?.text ?? ''];
  return [
    p.event_id, p.event_date ?? '', p.event_type ?? '', p.mode ?? '', p.intensity, p.quad_class, p.context.join(';'),
    ...side(p.actor), ...side(p.recipient),
    p.location?.placename ?? '', p.location?.country ?? '', p.location?.lat ?? '', p.location?.lon ?? '',
    p.source.publisher ?? '', p.source.published ?? '', p.source.story_id, p.source.sentence,
    p.event_text, p.cameo_code, p.date_precision ?? '', p.cluster_id ?? '',
  ];
}
