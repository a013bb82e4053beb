/**
 * One discussion as an adapter without a server holds it (memory, browser
 * storage): its comments by id, the replies of each, and the answers given
 * per idempotency key.
 */
import type {Comment} from '../model/comment.js';

export interface Stored {
  /** Checked for structure only (see `parseComments`). */
  comment: Comment;
  /** The record as given, returned as is: the widget checks it itself. */
  record: unknown;
}

export class MemoryDiscussion {
  readonly byId = new Map<string, Stored>();
  /** Reply ids by parent id ('' for top level), indexed even when the parent is not stored (yet). */
  readonly children = new Map<string, string[]>();
  readonly idempotency = new Map<string, unknown>();

  store(comment: Comment, record: unknown): void {
    this.byId.set(comment.id, {comment, record});
    const parent = comment.parentId ?? '';
    const siblings = this.children.get(parent) ?? [];
    siblings.push(comment.id);
    this.children.set(parent, siblings);
  }

  /** Puts a changed version of a stored comment in its place (an edit, a deletion): same id, same parent. */
  replace(comment: Comment, record: unknown): void {
    this.byId.set(comment.id, {comment, record});
  }

  /** Top-level comments: those without a parent, or whose parent is not stored. */
  roots(): Stored[] {
    return [...this.byId.values()].filter(({comment}) => comment.parentId === null || !this.byId.has(comment.parentId));
  }

  /** Every reply below `id`, in reading order (depth first, oldest first). */
  descendants(id: string, into: Stored[]): void {
    const stack = [...(this.children.get(id) ?? [])].reverse();
    while (stack.length) {
      const childId = stack.pop()!;
      into.push(this.byId.get(childId)!);
      stack.push(...[...(this.children.get(childId) ?? [])].reverse());
    }
  }

  /** The comment and its ancestors, root first; empty if it is not stored. */
  path(id: string): Stored[] {
    const path: Stored[] = [];
    const seen = new Set<string>();
    for (let stored = this.byId.get(id); stored && !seen.has(stored.comment.id); ) {
      seen.add(stored.comment.id);
      path.unshift(stored);
      stored = stored.comment.parentId === null ? undefined : this.byId.get(stored.comment.parentId);
    }
    return path;
  }

  /** Published comments, all levels: the discussion's count. */
  get published(): number {
    let count = 0;
    for (const {comment} of this.byId.values()) if (comment.status === 'published') count++;
    return count;
  }
}
