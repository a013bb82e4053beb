import {de} from '../../../i18n/de.js';
import type {Comment} from '../../../model/comment.js';

/** The id of a comment's `<article>`, and the fragment of its permalink. */
export function anchorId(id: string): string {
  return `comment-${id}`;
}

export function permalink(id: string): string {
  return `#${anchorId(encodeURIComponent(id))}`;
}

export function displayName(comment: Comment): string {
  return comment.author.name || de.anonymous;
}
