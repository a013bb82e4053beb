import type {Quote} from '../../model/comment.js';

export interface ReplyTarget {
  parentId: string;
  quote: Quote | null;
}

/**
 * How the reader has arranged the thread: folded replies, the permalink
 * target, the open reply form. Every change stamps the top-level thread it
 * touched, so the element re-renders that thread only (see `stampOf`).
 */
export class ThreadView {
  #toggled = new Set<string>();
  #stamps = new Map<string, number>();
  #counter = 0;
  #everything = 0;
  #target: string | null = null;
  #reply: ReplyTarget | null = null;
  #collapsed = false;

  /** The id of the top-level comment above a comment. */
  #rootIdOf: (id: string) => string | undefined;
  #changed: () => void;

  constructor(rootIdOf: (id: string) => string | undefined, changed: () => void) {
    this.#rootIdOf = rootIdOf;
    this.#changed = changed;
  }

  get target(): string | null {
    return this.#target;
  }

  get reply(): ReplyTarget | null {
    return this.#reply;
  }

  /** A number that changes whenever anything about how this top-level thread is shown changes. */
  stampOf(rootId: string): string {
    return `${this.#everything}.${this.#stamps.get(rootId) ?? 0}`;
  }

  /** Marks everything as changed (e.g. the depth limit or the clock changed). */
  touchAll(): void {
    this.#everything++;
    this.#changed();
  }

  /** The id of the top-level comment above `id`. */
  rootOf(id: string): string | undefined {
    return this.#rootIdOf(id);
  }

  #touch(id: string | null | undefined): void {
    const root = id ? this.#rootIdOf(id) : undefined;
    if (root) this.#stamps.set(root, ++this.#counter);
    this.#changed();
  }

  /** Forgets everything (another discussion). */
  reset(): void {
    this.#toggled.clear();
    this.#target = null;
    this.#reply = null;
    this.touchAll();
  }

  isExpanded = (id: string): boolean => this.#collapsed === this.#toggled.has(id);

  /** Whether replies start folded; forgets the reader's own folding. */
  setCollapsedByDefault(collapsed: boolean): void {
    if (collapsed === this.#collapsed) return;
    this.#collapsed = collapsed;
    this.#toggled.clear();
    this.touchAll();
  }

  toggle(id: string): void {
    if (this.#toggled.has(id)) this.#toggled.delete(id);
    else this.#toggled.add(id);
    this.#touch(id);
  }

  expand(id: string): void {
    if (!this.isExpanded(id)) this.toggle(id);
  }

  setTarget(id: string | null): void {
    if (id === this.#target) return;
    this.#touch(this.#target);
    this.#target = id;
    this.#touch(id);
  }

  setReply(reply: ReplyTarget | null): void {
    this.#touch(this.#reply?.parentId);
    this.#reply = reply;
    this.#touch(reply?.parentId);
  }
}
