/**
 * What a reader may see of a comment and do with it. Templates ask these
 * questions; they never decide themselves.
 */
import type {Comment, Role} from './comment.js';

/** Counts as one of the "6 Kommentare": published and readable. */
export function isListed(comment: Comment): boolean {
  return comment.status === 'published' && comment.readable;
}

/** Whether a comment appears at all: a rejected one only to its author (and, if answered, as removed to others). */
export function isShown(comment: Comment, own: boolean, answered: boolean): boolean {
  return comment.status !== 'rejected' || own || answered;
}

/** Whether the text is shown: published ones, and a reader's own while pending. */
export function showsText(comment: Comment, own: boolean): boolean {
  if (!comment.readable) return false;
  return comment.status === 'published' || ((comment.status === 'pending' || comment.status === 'rejected') && own);
}

/** Deleted and removed comments hide who wrote them (a rejected one shows only to its author). */
export function showsAuthor(comment: Comment, own = false): boolean {
  return comment.status === 'published' || comment.status === 'pending' || (comment.status === 'rejected' && own);
}

/** Why a comment shows a notice instead of (or besides) its text, if it does. */
export type Notice = 'pending' | 'pending-own' | 'deleted' | 'removed' | 'rejected-own' | 'unreadable';

export function noticeOf(comment: Comment, own: boolean): Notice | null {
  if (!comment.readable) return 'unreadable';
  switch (comment.status) {
    case 'published':
      return null;
    case 'pending':
      return own ? 'pending-own' : 'pending';
    case 'deleted':
      return 'deleted';
    case 'removed':
      return 'removed';
    case 'rejected':
      // Others never see a rejected comment (see isShown); for them it is simply gone.
      return own ? 'rejected-own' : 'removed';
  }
}

/** Whether the reader may answer (or quote) it. */
export function canReply(comment: Comment, closed: boolean): boolean {
  return !closed && comment.status === 'published' && comment.readable;
}

/** The badge a comment carries: from the role field only, never from a name. */
export function badgeOf(comment: Comment): Exclude<Role, 'reader'> | null {
  const role = comment.author.role;
  return showsAuthor(comment) && role !== 'reader' ? role : null;
}
