/**
 * Deleting, undoing, and stopping or starting notifications of the reader's own comment
 * (see own-actions.ts): loaded with the first such change, so a reader who
 * only reads never downloads it.
 */
import type {ReactiveElement} from 'lit';
import type {CommentAdapter} from '../../adapters/adapter.js';
import {UnexpectedResponseError} from '../../adapters/errors.js';
import {CommentChangedEvent} from '../../events.js';
import {errorMessage} from '../../i18n/errors.js';
import {isCommentRecord} from '../../model/parse.js';
import type {OwnDeps} from './own-actions.js';

export type OwnChange = 'delete' | 'restore' | 'notify-off' | 'notify-on';

/** Sends one change; resolves to what the comment says about it and where focus goes. Never rejects for the backend's failures. */
export async function changeOwn(
  deps: OwnDeps,
  host: ReactiveElement,
  adapter: CommentAdapter,
  id: string,
  kind: OwnChange
): Promise<{message: string; focus: string}> {
  const words = deps.words();
  const thread = deps.thread();
  const request = {thread, commentId: id};
  try {
    const record =
      kind === 'delete'
        ? await adapter.delete!(request)
        : kind === 'restore'
          ? await adapter.restore!(request)
          : // On again: '' is the signed-in account's address, as the backend knows it.
            await adapter.notify!({...request, enabled: kind === 'notify-on', email: ''});
    if (!isCommentRecord(record)) throw new UnexpectedResponseError('The answer is not a valid comment record.');
    if (deps.thread() === thread) deps.discussion.replace(record);
    if (kind === 'delete' || kind === 'restore') host.dispatchEvent(new CommentChangedEvent(kind === 'delete' ? 'comment-deleted' : 'comment-restored', record, thread));
    return kind === 'delete'
      ? {message: words.deletedOwn, focus: '[data-action="undo-delete"]'}
      : kind === 'restore'
        ? {message: words.restored, focus: '[data-action="delete"]'}
        : {message: kind === 'notify-on' ? words.notifyOnDone : words.notifyOffDone, focus: '.own-message'};
  } catch (caught) {
    const failed = {delete: words.deleteFailed, restore: words.restoreFailed, 'notify-off': words.notifyOffFailed, 'notify-on': words.notifyOnFailed}[kind];
    return {message: `${failed} ${errorMessage(caught, deps.clock().now(), 'change', words)}`, focus: '.own-message'};
  }
}
