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
  private toggled = new Set<string>();
  private stamps = new Map<string, number>();
  private counter = 0;
  private everything = 0;
  private _target: string | null = null;
  private _reply: ReplyTarget | null = null;
  private collapsed = false;

  constructor(
    /** The id of the top-level comment above a comment. */
    private rootIdOf: (id: string) => string | undefined,
    private changed: () => void
  ) {}

  get target(): string | null {
    return this._target;
  }

  get reply(): ReplyTarget | null {
    return this._reply;
  }

  /** A number that changes whenever anything about how this top-level thread is shown changes. */
  stampOf(rootId: string): string {
    return `${this.everything}.${this.stamps.get(rootId) ?? 0}`;
  }

  /** Marks everything as changed (e.g. the depth limit or the clock changed). */
  touchAll(): void {
    this.everything++;
    this.changed();
  }

  private touch(id: string | null | undefined): void {
    const root = id ? this.rootIdOf(id) : undefined;
    if (root) this.stamps.set(root, ++this.counter);
    this.changed();
  }

  isExpanded = (id: string): boolean => this.collapsed === this.toggled.has(id);

  /** Whether replies start folded; forgets the reader's own folding. */
  setCollapsedByDefault(collapsed: boolean): void {
    if (collapsed === this.collapsed) return;
    this.collapsed = collapsed;
    this.toggled.clear();
    this.touchAll();
  }

  toggle(id: string): void {
    if (this.toggled.has(id)) this.toggled.delete(id);
    else this.toggled.add(id);
    this.touch(id);
  }

  expand(id: string): void {
    if (!this.isExpanded(id)) this.toggle(id);
  }

  setTarget(id: string | null): void {
    if (id === this._target) return;
    this.touch(this._target);
    this._target = id;
    this.touch(id);
  }

  setReply(reply: ReplyTarget | null): void {
    this.touch(this._reply?.parentId);
    this._reply = reply;
    this.touch(reply?.parentId);
  }
}
