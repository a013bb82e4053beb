/**
 * What a reader does with their own comments: "Bearbeiten" (the composer
 * opens in place of the text, see comment-reply's `edit-id`), "Löschen" with
 * a question in the page (never `window.confirm`), "Rückgängig" while the
 * backend allows it, and "Benachrichtigungen abbestellen".
 *
 * What a comment offers depends on the time (its `editableUntil`,
 * `restorableUntil`): templates tell `until()` and one timer, for the
 * nearest of those moments, builds those comments again. Never a timer per
 * comment.
 */
import type {ReactiveController, ReactiveElement} from 'lit';
import type {CommentAdapter} from '../../adapters/adapter.js';
import type {DiscussionController} from '../../discussion/discussion-controller.js';
import type {CommentChangedEvent, CommentEditCancelEvent} from '../../events.js';
import type {ReadingWords} from '../../i18n/locale.js';
import {isCommentRecord} from '../../model/parse.js';
import type {Clock} from '../../time/clock.js';
import type {OwnChange} from './own-change.js';
import type {OwnSettings} from './templates/settings.js';

export interface OwnDeps {
  discussion: DiscussionController;
  adapter(): CommentAdapter | undefined;
  thread(): string;
  clock(): Clock;
  words(): ReadingWords;
  announce(text: string): void;
  articleFor(id: string): HTMLElement | null;
}

type Step = 'editing' | 'confirming' | 'busy' | 'idle';

export class OwnActions implements ReactiveController {
  #host: ReactiveElement;
  #deps: OwnDeps;
  /** Comments whose template changes at a moment, and that moment. */
  #until = new Map<string, number>();
  #timer: {at: number; cancel: () => void} | undefined;
  #settings: OwnSettings | undefined;

  constructor(host: ReactiveElement, deps: OwnDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
    host.addEventListener('comment-edited', (event) => this.#onEdited(event as CommentChangedEvent));
    host.addEventListener('comment-edit-cancel', (event) => this.#onEditCancel(event as CommentEditCancelEvent));
  }

  /** What the backend lets readers do with their own comments (the same object while that stays). */
  settings(): OwnSettings {
    const adapter = this.#deps.adapter();
    const capabilities = adapter?.capabilities;
    const next = {
      edit: Boolean(capabilities?.edit && adapter?.edit),
      delete: Boolean(capabilities?.delete && adapter?.delete),
      restore: Boolean(capabilities?.delete && adapter?.restore),
      notify: Boolean(capabilities?.notifications && adapter?.notify),
      anonymous: capabilities?.anonymousAuthors === true,
      notifyTo: this.#deps.discussion.viewer?.email ?? '',
    };
    const old = this.#settings;
    if (old && (Object.keys(next) as (keyof typeof next)[]).every((key) => old[key] === next[key])) return old;
    return (this.#settings = {
      ...next,
      until: (id, time) => this.#until.set(id, time),
      onQuestionKey: (event) => {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (event.key !== 'Escape' || id === undefined) return;
        event.preventDefault();
        this.cancelDelete(id);
      },
    });
  }

  hostUpdated(): void {
    this.#schedule();
  }

  hostConnected(): void {
    // Back in the page (its timer was stopped): what passed meanwhile is built again, the next moment armed.
    if (this.#until.size) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
  }

  /** One timer, for the nearest moment a comment's template changes. */
  #schedule(): void {
    const now = this.#deps.clock().now();
    let next = Infinity;
    let passed = false;
    for (const [id, time] of this.#until) {
      if (!this.#deps.discussion.tree.has(id)) {
        this.#until.delete(id);
      } else if (time <= now) {
        // Passed before its timer fired (a hidden tab stops timers): built again now, without what it offered.
        this.#until.delete(id);
        this.#deps.discussion.tree.refresh(id);
        passed = true;
      } else {
        next = Math.min(next, time);
      }
    }
    if (passed) this.#host.requestUpdate();
    if (this.#timer?.at === next) return;
    this.#timer?.cancel();
    this.#timer = undefined;
    if (next === Infinity || !this.#host.isConnected) return;
    const cancel = this.#deps.clock().at(next, () => {
      this.#timer = undefined;
      const at = this.#deps.clock().now();
      for (const [id, time] of this.#until) {
        if (time > at) continue;
        this.#until.delete(id);
        this.#deps.discussion.tree.refresh(id);
      }
      this.#host.requestUpdate();
    });
    this.#timer = {at: next, cancel};
  }

  #set(id: string, step: Step, message?: string): void {
    this.#deps.discussion.tree.setView(id, {ownAction: step === 'idle' && !message ? undefined : {step, message}});
    this.#host.requestUpdate();
  }

  /** After the next render, focuses what `selector` finds in the comment (or the comment). */
  async #focus(id: string, selector: string): Promise<void> {
    await this.#host.updateComplete;
    const article = this.#deps.articleFor(id);
    const target = article?.querySelector<HTMLElement & {updateComplete?: Promise<unknown>}>(selector);
    await target?.updateComplete;
    (target ?? article)?.focus();
  }

  edit(id: string): void {
    this.#set(id, 'editing');
    void this.#focus(id, 'comment-reply');
  }

  confirmDelete(id: string): void {
    this.#set(id, 'confirming');
    // Where it cannot be undone, a second Enter must not delete: focus is on "Abbrechen" then.
    void this.#focus(id, this.settings().restore ? '[data-action="delete-confirm"]' : '[data-action="delete-cancel"]');
  }

  cancelDelete(id: string): void {
    this.#set(id, 'idle');
    void this.#focus(id, '[data-action="delete"]');
  }

  /** "Ja, löschen": the placeholder takes the comment's place (its replies stay), with "Rückgängig" while allowed. */
  delete(id: string): Promise<void> {
    return this.#change(id, 'delete');
  }

  restore(id: string): Promise<void> {
    return this.#change(id, 'restore');
  }

  notifyOff(id: string): Promise<void> {
    return this.#change(id, 'notify-off');
  }

  /** "Bei Antworten per E-Mail benachrichtigen" on a signed-in author's comment: mail to the account's address. */
  notifyOn(id: string): Promise<void> {
    return this.#change(id, 'notify-on');
  }

  /** Sends the change (own-change.ts, loaded on the first one) and shows the comment as the backend stored it, or why it failed. */
  async #change(id: string, kind: OwnChange): Promise<void> {
    const adapter = this.#deps.adapter();
    if (!adapter || this.#deps.discussion.tree.view(id).ownAction?.step === 'busy') return;
    this.#set(id, 'busy');
    let result: {message: string; focus: string};
    try {
      const {changeOwn} = await import('./own-change.js');
      result = await changeOwn(this.#deps, this.#host, adapter, id, kind);
    } catch (error) {
      // The part did not load (the network): the comment stays as it was.
      console.warn('<article-comments>: could not change the comment.', error);
      result = {message: this.#deps.words().composerFailed, focus: '.own-message'};
    }
    this.#set(id, 'idle', result.message);
    this.#deps.announce(result.message);
    await this.#focus(id, result.focus);
  }

  /** The edit is stored: the comment shows its new text, "(bearbeitet)", and focus returns to it. */
  #onEdited(event: CommentChangedEvent): void {
    if (event.thread !== this.#deps.thread() || !isCommentRecord(event.comment)) return;
    const id = String(event.comment.id);
    this.#deps.discussion.replace(event.comment);
    const message = this.#deps.words().editSaved;
    this.#set(id, 'idle', message);
    this.#deps.announce(message);
    void this.#focus(id, '[data-action="edit"]');
  }

  #onEditCancel(event: CommentEditCancelEvent): void {
    this.#set(event.commentId, 'idle');
    void this.#focus(event.commentId, '[data-action="edit"]');
  }
}
