/**
 * Comments that arrive live, while a reader reads or types. Nothing may
 * appear above what the reader is reading: a new top-level comment, and a
 * reply that would land above the reading line (the form being typed in, or
 * the first comment on screen), waits behind the "neue Kommentare" button.
 * Replies below it appear in place. Each is announced a moment after it
 * arrived, in case it is the reader's own post echoed back before the post's
 * own answer.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ReadingWords} from '../../i18n/locale.js';
import type {Comment} from '../../model/comment.js';
import {isExpanded, listsFlat, type LayoutSettings} from '../../model/layout.js';
import type {ThreadTree} from '../../model/thread-tree.js';
import {displayName} from './templates/names.js';

/** How long a live comment waits before it is announced, in case it is the reader's own echo. */
const ECHO_WAIT = 400;

export interface LiveDeps {
  /** The words of the element's language. */
  words(): ReadingWords;
  tree(): ThreadTree;
  settings(): LayoutSettings;
  /** The rendered `<article>` of a comment, if it is in the DOM. */
  articleFor(id: string): HTMLElement | null;
  /** See ScrollAnchorController.readingLine. */
  readingLine(): number | null;
  isOwn(id: string): boolean;
  announce(text: string): void;
}

export class LiveController implements ReactiveController {
  /** Held comments by id; true once announced. */
  #held = new Map<string, boolean>();
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #host: ReactiveControllerHost;
  #deps: LiveDeps;

  constructor(host: ReactiveControllerHost, deps: LiveDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
  }

  /** Held comments the reader has been told about (the count on the button). */
  get announced(): number {
    let count = 0;
    for (const told of this.#held.values()) if (told) count++;
    return count;
  }

  isHeld(id: string): boolean {
    return this.#held.has(id);
  }

  /** Comments from someone else arrived and are in the tree: hold or show each. */
  arrived(comments: readonly Comment[]): void {
    const tree = this.#deps.tree();
    for (const comment of comments) {
      const parent = tree.parentOf(comment.id);
      const hold = parent === null || this.#held.has(parent) || this.#wouldMoveReader(comment.id, parent);
      if (hold) {
        this.#held.set(comment.id, false);
        tree.setView(comment.id, {held: true});
      }
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#announce(comment, parent);
      }, ECHO_WAIT);
      this.#timers.add(timer);
    }
    this.#host.requestUpdate();
  }

  #announce(comment: Comment, parent: string | null): void {
    if (this.#deps.isOwn(comment.id)) return;
    if (this.#held.has(comment.id)) {
      this.#held.set(comment.id, true);
      this.#host.requestUpdate();
      this.#deps.announce(this.#deps.words().newComments(this.announced));
    } else if (parent !== null) {
      const parentComment = this.#deps.tree().comment(parent);
      if (parentComment) {
        const t = this.#deps.words();
        this.#deps.announce(t.newReply(displayName(comment, t), displayName(parentComment, t)));
      }
    }
  }

  /** The reader's own post came back (perhaps first as a live echo): it is never held. */
  release(id: string): void {
    if (!this.#held.delete(id)) return;
    this.#deps.tree().setView(id, {held: undefined});
    this.#host.requestUpdate();
  }

  /** Shows everything held; returns the ids, in the order they arrived. */
  showAll(): string[] {
    const ids = [...this.#held.keys()];
    const tree = this.#deps.tree();
    for (const id of ids) tree.setView(id, {held: undefined});
    this.#held.clear();
    this.#host.requestUpdate();
    return ids;
  }

  /** Forgets everything (another discussion, a reload). */
  reset(): void {
    this.#held.clear();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  hostDisconnected(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  /**
   * Whether a new reply under `parentId` would appear above the reading line.
   * It goes after everything already shown under its parent: the bottom of
   * the parent's list item, or in a flat list, of the parent's last reply.
   */
  #wouldMoveReader(id: string, parentId: string): boolean {
    const line = this.#deps.readingLine();
    if (line === null) return false;
    const tree = this.#deps.tree();
    const path = tree.pathTo(parentId);
    const settings = this.#deps.settings();
    // Under a folded comment it appears nowhere yet.
    for (const ancestor of path) {
      const node = tree.node(ancestor);
      if (!node || !isExpanded(node, settings)) return false;
    }
    let last = parentId;
    if (listsFlat(path.length - 1, settings)) {
      // Listed flat: after the parent's last reply (other than this one), at any depth.
      const shown = (of: string) => tree.childIds(of).filter((child) => child !== id && !this.#held.has(child));
      for (let children = shown(last); children.length; children = shown(last)) last = children[children.length - 1];
    }
    // The whole thread first: one far above or below the reader is decided without measuring
    // inside it (which would make the browser lay out a thread it skips while off screen).
    const thread = this.#deps.articleFor(path[0])?.closest('li');
    if (!thread) return false;
    const box = thread.getBoundingClientRect();
    if (box.bottom <= line + 1) return true;
    if (box.top >= line) return false;
    const item = this.#deps.articleFor(last)?.closest('li');
    // Not rendered yet (a later step, a later page of replies): it moves nothing now.
    if (!item) return false;
    return item.getBoundingClientRect().bottom <= line + 1;
  }
}
