/**
 * What a memory-backed adapter (memory, browser storage) does when a reader
 * changes their own comment: edit, delete, undo, reply notifications, and
 * the mail a backend would send. Loaded the first time one of them is used:
 * a reader who only reads never downloads it (see parts.ts).
 */
import type {DeleteRequest, EditRequest, NotifyRequest} from './adapter.js';
import {ForbiddenError, ValidationError} from './errors.js';
import type {Stored} from './memory-discussion.js';
import {OwnBook} from './own-book.js';
import {emailError, isValid, validateDraft} from '../model/validate.js';

/** What the adapter lends these operations: its book of authors, its clock and rules, and how it stores a change. */
export interface OwnContext {
  own: OwnBook;
  thread: string;
  now(): number;
  maxLength: number;
  editWindow: number;
  undoWindow: number;
  /** The stored comment if the reader may change it (in one of `statuses`), else the typed error why not. */
  ownComment(id: string, statuses?: readonly string[]): Stored;
  /** Stores a changed version (a new revision) and tells subscribers. */
  replace(record: Record<string, unknown>): Stored;
  /** The comment as its author sees it, copied. */
  view(stored: Stored): unknown;
}

const iso = (time: number) => new Date(time).toISOString();

export function editOwn(context: OwnContext, request: EditRequest): unknown {
  const {own, thread} = context;
  const editKey = OwnBook.key(thread, `${request.commentId}\u0000${request.idempotencyKey}`);
  const done = own.edits.get(editKey);
  if (done) return structuredClone(done);
  const stored = context.ownComment(request.commentId);
  const now = context.now();
  const createdAt = stored.comment.createdAt;
  if (context.editWindow <= 0 || createdAt === null || now >= createdAt + context.editWindow) {
    throw new ForbiddenError('The time to edit this comment has passed.', {reason: 'expired'});
  }
  const errors = validateDraft({name: '', body: request.body}, {maxLength: context.maxLength, requireName: false, reply: stored.comment.parentId !== null});
  if (!isValid(errors)) throw new ValidationError(errors);
  const answer = context.view(context.replace({...(stored.record as Record<string, unknown>), body: request.body.trim(), editedAt: iso(now)}));
  own.edits.set(editKey, answer);
  return structuredClone(answer);
}

export function deleteOwn(context: OwnContext, {commentId}: DeleteRequest): unknown {
  const {own, thread} = context;
  const stored = context.ownComment(commentId, ['published', 'pending', 'deleted']);
  if (stored.comment.status === 'deleted') return context.view(stored);
  const key = OwnBook.key(thread, commentId);
  // Whose it is, kept beside it (the record keeps no account once deleted).
  own.owners.set(key, own.owners.get(key) ?? own.current);
  own.deleted.set(key, {record: stored.record, until: context.now() + context.undoWindow});
  own.subscriptions.delete(key);
  const {comment} = stored;
  // Without its text, name and account (others must not learn who deleted it; its author's copy says, see `view`).
  const createdAt = (stored.record as Record<string, unknown>).createdAt;
  return context.view(context.replace({id: comment.id, parentId: comment.parentId, author: {name: ''}, body: '', createdAt, editedAt: null, status: 'deleted'}));
}

export function restoreOwn(context: OwnContext, {commentId}: DeleteRequest): unknown {
  const {own, thread} = context;
  context.ownComment(commentId, ['deleted']);
  const key = OwnBook.key(thread, commentId);
  const deleted = own.deleted.get(key);
  if (!deleted || context.now() >= deleted.until) throw new ForbiddenError('The time to undo the deletion has passed.', {reason: 'expired'});
  own.deleted.delete(key);
  return context.view(context.replace(deleted.record as Record<string, unknown>));
}

export function notifyOwn(context: OwnContext, {commentId, enabled, email}: NotifyRequest): unknown {
  const {own, thread} = context;
  const stored = context.ownComment(commentId, ['published', 'pending']);
  const key = OwnBook.key(thread, commentId);
  if (enabled) {
    // Only the address is checked: there is no text to check here.
    const error = emailError(email, own.viewer?.email !== undefined);
    if (error) throw new ValidationError({email: error});
    own.subscriptions.set(key, email.trim() || own.viewer?.email || '');
  } else {
    own.subscriptions.delete(key);
  }
  return context.view(stored);
}

/** Notes the mail a backend would send to `to`: someone answered comment `parentId`. */
export function mailReply(own: OwnBook, thread: string, parentId: string, to: string, reply: {id: string; name: string; body: string}): void {
  const start = [...reply.body].slice(0, 140).join('');
  own.outbox.push({
    to,
    thread,
    commentId: parentId,
    replyId: reply.id,
    subject: 'Neue Antwort auf Ihren Kommentar',
    text: `${reply.name || 'Jemand'} hat auf Ihren Kommentar geantwortet: „${start}“`,
  });
}
