/**
 * @module web/components/status
 * Loading and error notes, announced politely to assistive technology.
 */
import { h } from '../dom.js';

export function loading(what: string): HTMLElement {
  return h('p', { class: 'status', role: 'status' }, `Loading ${what}…`);
}

export function failure(what: string, error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h('p', { class: 'status error', role: 'alert' }, `Could not load ${what}: ${message}`);
}

/** True for the AbortError of a request that a newer navigation cancelled. */
export function aborted(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
