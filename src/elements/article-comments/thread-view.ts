/**
 * What the reader does to the arrangement of the thread (fold, reveal more,
 * open a form, follow a permalink), written into the tree's node views so
 * the templates re-render exactly the changed threads.
 */
import type {Quote} from '../../model/comment.js';
import {flatReplies, isExpanded, listsFlat, revealIndex, revealMore, shownChildren, type LayoutSettings} from '../../model/layout.js';
import type {ThreadNode, ThreadTree} from '../../model/thread-tree.js';

export interface ReplyTarget {
  parentId: string;
  quote: Quote | null;
}

export class ThreadView {
  #tree: () => ThreadTree;
  #settings: () => LayoutSettings;
  #changed: () => void;

  constructor(tree: () => ThreadTree, settings: () => LayoutSettings, changed: () => void) {
    this.#tree = tree;
    this.#settings = settings;
    this.#changed = changed;
  }

  /** The open reply form, if any. */
  get reply(): ReplyTarget | null {
    const tree = this.#tree();
    const [parentId] = tree.viewsWith('reply');
    return parentId === undefined ? null : {parentId, quote: tree.view(parentId).reply?.quote ?? null};
  }

  /** The comment a permalink points at, if any. */
  get target(): string | null {
    return this.#tree().viewsWith('target')[0] ?? null;
  }

  toggle(id: string): void {
    const node = this.#tree().node(id);
    if (!node) return;
    this.#tree().setView(id, {expanded: !isExpanded(node, this.#settings())});
    this.#changed();
  }

  /** Shows the next page of replies after range `index` of a comment's list. */
  showMoreReplies(id: string, index: number): void {
    const tree = this.#tree();
    const node = tree.node(id);
    if (!node) return;
    tree.setView(id, {ranges: revealMore(node, this.#listLength(node, tree.pathTo(id).length - 1), index)});
    this.#changed();
  }

  /** How many replies the list under `node` (at `depth`) holds. */
  #listLength(node: ThreadNode, depth: number): number {
    return listsFlat(depth, this.#settings()) ? flatReplies(node).length : shownChildren(node).length;
  }

  /** Shows a long text whole, or shortened again. */
  toggleText(id: string): boolean {
    const tree = this.#tree();
    const expanded = !tree.view(id).bodyExpanded;
    tree.setView(id, {bodyExpanded: expanded || undefined});
    this.#changed();
    return expanded;
  }

  /** Unfolds every comment above `id` and reveals enough replies of each list on the way to show it. */
  revealPath(id: string): void {
    const tree = this.#tree();
    const settings = this.#settings();
    const path = tree.pathTo(id);
    for (let depth = 0; depth < path.length - 1; depth++) {
      const node = tree.node(path[depth])!;
      const flat = listsFlat(depth, settings);
      const index = flat
        ? flatReplies(node).findIndex((row) => row.node.comment.id === id)
        : shownChildren(node).findIndex((child) => child.comment.id === path[depth + 1]);
      const ranges = index < 0 ? null : revealIndex(node, this.#listLength(node, depth), index);
      tree.setView(path[depth], ranges ? {expanded: true, ranges} : {expanded: true});
      if (flat) break;
    }
    this.#changed();
  }

  setTarget(id: string | null): void {
    const tree = this.#tree();
    for (const old of tree.viewsWith('target')) if (old !== id) tree.setView(old, {target: undefined});
    if (id !== null) tree.setView(id, {target: true});
    this.#changed();
  }

  setReply(reply: ReplyTarget | null): void {
    const tree = this.#tree();
    for (const old of tree.viewsWith('reply')) if (old !== reply?.parentId) tree.setView(old, {reply: undefined});
    if (reply) tree.setView(reply.parentId, {reply: {quote: reply.quote}});
    this.#changed();
  }

  /** Forgets how replies were folded (the default changed). */
  resetFolding(): void {
    const tree = this.#tree();
    for (const id of tree.viewsWith('expanded')) tree.setView(id, {expanded: undefined});
    this.#changed();
  }
}
