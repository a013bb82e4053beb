// What signed-in authors may do with their own comments in the reference
// server (docs/rest-api.md, "Own comments"): change the text within the edit
// window, delete (and take it back within the undo window), and have an
// e-mail sent when someone answers. Plus how a comment is shown to whom: its
// author gets `editableUntil`, `restorableUntil` and `notify`, nobody else
// does; a deleted comment reaches others without its text and name.
//
// What only the server may know lives beside the records, per thread and
// comment in `thread.authors` ({email, reader, token, deletedUntil,
// statusBefore}), never in a record, so no answer can leak it.
import {randomBytes} from 'node:crypto';
import {isEmail} from './sessions.mjs';

const iso = (ms) => new Date(ms).toISOString();
const length = (text) => [...text].length;
const number = (value) => new Intl.NumberFormat('de-DE').format(value);

export const EMAIL_INVALID = 'Bitte geben Sie eine gültige E-Mail-Adresse an.';
/** Statuses a comment's author may change the text of, have notifications for, or delete. */
const EDITABLE = ['published'];
const DELETABLE = ['published', 'pending'];

/** Whether `viewer` wrote `comment` (signed in, same account id). */
export const isAuthor = (comment, viewer) =>
  Boolean(viewer && typeof comment?.author?.id === 'string' && comment.author.id !== '' && comment.author.id === viewer.id);

/** Whether a comment is sent to `viewer`: a rejected one only to its author. */
export const shownTo = (comment, viewer) => Boolean(comment) && (comment.status !== 'rejected' || isAuthor(comment, viewer));

/** The server-only data of a comment, made on first use. */
export function authorData(thread, id) {
  let data = thread.authors.get(id);
  if (!data) {
    data = {};
    thread.authors.set(id, data);
  }
  return data;
}

/**
 * A comment (`base`: the record as presented with its reactions) as `viewer`
 * sees it. Fields only its author may see are dropped from anything else,
 * including records seeded with them.
 */
export function viewOf(thread, comment, base, viewer, windows) {
  const {editableUntil, restorableUntil, notify, ...shown} = base;
  const own = isAuthor(comment, viewer);
  const data = thread.authors.get(comment.id) ?? {};
  if (comment.status === 'deleted') {
    // The text stays on the server (it can be restored); nobody is sent it.
    const gone = {...shown, body: '', quote: null, author: own ? {...comment.author} : {name: ''}};
    if (!own) return gone;
    return {...gone, ...(data.deletedUntil ? {restorableUntil: iso(data.deletedUntil)} : {}), notify: Boolean(data.email)};
  }
  if (!own) return shown;
  const extra = {notify: Boolean(data.email)};
  const created = Date.parse(comment.createdAt);
  if (EDITABLE.includes(comment.status ?? 'published') && !Number.isNaN(created)) extra.editableUntil = iso(created + windows.edit);
  return {...shown, ...extra};
}

/** The German message for a comment text that cannot be taken, or undefined. */
export function bodyError(body, parentId, maxLength) {
  const what = parentId === null || parentId === undefined ? {empty: 'einen Kommentar', yours: 'Ihr Kommentar'} : {empty: 'eine Antwort', yours: 'Ihre Antwort'};
  if (!body) return `Bitte schreiben Sie ${what.empty}.`;
  if (length(body) > maxLength) return `${what.yours} ist ${number(length(body))} Zeichen lang – erlaubt sind höchstens ${number(maxLength)}.`;
  return undefined;
}

/**
 * The address reply notifications go to, from a post's `notify` or a PUT's
 * `email`: '' means the signed-in reader's own. `{email}`, or `{error}`.
 */
export function notifyAddress(email, viewer) {
  const given = typeof email === 'string' ? email.trim() : '';
  const address = given === '' ? viewer?.email ?? '' : given;
  return isEmail(address) ? {email: address} : {error: EMAIL_INVALID};
}

/** Sets where a comment's reply notifications go (null: off); its unsubscribe token stays the same. */
export function setNotify(thread, id, email, reader) {
  const data = authorData(thread, id);
  data.email = email;
  if (email && !data.token) data.token = randomBytes(18).toString('base64url');
  if (reader) data.reader = reader;
}

/** The first words of a text, for a mail: at most `max` characters, cut at a space. */
function excerpt(text, max = 200) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (length(flat) <= max) return flat;
  const cut = [...flat].slice(0, max).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()} …`;
}

/**
 * The mail to the author of `parent` about `reply`, or undefined: only when
 * they asked for notifications, the reply is published and its writer is
 * not the parent's author (same account, or the same X-Reader-Id).
 */
export function replyMail({thread, threadId, parent, reply, viewer, reader, unsubscribeBase}) {
  const data = thread.authors.get(parent.id);
  if (!data?.email || parent.status !== 'published' || reply.status !== 'published') return undefined;
  if (isAuthor(parent, viewer) || (reader && data.reader === reader)) return undefined;
  const who = reply.author.name || 'Jemand';
  const unsubscribe = `${unsubscribeBase}?token=${encodeURIComponent(data.token)}`;
  return {
    to: data.email,
    thread: threadId,
    commentId: parent.id,
    replyId: reply.id,
    subject: 'Neue Antwort auf Ihren Kommentar',
    text:
      `Guten Tag,\n\n${who} hat auf Ihren Kommentar geantwortet:\n\n„${excerpt(reply.body)}“\n\n` +
      `Sie erhalten diese E-Mail, weil Sie sich über Antworten auf Ihren Kommentar benachrichtigen lassen. ` +
      `Keine weiteren E-Mails zu diesem Kommentar: ${unsubscribe}\n`,
    unsubscribe,
  };
}

/**
 * The handlers of PATCH/DELETE …/comments/{id}, POST …/restore,
 * PUT …/notifications and GET {prefix}/unsubscribe. `ctx` gives what they
 * share with the server: {store, send, fail, jsonBody, takeTurn, broadcast,
 * view, windowsFor, maxLength, isClosed, htmlPage}.
 */
export function createOwnHandlers(ctx) {
  const {store, send, fail} = ctx;

  /** The comment a signed-in author acts on, or undefined after answering why not. */
  function ownComment(response, thread, commentId, viewer, statuses) {
    if (!viewer) {
      fail(response, 401, 'login-required', 'Sign in to change your comments.', {}, {'WWW-Authenticate': 'Bearer'});
      return undefined;
    }
    const comment = thread.comments.get(commentId);
    if (!comment || !statuses.includes(comment.status ?? 'published')) {
      fail(response, 404, 'not-found', 'No such comment.');
      return undefined;
    }
    if (!isAuthor(comment, viewer)) {
      fail(response, 403, 'forbidden', 'Only its author may change this comment.');
      return undefined;
    }
    return comment;
  }

  /** Stores a changed comment, tells every stream and answers the author's copy. */
  function change(response, threadId, changed, viewer, reader) {
    const sequence = store.put(threadId, changed);
    ctx.broadcast(threadId, changed, sequence);
    const answer = {comment: ctx.view(threadId, changed, viewer, reader)};
    send(response, 200, answer);
    return answer;
  }

  /** PATCH …/comments/{id} {body}: the author changes the text within the edit window. */
  async function edit(request, response, threadId, commentId, viewer, reader) {
    const thread = store.thread(threadId);
    const key = request.headers['idempotency-key'];
    if (!viewer) return ownComment(response, thread, commentId, viewer, EDITABLE);
    const slot = typeof key === 'string' ? `edit\u0000${viewer.id}\u0000${commentId}\u0000${key}` : undefined;
    if (slot) {
      await ctx.takeTurn(`${threadId}\u0000${slot}`, response);
      // A repeat: the first answer, also once the window has passed.
      const first = thread.editKeys.get(slot);
      if (first) return send(response, 200, first, {'Idempotent-Replayed': 'true'});
    }
    const comment = ownComment(response, thread, commentId, viewer, EDITABLE);
    if (!comment) return;
    if (ctx.isClosed(thread)) return fail(response, 403, 'closed', 'This discussion is closed.');
    const until = Date.parse(comment.createdAt) + ctx.windowsFor(threadId).edit;
    if (!(Date.now() < until)) return fail(response, 403, 'edit-window-closed', 'The time to edit this comment has passed.');
    const input = await ctx.jsonBody(request, response);
    if (input === undefined) return;
    const body = typeof input?.body === 'string' ? input.body.trim() : '';
    const error = bodyError(body, comment.parentId, ctx.maxLength);
    if (error) return fail(response, 422, 'invalid', 'The change was rejected.', {fields: {body: error}});
    const answer = change(response, threadId, {...comment, body, editedAt: new Date().toISOString()}, viewer, reader);
    if (slot) {
      thread.editKeys.set(slot, answer);
      store.save();
    }
  }

  /** DELETE …/comments/{id}: the author deletes; the replies stay. Again: the same answer. */
  function remove(request, response, threadId, commentId, viewer, reader) {
    const thread = store.thread(threadId);
    const comment = ownComment(response, thread, commentId, viewer, [...DELETABLE, 'deleted']);
    if (!comment) return;
    if (comment.status === 'deleted') return send(response, 200, {comment: ctx.view(threadId, comment, viewer, reader)});
    const data = authorData(thread, commentId);
    data.statusBefore = comment.status ?? 'published';
    data.deletedUntil = Date.now() + ctx.windowsFor(threadId).undo;
    change(response, threadId, {...comment, status: 'deleted'}, viewer, reader);
  }

  /** POST …/comments/{id}/restore: takes a deletion back within the undo window. Again: the same answer. */
  function restore(request, response, threadId, commentId, viewer, reader) {
    const thread = store.thread(threadId);
    const comment = ownComment(response, thread, commentId, viewer, [...DELETABLE, 'deleted']);
    if (!comment) return;
    if (comment.status !== 'deleted') return send(response, 200, {comment: ctx.view(threadId, comment, viewer, reader)});
    const data = authorData(thread, commentId);
    if (!(data.deletedUntil && Date.now() < data.deletedUntil)) {
      return fail(response, 403, 'undo-window-closed', 'The time to undo the deletion has passed.');
    }
    const status = data.statusBefore ?? 'published';
    delete data.deletedUntil;
    delete data.statusBefore;
    change(response, threadId, {...comment, status}, viewer, reader);
  }

  /** PUT …/comments/{id}/notifications {enabled, email}: the author turns reply notifications on or off. */
  async function notifications(request, response, threadId, commentId, viewer, reader) {
    const thread = store.thread(threadId);
    const comment = ownComment(response, thread, commentId, viewer, DELETABLE);
    if (!comment) return;
    const input = await ctx.jsonBody(request, response);
    if (input === undefined) return;
    if (typeof input?.enabled !== 'boolean') return fail(response, 400, 'invalid', 'enabled must be true or false.');
    if (input.enabled) {
      const address = notifyAddress(input.email, viewer);
      if (address.error) return fail(response, 422, 'invalid', 'The address was rejected.', {fields: {email: address.error}});
      setNotify(thread, commentId, address.email);
    } else {
      setNotify(thread, commentId, null);
    }
    store.save();
    return send(response, 200, {comment: ctx.view(threadId, comment, viewer, reader)});
  }

  /** GET {prefix}/unsubscribe?token=…: the link in every mail turns that comment's notifications off. */
  function unsubscribe(request, response, url) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(response, 405, 'invalid', 'Method not allowed.');
    const token = url.searchParams.get('token') ?? '';
    for (const thread of store.threads.values()) {
      for (const data of thread.authors.values()) {
        if (!token || data.token !== token) continue;
        if (data.email) {
          data.email = null;
          store.save();
        }
        return ctx.htmlPage(
          response,
          200,
          'Benachrichtigungen abbestellt',
          '<p>Sie erhalten keine E-Mails mehr über Antworten auf diesen Kommentar.</p>'
        );
      }
    }
    return ctx.htmlPage(response, 404, 'Link ungültig', '<p>Dieser Link zum Abbestellen ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail übernommen haben.</p>');
  }

  return {edit, remove, restore, notifications, unsubscribe};
}
