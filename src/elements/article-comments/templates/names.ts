import {de} from '../../../i18n/de.js';
import type {ReadingWords} from '../../../i18n/locale.js';
import type {Comment} from '../../../model/comment.js';

/** The id of a comment's `<article>`, and the fragment of its permalink. */
export function anchorId(id: string): string {
  return `comment-${id}`;
}

export function permalink(id: string): string {
  return `#${anchorId(encodeURIComponent(id))}`;
}

export function displayName(comment: Comment, t: ReadingWords = de): string {
  return comment.author.name || t.anonymous;
}
