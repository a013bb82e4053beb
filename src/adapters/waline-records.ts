/**
 * Waline's comments and answers in our format, as plain functions (see
 * waline-adapter.ts): its HTML reduced to text, its flattened replies given
 * their parents, its moderation status mapped to ours, its likes as
 * reactions and its `sticky` as `pinned`, its errors as typed ones.
 */
import type {CommentRecord, Status} from '../model/comment.js';
import {germanErrors} from '../i18n/de.js';
import {composerText} from '../i18n/composer.js';
import {isRecord} from '../model/is-record.js';
import {parseDate, readId} from '../model/parse.js';
import {RateLimitedError, ServerError, UnexpectedResponseError, ValidationError} from './errors.js';
import {htmlToText} from './html-to-text.js';

/**
 * One comment as Waline sends it, unchecked. The fields we use: objectId,
 * nick, comment (HTML), orig (what was typed), time (epoch ms), pid, rid,
 * type, status, url, like (a count), sticky (0/1 or a boolean), user_id
 * (the account of a signed-in author), children.
 */
export type WalineComment = Record<string, unknown>;

export interface WalineAnswer {
  errno: number;
  errmsg: unknown;
  data: unknown;
}

export function isAnswer(value: unknown): value is WalineAnswer {
  return isRecord(value) && typeof value.errno === 'number';
}

/** The `data` of Waline's `{errno, errmsg, data}`; its errors (HTTP 200 with an errno) as typed ones. */
export function unwrap(answer: unknown): unknown {
  if (!isAnswer(answer)) throw new UnexpectedResponseError('Waline answered without {errno, errmsg, data}.');
  if (answer.errno === 0) return answer.data;
  const message = typeof answer.errmsg === 'string' ? answer.errmsg : JSON.stringify(answer.errmsg);
  if (answer.errno === 1001 && isRecord(answer.errmsg)) {
    const fields = answer.errmsg;
    throw new ValidationError(
      {
        ...(fields.comment !== undefined ? {body: composerText.bodyEmpty} : {}),
        ...(fields.nick !== undefined ? {name: composerText.nameEmpty} : {}),
        ...(fields.comment === undefined && fields.nick === undefined ? {form: germanErrors.invalid} : {}),
      },
      message
    );
  }
  if (message === 'Comment too fast!') throw new RateLimitedError(null);
  if (answer.errno >= 500 && answer.errno < 1000) throw new ServerError(answer.errno);
  throw new ValidationError({form: germanErrors.invalid}, message);
}

/**
 * Flattens Waline's roots with their `children` into records (`toRecord`),
 * replies oldest first. Entries that are not objects are kept apart
 * (`others`), for the widget's check to report.
 */
export function flatten(
  roots: readonly unknown[],
  make: (comment: WalineComment, threadIds: ReadonlySet<string | null>) => CommentRecord
): {records: CommentRecord[]; others: unknown[]} {
  const records: CommentRecord[] = [];
  const others: unknown[] = [];
  for (const root of roots) {
    if (!isRecord(root)) {
      others.push(root);
      continue;
    }
    const all: unknown[] = Array.isArray(root.children) ? root.children : [];
    const children = all
      .filter(isRecord)
      .sort((a, b) => number(a.time) - number(b.time) || number(Number(a.objectId)) - number(Number(b.objectId)));
    others.push(...all.filter((child) => !isRecord(child)));
    const ids = new Set([id(root.objectId), ...children.map((child) => id(child.objectId))]);
    records.push(make(root, ids));
    for (const child of children) records.push(make(child, ids));
  }
  return {records, others};
}

export const id = (value: unknown) => readId(value) ?? null;
export const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
export const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * Waline's moderation states (`approved`, `waiting`, `spam`; its
 * `WalineCommentStatus`). It sends `waiting` and `spam` comments only to their
 * logged-in author and to administrators, never to anonymous readers, which
 * fits `pending` and `rejected`. Old Valine data has no status: approved.
 */
const STATUS: Record<string, Status> = {approved: 'published', waiting: 'pending', spam: 'rejected'};

/** Our status for a Waline status; one we do not know hides the text (`removed`). */
export function walineStatus(status: unknown): Status {
  const value = text(status) ?? 'approved';
  return Object.hasOwn(STATUS, value) ? STATUS[value] : 'removed';
}

/** Characters that would make Waline's Markdown change a reader's plain text. */
export const MARKDOWN = /[\\`*_[\]<>~^$|]|^\s*(#|[-+]\s|\d+[.)]\s)|^\s*>/m;

/** Escapes a reader's plain text so Waline's Markdown shows it as written. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_[\]<>~^$|]/g, '\\$&')
    .replace(/^(\s*)(#|[-+]\s|\d+[.)]\s)/gm, (_, space: string, marker: string) => `${space}\\${marker}`);
}

/**
 * A Waline comment in our format. Its parent: `pid` if that comment is in
 * `threadIds` (the comments of its Waline thread), else the thread's root
 * `rid`. Its text: what the reader typed if plain, else its HTML as text.
 */
export function toRecord(comment: WalineComment, threadIds: ReadonlySet<string | null>): CommentRecord {
  const pid = id(comment.pid);
  const rid = id(comment.rid);
  const parentId = pid !== null && threadIds.has(pid) ? pid : rid;
  const orig = text(comment.orig);
  const html = text(comment.comment) ?? '';
  let body = orig !== undefined && !MARKDOWN.test(orig) ? orig.trim() : htmlToText(html);
  let quote: CommentRecord['quote'] = null;
  // A quote we posted is a leading Markdown blockquote: show it as a quote again.
  const quoted = /^\s*<blockquote>([\s\S]*?)<\/blockquote>/i.exec(html);
  if (quoted && (orig === undefined || MARKDOWN.test(orig))) {
    quote = {text: htmlToText(quoted[1]), source: parentId ?? 'article'};
    body = htmlToText(html.slice(quoted.index + quoted[0].length));
  }
  const time = parseDate(typeof comment.time === 'number' ? comment.time : undefined);
  const userId = id(comment.user_id);
  return {
    // Without an id the widget's check drops the record and reports it.
    id: id(comment.objectId) ?? '',
    parentId,
    // `user_id`: the Waline account that wrote it (signed in), whose `objectId` a viewer's id is.
    author: {name: text(comment.nick) ?? '', role: comment.type === 'administrator' ? 'staff' : 'reader', ...(userId === null ? {} : {id: userId})},
    body,
    quote,
    createdAt: time === undefined ? '' : new Date(time).toISOString(),
    editedAt: null,
    status: walineStatus(comment.status),
    // Counted by Waline; whether this reader liked it the adapter knows (waline-likes.ts).
    reactions: Number.isSafeInteger(comment.like) && (comment.like as number) > 0 ? (comment.like as number) : 0,
    // Waline's "Sticky" (an administrator's setting): 1 or true in its answers.
    pinned: comment.sticky === true || comment.sticky === 1 || comment.sticky === '1',
  };
}
