/**
 * The element's forms: the composer for a new comment (created when a reader
 * starts writing, or at once when a draft is waiting) and the one reply form
 * open under a comment; what happens when one posts or is closed.
 *
 * `<comment-reply>` is a part of its own (see parts.ts): it is loaded when a
 * reader starts writing, and a form appears once it is in, so focus can move
 * into it. Hovering or focusing a button that opens one fetches it ahead.
 */
import type {ReactiveController, ReactiveElement} from 'lit';
import type {DiscussionController} from '../../discussion/discussion-controller.js';
import {readDraft} from '../../drafts/saved-draft.js';
import {takeLoginReturn} from '../../drafts/login-return.js';
import type {CommentPostedEvent, CommentReplyCancelEvent} from '../../events.js';
import type {ReadingWords} from '../../i18n/locale.js';
import type {Quote} from '../../model/comment.js';
import {recordId} from '../../model/parse.js';
import {loadComposer} from '../../parts.js';
import type {Clock} from '../../time/clock.js';
import type {CommentReply} from '../comment-reply/comment-reply.js';
import type {LiveController} from './live-controller.js';
import type {ThreadView} from './thread-view.js';

export interface FormsHost extends ReactiveElement {
  readonly resolvedThread: string;
  readonly clock: Clock;
}

export interface FormsDeps {
  /** The words of the element's language. */
  words(): ReadingWords;
  discussion: DiscussionController;
  view: ThreadView;
  live: LiveController;
  articleFor(id: string): HTMLElement | null;
  announce(text: string): void;
  /** Unfolds the path to a comment and makes sure its thread is rendered. */
  showPath(id: string): Promise<void>;
  /** Whether the element has started (a lazy one waits: nothing is fetched, not even the composer). */
  started(): boolean;
}

export class FormsController implements ReactiveController {
  /** Whether the composer for a new comment is there. */
  composerOpen = false;
  /** The discussion whose saved draft was looked for. */
  #checkedThread: string | undefined;
  /** Which button opened the reply form. */
  #opener: 'reply' | 'quote' = 'reply';
  #host: FormsHost;
  #deps: FormsDeps;

  constructor(host: FormsHost, deps: FormsDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
    host.addEventListener('comment-posted', (event) => void this.#onPosted(event));
    host.addEventListener('comment-reply-cancel', (event) => this.#onCancel(event));
  }

  hostUpdate(): void {
    const thread = this.#host.resolvedThread;
    if (this.#checkedThread === thread || !this.#deps.started()) return;
    this.#checkedThread = thread;
    // A draft is waiting: the composer comes at once, with it.
    if (readDraft(thread, null, this.#host.clock.now())) void this.#showComposer(thread);
  }

  /**
   * Another discussion: its own draft decides again. The same thread from
   * another adapter (its file arrived, a retry replaced a failed one) keeps
   * the composer the reader has open.
   */
  reset(): void {
    if (this.#checkedThread === this.#host.resolvedThread) return;
    this.#checkedThread = undefined;
    this.composerOpen = false;
  }

  /**
   * Back from the publisher's login: the form the reader left from opens
   * again (a reply form under its comment, found first if it is on a later
   * page), with their draft restored, and takes focus.
   */
  async resumeAfterLogin(): Promise<void> {
    const back = takeLoginReturn(this.#host.resolvedThread, this.#host.clock.now());
    if (!back) return;
    if (back.parentId === null) return this.openComposer();
    if ((await this.#deps.discussion.ensure(back.parentId)) !== null) {
      // The comment answered is gone: the draft stays saved under it, and the reader is told.
      this.#deps.announce(this.#deps.words().notFound);
      return;
    }
    await this.#deps.showPath(back.parentId);
    await this.openReply(back.parentId, null);
    this.#deps.articleFor(back.parentId)?.scrollIntoView({block: 'start'});
  }

  async openComposer(): Promise<void> {
    if (await this.#showComposer(this.#host.resolvedThread)) await this.#focus('comment-reply.composer');
  }

  /** `opener`: the button ("reply" or "quote") that focus returns to when the form is closed. */
  async openReply(parentId: string, quote: Quote | null, opener: 'reply' | 'quote' = 'reply'): Promise<void> {
    this.#opener = opener;
    if (!(await this.#loaded())) return;
    this.#deps.view.setReply({parentId, quote});
    await this.#focus('comment-reply.reply-form');
  }

  /** Shows the composer once its file is in, unless the element moved to another discussion meanwhile. */
  async #showComposer(thread: string): Promise<boolean> {
    if (!(await this.#loaded()) || thread !== this.#host.resolvedThread) return false;
    this.composerOpen = true;
    this.#host.requestUpdate();
    return true;
  }

  /** Whether `<comment-reply>` is there; if its file cannot be loaded, the reader is told. */
  async #loaded(): Promise<boolean> {
    try {
      await loadComposer();
      return true;
    } catch (error) {
      console.warn('<article-comments>: the composer could not be loaded.', error);
      this.#deps.announce(this.#deps.words().composerFailed);
      return false;
    }
  }

  /** After the next render, moves focus into the form `selector` finds. */
  async #focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    const form = this.#host.renderRoot.querySelector<CommentReply>(selector);
    await form?.updateComplete;
    form?.focus();
  }

  async #onPosted(event: CommentPostedEvent): Promise<void> {
    if (event.thread !== this.#host.resolvedThread) return;
    const record: unknown = event.comment;
    const [added] = this.#deps.discussion.ingest([record], {own: true});
    const id = added?.id ?? recordId(record);
    if (id === undefined) return;
    this.#deps.discussion.markOwn(id);
    // Its live echo may have come first and been held back: it is the reader's own, show it.
    this.#deps.live.release(id);
    const tree = this.#deps.discussion.tree;
    const comment = tree.comment(id);
    if (!comment) return;
    const reply = this.#deps.view.reply;
    if (reply && reply.parentId === comment.parentId) this.#deps.view.setReply(null);
    this.#deps.announce(comment.status === 'pending' ? this.#deps.words().postedPending : this.#deps.words().posted);
    await this.#deps.showPath(id);
    const article = this.#deps.articleFor(id);
    article?.scrollIntoView({block: 'nearest'});
    article?.focus({preventScroll: true});
  }

  /** "Abbrechen" or Escape: the form closes (its draft stays saved) and focus returns to the button that opened it. */
  #onCancel(event: CommentReplyCancelEvent): void {
    const parentId = event.parentId;
    if (!parentId) {
      if (!this.composerOpen) return;
      this.composerOpen = false;
      this.#host.requestUpdate();
      void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('[data-action="compose"]')?.focus());
      return;
    }
    if (this.#deps.view.reply?.parentId !== parentId) return;
    this.#deps.view.setReply(null);
    const opener = this.#opener;
    void this.#host.updateComplete.then(() =>
      this.#deps.articleFor(parentId)?.querySelector<HTMLElement>(`[data-action="${opener}"]`)?.focus()
    );
  }
}
