/**
 * Keyset cursors for adapters that page comments they hold themselves: a
 * cursor names the last top-level comment of a page (its place in the order:
 * `orderKey` and id) and the moment the paging began (`asOf`, a sequence
 * number of the adapter's changes). Later pages place every comment by its
 * reactions and flags as they were at `asOf`, so neither a comment posted
 * while someone pages nor a count that changes in between shifts a page:
 * nothing is repeated, nothing that existed then is lost.
 */
import {UnexpectedResponseError} from './errors.js';

export interface Cursor {
  asOf: number;
  key: number[];
  id: string;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);

/** base64 of UTF-8 (`btoa` alone fails on ids like "Kommentar–1" or emoji). */
export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify([cursor.asOf, cursor.key, cursor.id]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)));
}

export function decodeCursor(value: string): Cursor {
  try {
    const cursor: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0))));
    if (Array.isArray(cursor) && isNumber(cursor[0]) && Array.isArray(cursor[1]) && cursor[1].every(isNumber) && typeof cursor[2] === 'string') {
      return {asOf: cursor[0], key: cursor[1], id: cursor[2]};
    }
  } catch (error) {
    // Not base64 (atob) or not JSON: fall through to the typed error.
    if (!(error instanceof DOMException || error instanceof SyntaxError)) throw error;
  }
  throw new UnexpectedResponseError(`Not a cursor of this adapter: ${value}`);
}
