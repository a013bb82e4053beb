/**
 * Builds the visible thread from a flat set of checked comments.
 */
import type {Comment, SortOrder} from './comment.js';

export interface ThreadNode {
  comment: Comment;
  /** The comment this one answers, as shown; null for a top-level comment. */
  parent: ThreadNode | null;
  /** Direct replies, oldest first. */
  children: ThreadNode[];
  /** 0 for a top-level comment. */
  depth: number;
  /** All replies below this comment, at any depth. */
  replyCount: number;
  /**
   * The highest `stamp` in this comment's subtree: it changes exactly when
   * something in the subtree changed, so a renderer can skip the rest.
   */
  stamp: number;
}

export interface Thread {
  /** Top-level comments in the chosen order. */
  roots: ThreadNode[];
  byId: ReadonlyMap<string, ThreadNode>;
  /** Comments that count as "Kommentare" in the heading: published ones. */
  publishedCount: number;
}

type Order = (a: Comment, b: Comment) => number;

/** Comments without a readable date go last in either order. */
function byTime(direction: 1 | -1): Order {
  return (a, b) => {
    if (a.createdAt === b.createdAt) return 0;
    if (a.createdAt === null) return 1;
    if (b.createdAt === null) return -1;
    return (a.createdAt - b.createdAt) * direction;
  };
}

export const oldestFirst: Order = byTime(1);
export const newestFirst: Order = byTime(-1);

/**
 * A reply whose parent is not among `comments` is shown at the top level.
 * Replies are always oldest first; `sort` orders the top level. Ties keep
 * the input order.
 */
export function buildThread(comments: Iterable<Comment>, sort: SortOrder, stampOf: (comment: Comment) => number = () => 0): Thread {
  const byId = new Map<string, ThreadNode>();
  for (const comment of comments) {
    byId.set(comment.id, {comment, parent: null, children: [], depth: 0, replyCount: 0, stamp: stampOf(comment)});
  }
  const roots: ThreadNode[] = [];
  for (const node of byId.values()) {
    const parentId = node.comment.parentId;
    const parent = parentId === null ? undefined : byId.get(parentId);
    if (parent && parent !== node) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  roots.sort((a, b) => (sort === 'newest' ? newestFirst : oldestFirst)(a.comment, b.comment));

  let publishedCount = 0;
  // Iterative walk: a deep chain of replies must not overflow the stack, and
  // a cycle that slipped past parsing is never entered from a root.
  const visit = (root: ThreadNode) => {
    const stack: ThreadNode[] = [root];
    const order: ThreadNode[] = [];
    while (stack.length) {
      const node = stack.pop()!;
      order.push(node);
      if (node.comment.status === 'published' && node.comment.readable) publishedCount++;
      node.children.sort((a, b) => oldestFirst(a.comment, b.comment));
      for (const child of node.children) {
        child.depth = node.depth + 1;
        stack.push(child);
      }
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      if (node.parent) {
        node.parent.replyCount += node.replyCount + 1;
        node.parent.stamp = Math.max(node.parent.stamp, node.stamp);
      }
    }
  };
  roots.forEach(visit);
  return {roots, byId, publishedCount};
}

/** The top-level comment above `node` (or `node` itself). */
export function rootOf(node: ThreadNode): ThreadNode {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

/** The chain from the top-level comment down to `node`, both included. */
export function pathTo(node: ThreadNode): ThreadNode[] {
  const path: ThreadNode[] = [];
  for (let current: ThreadNode | null = node; current; current = current.parent) path.unshift(current);
  return path;
}
