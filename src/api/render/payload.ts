/**
 * @module api/render/payload
 * What a route hands to the renderers: the JSON body, and for list endpoints the items (for
 * NDJSON), a flattening of each item (for CSV) and the next-page cursor.
 */

export type Row = Record<string, unknown>;

export interface Payload<T = unknown> {
  /** The JSON response body. */
  body: unknown;
  /** For list endpoints: the items, one per NDJSON line / CSV row. Absent: only JSON is offered. */
  items?: T[];
  /** Flattens one item for CSV; without it the item's own (top-level) fields are used. */
  toRow?: (item: T) => Row;
  /** CSV header, in order. */
  columns?: string[];
  /** Cursor of the next page; sent as a header in CSV and NDJSON, which have no envelope. */
  next?: string | null;
  status?: number;
}
