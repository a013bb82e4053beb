/**
 * Keyset cursors for adapters that page comments they hold themselves: a
 * cursor names the last top-level comment of a page (its time and id), so a
 * comment posted while someone pages never shifts a page.
 */
import type {Comment, SortOrder} from '../model/comment.js';
import {UnexpectedResponseError} from './errors.js';

export type Cursor = [key: number, id: string];

export function sortKey(comment: Comment, sort: SortOrder): number {
  // Comments without a date go last in either order.
  return comment.createdAt ?? (sort === 'newest' ? -Number.MAX_VALUE : Number.MAX_VALUE);
}

export function compareCursors(a: Cursor, b: Cursor, sort: SortOrder): number {
  const direction = sort === 'newest' ? -1 : 1;
  if (a[0] !== b[0]) return (a[0] - b[0]) * direction;
  return a[1] < b[1] ? -direction : a[1] > b[1] ? direction : 0;
}

/** base64 of UTF-8 (`btoa` alone fails on ids like "Kommentar–1" or emoji). */
export function encodeCursor(cursor: Cursor): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(cursor))));
}

export function decodeCursor(value: string): Cursor {
  try {
    const cursor = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0))));
    if (Array.isArray(cursor) && typeof cursor[0] === 'number' && typeof cursor[1] === 'string') return [cursor[0], cursor[1]];
  } catch (error) {
    // Not base64 (atob) or not JSON: fall through to the typed error.
    if (!(error instanceof DOMException || error instanceof SyntaxError)) throw error;
  }
  throw new UnexpectedResponseError(`Not a cursor of this adapter: ${value}`);
}
