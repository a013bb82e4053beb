/**
 * "Empfehlen": one reaction per reader and comment, as a toggle. The count
 * changes at once (optimistic) and goes back, with a German message, when
 * the backend refuses. The backend is told the state wanted, not a toggle,
 * and one request per comment runs at a time, the latest wish sent after it:
 * double clicks and retries never count twice.
 */
import type {CommentAdapter} from '../../adapters/adapter.js';
import {UnexpectedResponseError} from '../../adapters/errors.js';
import type {DiscussionController} from '../../discussion/discussion-controller.js';
import {readerId} from '../../drafts/reader-id.js';
import type {ReadingWords} from '../../i18n/locale.js';
import {errorMessage} from '../../i18n/errors.js';
import type {Comment} from '../../model/comment.js';
import {parseReactionState} from '../../model/reactions.js';
import {displayName} from './templates/names.js';

export interface ReactionDeps {
  /** The words of the element's language. */
  words(): ReadingWords;
  discussion: DiscussionController;
  adapter(): CommentAdapter | undefined;
  thread(): string;
  now(): number;
  announce(text: string): void;
  changed(): void;
}

export class ReactionsController {
  /** What the reader wants now, per comment, while a request runs. */
  #wanted = new Map<string, boolean>();
  /** The last state the backend confirmed, to go back to. */
  #confirmed = new Map<string, {reactions: number; reacted: boolean}>();
  #deps: ReactionDeps;

  constructor(deps: ReactionDeps) {
    this.#deps = deps;
  }

  /** Whether the backend takes reactions. */
  get enabled(): boolean {
    const adapter = this.#deps.adapter();
    return Boolean(adapter?.capabilities?.reactions && adapter.react);
  }

  /** Toggles the reader's reaction to a comment. */
  async toggle(id: string): Promise<void> {
    const comment = this.#deps.discussion.tree.comment(id);
    if (!comment || !this.enabled) return;
    if (!this.#confirmed.has(id)) this.#confirmed.set(id, {reactions: comment.reactions, reacted: comment.reacted});
    const wanted = !comment.reacted;
    const running = this.#wanted.has(id);
    this.#wanted.set(id, wanted);
    this.#show(comment, wanted, comment.reactions + (wanted ? 1 : -1));
    const t = this.#deps.words();
    this.#deps.announce(wanted ? t.reactedTo(displayName(comment, t)) : t.unreacted);
    if (running) return;
    const adapter = this.#deps.adapter()!;
    for (;;) {
      const target = this.#wanted.get(id)!;
      try {
        const state = parseReactionState(await adapter.react!({thread: this.#deps.thread(), commentId: id, readerId: readerId(), reacted: target}));
        if (!state) throw new UnexpectedResponseError('The answer to a reaction is not {reactions, reacted}.');
        this.#confirmed.set(id, state);
        if (this.#wanted.get(id) !== target) continue;
        this.#wanted.delete(id);
        const now = this.#deps.discussion.tree.comment(id);
        if (now) this.#show(now, state.reacted, state.reactions);
        return;
      } catch (error) {
        this.#wanted.delete(id);
        const confirmed = this.#confirmed.get(id)!;
        const now = this.#deps.discussion.tree.comment(id);
        if (now) this.#show(now, confirmed.reacted, confirmed.reactions);
        const t = this.#deps.words();
        this.#deps.announce(`${t.reactionFailed} ${errorMessage(error, this.#deps.now(), 'load', t)}`);
        return;
      }
    }
  }

  /** Shows a reaction state on a comment (a changed comment keeps its place in the thread). */
  #show(comment: Comment, reacted: boolean, reactions: number): void {
    if (comment.reacted === reacted && comment.reactions === reactions) return;
    this.#deps.discussion.tree.upsert([{...comment, reacted, reactions: Math.max(0, reactions)}]);
    this.#deps.changed();
  }
}
