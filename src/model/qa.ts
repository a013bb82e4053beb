/**
 * Question mode and the views a reader can pick: decisions about the
 * thread, tested without a page.
 *
 * In question mode every top-level comment is a question; a reply anywhere
 * below it by someone with the role `expert` or `staff` answers it, and the
 * answers are shown first under it. Editors' picks (`featured`) can be
 * looked at on their own.
 */
import type {Comment} from './comment.js';
import type {ThreadNode} from './thread-tree.js';

/** What the reader is looking at: everything, the editors' picks, or (in question mode) answered or open questions. */
export type Filter = 'all' | 'featured' | 'answered' | 'open';

/** A reply from the newsroom or an expert answers a question. */
export function isAnswer(comment: Comment): boolean {
  return (comment.author.role === 'expert' || comment.author.role === 'staff') && comment.status === 'published' && comment.readable;
}

const answeredCache = new WeakMap<ThreadNode, boolean>();

/** Whether any reply below a question is an answer. */
export function isAnswered(node: ThreadNode): boolean {
  let answered = answeredCache.get(node);
  if (answered === undefined) {
    answered = false;
    const stack = [...node.children];
    while (stack.length && !answered) {
      const child = stack.pop()!;
      answered = isAnswer(child.comment);
      stack.push(...child.children);
    }
    answeredCache.set(node, answered);
  }
  return answered;
}

const ordered = new WeakMap<readonly ThreadNode[], readonly ThreadNode[]>();

/** Replies with the answers first (each group keeping its order): what a reader of a question looks for. */
export function answersFirst(children: readonly ThreadNode[]): readonly ThreadNode[] {
  let result = ordered.get(children);
  if (!result) {
    const answers = children.filter((child) => isAnswer(child.comment));
    result = answers.length && answers.length < children.length ? [...answers, ...children.filter((child) => !isAnswer(child.comment))] : children;
    ordered.set(children, result);
  }
  return result;
}

/** Every editors' pick loaded, at any level, in reading order. */
export function featuredComments(roots: readonly ThreadNode[]): ThreadNode[] {
  const found: ThreadNode[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.comment.featured && node.comment.status === 'published') found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}

/** How many top-level comments (or picks) each view shows. */
export function filterCounts(roots: readonly ThreadNode[]): Record<Filter, number> {
  const answered = roots.filter(isAnswered).length;
  return {all: roots.length, featured: featuredComments(roots).length, answered, open: roots.length - answered};
}

/** The top-level comments a view shows (the editors' picks are shown on their own, see featuredComments). */
export function filterRoots(roots: readonly ThreadNode[], filter: Filter): readonly ThreadNode[] {
  if (filter === 'answered') return roots.filter(isAnswered);
  if (filter === 'open') return roots.filter((node) => !isAnswered(node));
  return roots;
}

/**
 * The views a reader can pick, with how much each shows: in question mode
 * all, answered and open questions; editors' picks whenever there is one;
 * no choice at all when there would be only "all".
 */
export function offeredFilters(roots: readonly ThreadNode[], qa: boolean): {filter: Filter; count: number}[] {
  const counts = filterCounts(roots);
  const offered: Filter[] = qa ? ['all', 'answered', 'open'] : ['all'];
  if (counts.featured > 0) offered.push('featured');
  return offered.length > 1 ? offered.map((filter) => ({filter, count: counts[filter]})) : [];
}
