/**
 * What this browser remembers about comments of a discussion, without an
 * account: which it posted (so a pending or rejected comment keeps its note
 * for its author after a reload) and which it reported (so "Melden" stays
 * "Gemeldet"). Kept in localStorage per discussion, the most recent 500 of
 * each; like drafts, missing or full storage only means forgetting sooner.
 */
import {expected} from './safe-storage.js';

const PREFIX = 'article-comments:marks:v1:';
const KEEP = 500;

export type Mark = 'own' | 'reported';

type Marks = Record<Mark, string[]>;


function read(thread: string): Marks {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + encodeURIComponent(thread));
    const value: unknown = raw ? JSON.parse(raw) : null;
    const list = (key: Mark) => {
      const ids = (value as Partial<Marks> | null)?.[key];
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    };
    return {own: list('own'), reported: list('reported')};
  } catch (error) {
    expected(error);
    return {own: [], reported: []};
  }
}

/** The ids this browser marked so in a discussion. */
export function loadMarks(thread: string, mark: Mark): Set<string> {
  return new Set(read(thread)[mark]);
}

/** Remembers that this browser posted (or reported) comment `id`. */
export function addMark(thread: string, mark: Mark, id: string): void {
  const marks = read(thread);
  if (marks[mark].includes(id)) return;
  marks[mark] = [...marks[mark], id].slice(-KEEP);
  try {
    globalThis.localStorage?.setItem(PREFIX + encodeURIComponent(thread), JSON.stringify(marks));
  } catch (error) {
    expected(error);
  }
}
