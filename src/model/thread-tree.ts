/**
 * The thread as immutable nodes, kept up to date incrementally.
 *
 * Every change (a comment arrives or changes, a reader folds a thread or
 * opens a form) makes new node objects for the comment it touches and for
 * each of its ancestors; everything else keeps its identity. A renderer can
 * therefore skip any subtree whose node is the same object as last time
 * (Lit's `guard` on the node), with no hand-kept list of what a comment's
 * template depends on: all of it is in the node.
 *
 * Nothing here recurses, so a reply chain 10,000 deep is as safe as a flat one.
 */
import type {Comment, Quote, SortOrder} from './comment.js';
import {compareTopLevel} from './order.js';
import {isListed} from './visibility.js';

/** How the reader has arranged one comment; every field is optional. */
export interface NodeView {
  /** Replies shown (true) or folded (false); absent: the discussion's default. */
  readonly expanded?: boolean;
  /**
   * Which of its replies are revealed, as sorted `[start, end)` ranges;
   * absent: the first page. "Weitere Antworten anzeigen" extends a range; a
   * permalink deep into the list adds one around its target.
   */
  readonly ranges?: readonly (readonly [number, number])[];
  /** A long text shown in full ("Weiterlesen"). */
  readonly bodyExpanded?: boolean;
  /** A live comment waiting behind the "neue Kommentare" button. */
  readonly held?: boolean;
  /** The comment a permalink points at. */
  readonly target?: boolean;
  /** A reply form open under this comment. */
  readonly reply?: {readonly quote: Quote | null};
  /** This browser reported it ("Gemeldet"). */
  readonly reported?: boolean;
  /** The reader's own comment: being edited, its deletion asked about or under way, and the last word on it. */
  readonly ownAction?: {readonly step: 'editing' | 'confirming' | 'busy' | 'idle'; readonly message?: string};
}

export interface ThreadNode {
  readonly comment: Comment;
  /** Direct replies, oldest first. */
  readonly children: readonly ThreadNode[];
  /** All replies below, at any depth. */
  readonly replyCount: number;
  /** Written by this reader (its text shows while pending). */
  readonly own: boolean;
  /** The comment this one quotes, once it is loaded. */
  readonly quoted: Comment | null;
  readonly view: NodeView;
}

const NO_VIEW: NodeView = Object.freeze({});

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
 * The discussion's comments as a tree. Replies are oldest first (ties keep
 * the order of arrival); the top level is in the backends' order: pinned
 * first, then by `sort`. A reply whose parent
 * is not loaded is shown at the top level until the parent arrives.
 */
export class ThreadTree {
  readonly sort: SortOrder;
  /** The backends' order of the top level: pinned first, then by the sort (see model/order.ts). */
  #rootOrder: Order;
  #comments = new Map<string, Comment>();
  /** The parent a comment is shown under (null: top level). */
  #parent = new Map<string, string | null>();
  #children = new Map<string, string[]>();
  #rootIds: string[] = [];
  /** Comments waiting for their parent, by the parent's id. */
  #orphans = new Map<string, Set<string>>();
  /** Comments quoting a comment, by the quoted comment's id. */
  #quotedBy = new Map<string, Set<string>>();
  #own = new Set<string>();
  #views = new Map<string, NodeView>();
  #nodes = new Map<string, ThreadNode>();
  #dirty = new Set<string>();
  #unsorted = new Set<string | null>();
  #roots: readonly ThreadNode[] = [];
  #rootsStale = false;
  #published = 0;

  /**
   * `views`: how the reader had arranged the comments before (another sort, a
   * retry); `own`: ids of comments this reader wrote.
   */
  constructor(sort: SortOrder = 'newest', views: Iterable<[string, NodeView]> = [], own: Iterable<string> = []) {
    this.sort = sort;
    this.#rootOrder = compareTopLevel(sort);
    for (const [id, view] of views) this.#views.set(id, view);
    for (const id of own) this.#own.add(id);
  }

  /** How the reader arranged the comments, to carry over into a tree of another sort. */
  views(): [string, NodeView][] {
    return [...this.#views];
  }

  /** Top-level comments in the chosen order. */
  get roots(): readonly ThreadNode[] {
    this.#flush();
    return this.#roots;
  }

  /** Comments that count in "6 Kommentare": published and readable, at every level. */
  get publishedCount(): number {
    return this.#published;
  }

  get size(): number {
    return this.#comments.size;
  }

  /** Every comment by id. */
  get comments(): ReadonlyMap<string, Comment> {
    return this.#comments;
  }

  has(id: string): boolean {
    return this.#comments.has(id);
  }

  comment(id: string): Comment | undefined {
    return this.#comments.get(id);
  }

  /** The current node of a comment. */
  node(id: string): ThreadNode | undefined {
    this.#flush();
    return this.#nodes.get(id);
  }

  /** The id of the comment `id` is shown under, or null at the top level. */
  parentOf(id: string): string | null {
    return this.#parent.get(id) ?? null;
  }

  /** Ids from the top-level comment down to `id`, both included. */
  pathTo(id: string): string[] {
    const path: string[] = [];
    for (let current: string | null = id; current !== null && this.#comments.has(current); current = this.parentOf(current)) {
      path.push(current);
    }
    return path.reverse();
  }

  /** The id of the top-level comment above `id` (or `id` itself). */
  rootOf(id: string): string {
    return this.pathTo(id)[0] ?? id;
  }

  /** The direct replies' ids, oldest first. */
  childIds(id: string): readonly string[] {
    this.#flush();
    return this.#children.get(id) ?? [];
  }

  view(id: string): NodeView {
    return this.#views.get(id) ?? NO_VIEW;
  }

  isOwn(id: string): boolean {
    return this.#own.has(id) || this.#byAccount(this.#comments.get(id));
  }

  /** The signed-in reader's account: comments whose `author.id` is it are their own too. */
  #account: string | null = null;

  #byAccount(comment: Comment | undefined): boolean {
    return this.#account !== null && comment?.author.id === this.#account;
  }

  /** Signs the tree's reader in (their account id) or out (null): their comments change, nothing else. */
  setAccount(account: string | null): void {
    if (account === this.#account) return;
    const before = this.#account;
    this.#account = account;
    for (const comment of this.#comments.values()) {
      const id = comment.author.id;
      if (id !== null && (id === before || id === account)) this.#touch(comment.id);
    }
  }

  /** Adds new comments or replaces known ones (same id). */
  upsert(comments: Iterable<Comment>): void {
    for (const comment of comments) {
      const old = this.#comments.get(comment.id);
      if (old && old.parentId === comment.parentId) {
        // A changed comment (an edit, a moderation, a new count) keeps its place: nothing moves
        // under the reader, even when it would now sort elsewhere (most reactions first).
        this.#published += Number(isListed(comment)) - Number(isListed(old));
        this.#comments.set(comment.id, comment);
        this.#touch(comment.id);
        continue;
      }
      if (old) this.#unlink(old);
      this.#comments.set(comment.id, comment);
      if (isListed(comment)) this.#published++;
      this.#link(comment);
      this.#touch(comment.id);
      const source = comment.quote?.source;
      if (source && source !== 'article') {
        const quoting = this.#quotedBy.get(source) ?? new Set();
        quoting.add(comment.id);
        this.#quotedBy.set(source, quoting);
      }
      // Comments quoting this one can name it now.
      for (const quoting of this.#quotedBy.get(comment.id) ?? []) this.#touch(quoting);
      // Replies that arrived before it move under it.
      const waiting = this.#orphans.get(comment.id);
      if (waiting) {
        this.#orphans.delete(comment.id);
        for (const orphan of waiting) {
          const child = this.#comments.get(orphan);
          if (!child) continue;
          this.#unlink(child);
          this.#link(child);
          this.#touch(orphan);
        }
      }
    }
  }

  /** Builds a comment's node again (what it shows depends on the time, e.g. "Bearbeiten" until its edit window closes). */
  refresh(id: string): void {
    if (this.#comments.has(id)) this.#touch(id);
  }

  /** Marks a comment as this reader's. */
  markOwn(id: string): void {
    if (this.#own.has(id)) return;
    this.#own.add(id);
    this.#touch(id);
  }

  /** Changes how one comment is arranged; a patch equal to the current view changes nothing. */
  setView(id: string, patch: Partial<NodeView>): void {
    const old = this.view(id);
    if ((Object.keys(patch) as (keyof NodeView)[]).every((key) => old[key] === patch[key])) return;
    const next = {...old, ...patch};
    for (const key of Object.keys(next) as (keyof NodeView)[]) if (next[key] === undefined) delete next[key];
    if (Object.keys(next).length) this.#views.set(id, Object.freeze(next));
    else this.#views.delete(id);
    if (this.#comments.has(id)) this.#touch(id);
  }

  /** Ids of comments whose view has `key` set. */
  viewsWith(key: keyof NodeView): string[] {
    return [...this.#views].filter(([, view]) => view[key] !== undefined).map(([id]) => id);
  }

  #link(comment: Comment): void {
    const {id} = comment;
    const parentId = comment.parentId;
    let parent: string | null = null;
    // Only a comment that already has replies can close a circle (a new one has none yet).
    const circle = parentId !== null && Boolean(this.#children.get(id)?.length) && this.#isAncestor(id, parentId);
    if (parentId !== null && this.#comments.has(parentId) && !circle) {
      parent = parentId;
    } else if (parentId !== null && !this.#comments.has(parentId)) {
      const waiting = this.#orphans.get(parentId) ?? new Set();
      waiting.add(id);
      this.#orphans.set(parentId, waiting);
    }
    this.#parent.set(id, parent);
    const order = parent === null ? this.#rootOrder : oldestFirst;
    const list = parent === null ? this.#rootIds : this.#childList(parent);
    const last = list.at(-1);
    if (last === undefined || order(this.#comments.get(last)!, comment) <= 0) {
      list.push(id);
    } else if (parent === null) {
      // Placed among the others without sorting them again: a comment whose count changed since
      // it was placed stays where the reader saw it.
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (order(this.#comments.get(list[middle])!, comment) <= 0) low = middle + 1;
        else high = middle;
      }
      list.splice(low, 0, id);
    } else {
      // Replies only ever sort by their (unchanging) time: sorted once, in the next flush.
      list.push(id);
      this.#unsorted.add(parent);
    }
    if (parent === null) this.#rootsStale = true;
    else this.#touch(parent);
  }

  #unlink(comment: Comment): void {
    const {id} = comment;
    if (isListed(comment)) this.#published--;
    const parent = this.#parent.get(id) ?? null;
    const list = parent === null ? this.#rootIds : this.#children.get(parent);
    const index = list?.lastIndexOf(id) ?? -1;
    if (list && index >= 0) list.splice(index, 1);
    if (parent === null) this.#rootsStale = true;
    else this.#touch(parent);
    if (comment.parentId !== null) this.#orphans.get(comment.parentId)?.delete(id);
    const source = comment.quote?.source;
    if (source) this.#quotedBy.get(source)?.delete(id);
  }

  #childList(parent: string): string[] {
    let list = this.#children.get(parent);
    if (!list) this.#children.set(parent, (list = []));
    return list;
  }

  /** Whether `ancestor` is `id` or above it (linking would close a circle). */
  #isAncestor(ancestor: string, id: string): boolean {
    for (let current: string | null = id; current !== null; current = this.#parent.get(current) ?? null) {
      if (current === ancestor) return true;
    }
    return false;
  }

  /** Marks `id` and every ancestor as changed. */
  #touch(id: string): void {
    for (let current: string | null = id; current !== null && !this.#dirty.has(current); current = this.#parent.get(current) ?? null) {
      this.#dirty.add(current);
    }
  }

  /**
   * Makes new nodes for everything changed, deepest first, so parents take
   * their new children. Reading `roots` or a node does it too; calling it after
   * a batch of changes does that work now, in the caller's step.
   */
  flush(): void {
    this.#flush();
  }

  #flush(): void {
    if (this.#unsorted.size) {
      for (const parent of this.#unsorted) {
        const list = parent === null ? this.#rootIds : this.#children.get(parent);
        const order = parent === null ? this.#rootOrder : oldestFirst;
        list?.sort((a, b) => order(this.#comments.get(a)!, this.#comments.get(b)!));
        if (parent === null) this.#rootsStale = true;
      }
      this.#unsorted.clear();
    }
    if (this.#dirty.size) {
      const depth = new Map<string, number>();
      const depthOf = (id: string): number => {
        const chain: string[] = [];
        let current: string | null = id;
        let base = -1;
        while (current !== null) {
          const known = depth.get(current);
          if (known !== undefined) {
            base = known;
            break;
          }
          chain.push(current);
          current = this.#parent.get(current) ?? null;
        }
        for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i], ++base);
        return depth.get(id)!;
      };
      const order = [...this.#dirty].filter((id) => this.#comments.has(id));
      const depths = new Map(order.map((id) => [id, depthOf(id)]));
      order.sort((a, b) => depths.get(b)! - depths.get(a)!);
      for (const id of order) {
        const comment = this.#comments.get(id)!;
        const children = (this.#children.get(id) ?? []).map((child) => this.#nodes.get(child)!);
        let replyCount = 0;
        for (const child of children) replyCount += child.replyCount + 1;
        const source = comment.quote?.source;
        this.#nodes.set(id, {
          comment,
          children,
          replyCount,
          own: this.#own.has(id) || this.#byAccount(comment),
          quoted: source && source !== 'article' ? this.#comments.get(source) ?? null : null,
          view: this.view(id),
        });
        if (this.#parent.get(id) === null) this.#rootsStale = true;
      }
      this.#dirty.clear();
    }
    if (this.#rootsStale) {
      this.#roots = this.#rootIds.map((id) => this.#nodes.get(id)!);
      this.#rootsStale = false;
    }
  }
}

/** The tree of `comments` (checked ones, see `parseComments`) in one go. */
export function buildThread(comments: Iterable<Comment>, sort: SortOrder = 'newest'): ThreadTree {
  const tree = new ThreadTree(sort);
  tree.upsert(comments);
  return tree;
}
