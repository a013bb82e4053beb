/**
 * schema.org `Comment` items for a discussion, as JSON-LD: what search
 * engines read of the comments under an article. One item per published
 * comment (none for pending, deleted, removed or rejected ones, nor for
 * records that fail the checks), with the author's name, the time, the text,
 * the permalink, the comment it answers and the reactions it has.
 */
import type {Comment} from '../model/comment.js';
import {de} from '../i18n/de.js';
import {parseComments} from '../model/parse.js';
import {permalink} from '../elements/article-comments/templates/names.js';

export interface JsonLdOptions {
  /** The article's absolute URL (the comments are `about` it; permalinks are made from it). */
  pageUrl: string;
}

export interface CommentJsonLd {
  '@context': 'https://schema.org';
  '@type': 'Comment';
  '@id': string;
  url: string;
  author: {'@type': 'Person'; name: string};
  datePublished?: string;
  dateModified?: string;
  text: string;
  about: {'@id': string};
  parentItem?: {'@id': string};
  upvoteCount?: number;
}

/** The items for `records` (unchecked, as an adapter returns them). */
export function commentsJsonLd(records: readonly unknown[], {pageUrl}: JsonLdOptions): CommentJsonLd[] {
  const page = String(pageUrl ?? '').replace(/#.*$/, '');
  const {comments} = parseComments(Array.isArray(records) ? records : []);
  const published = new Set(comments.filter(isIndexable).map((comment) => comment.id));
  const url = (id: string) => `${page}${permalink(id)}`;
  return comments
    .filter((comment) => published.has(comment.id))
    .map((comment) => {
      const item: CommentJsonLd = {
        '@context': 'https://schema.org',
        '@type': 'Comment',
        '@id': url(comment.id),
        url: url(comment.id),
        author: {'@type': 'Person', name: comment.author.name || de.anonymous},
        text: comment.body,
        about: {'@id': page},
      };
      if (comment.createdAt !== null) item.datePublished = new Date(comment.createdAt).toISOString();
      if (comment.editedAt !== null) item.dateModified = new Date(comment.editedAt).toISOString();
      if (comment.parentId !== null) item.parentItem = {'@id': url(comment.parentId)};
      if (comment.reactions > 0) item.upvoteCount = comment.reactions;
      return item;
    });
}

function isIndexable(comment: Comment): boolean {
  return comment.status === 'published' && comment.readable;
}
