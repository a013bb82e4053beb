/**
 * The order of top-level comments, shared by the adapters that page
 * comments they hold (memory, browser storage) and by anything that sorts
 * loaded comments the way a backend does: pinned comments first, then by
 * the sort order; ties by id.
 *
 * - `newest`: newest first (ties: the greater id first);
 * - `oldest`: oldest first (ties: the smaller id first);
 * - `reactions`: most reactions first, ties newest first, then the greater id.
 *
 * Comments without a readable date go last among their equals in either
 * direction of time.
 */
import type {Comment, SortOrder} from './comment.js';

/** What a comment is placed by. */
export type OrderValues = Pick<Comment, 'id' | 'createdAt' | 'reactions' | 'pinned'>;

/** Numbers compared in ascending order, then the id in `idDirection(sort)`. */
export function orderKey(values: OrderValues, sort: SortOrder): number[] {
  const pinned = values.pinned ? 0 : 1;
  if (sort === 'oldest') return [pinned, values.createdAt ?? Number.MAX_VALUE];
  const newer = values.createdAt === null ? Number.MAX_VALUE : -values.createdAt;
  return sort === 'reactions' ? [pinned, -values.reactions, newer] : [pinned, newer];
}

export const idDirection = (sort: SortOrder): 1 | -1 => (sort === 'oldest' ? 1 : -1);

/** Compares two placed comments (`orderKey` and id); negative when `a` comes first. */
export function compareKeys(a: {key: readonly number[]; id: string}, b: {key: readonly number[]; id: string}, sort: SortOrder): number {
  for (let i = 0; i < Math.max(a.key.length, b.key.length); i++) {
    const difference = (a.key[i] ?? 0) - (b.key[i] ?? 0);
    if (difference !== 0) return difference;
  }
  const direction = idDirection(sort);
  return a.id < b.id ? -direction : a.id > b.id ? direction : 0;
}

/** A comparator of checked top-level comments in the backend's order. */
export function compareTopLevel(sort: SortOrder): (a: OrderValues, b: OrderValues) => number {
  return (a, b) => compareKeys({key: orderKey(a, sort), id: a.id}, {key: orderKey(b, sort), id: b.id}, sort);
}
