// A reference implementation of the REST contract in docs/rest-api.md, in
// plain Node.js with no dependencies. The tests run the REST adapter against
// it, `npm start` serves the demo's REST page with it, and a backend team can
// read it next to the document.
//
//   import {createCommentServer} from './server/reference-server.mjs';
//   const server = createCommentServer({dataFile: '.data/comments.json'});
//
// Options:
//   dataFile     keep the store in this JSON file (the demo); default: memory only
//   seed         {thread: [records]} to start with
//   cors         allowed origins (array) or '*' to echo any origin (default '*'); a list is also
//                trusted for signed-in requests by cookie and for the login's return addresses
//   maxLength    longest comment accepted (default 2000)
//   closed       thread ids that accept no new comments
//   staffToken   the bearer token of the publisher's staff: GET {prefix}/reports lists reports only with it
//   control      expose POST /__control/* for tests to inject failures, close discussions, set flags, read reports
//   fallback     (request, response) => handled, for requests outside the API (e.g. static files)
//   prefix       URL path prefix of the API (default '/api')
//   loginRequired  thread ids where only signed-in readers may post
//   editWindow   ms after posting in which a signed-in author may change the text (default 15 minutes)
//   undoWindow   ms after deleting in which the author may take it back (default 30 s)
//   publicBase   the server's public origin for links in mails (default: from the request's Host)
//   logMail      log every reply notification mail to stdout, one line each (the demo)
//   demoLogin    serve the demo's /login and /logout pages (default true)
//
// Sessions (server/sessions.mjs): a request is signed in by the cookie
// `ac_session=<token>` or `Authorization: Bearer <token>`; tests make them with
// POST /__control/session, the demo with its /login page. Requests that
// change something (POST, PUT, PATCH, DELETE under the prefix) must send a
// body as JSON, and signed in by cookie, come from the server's own origin
// or a trusted one (`Origin`), against cross-site requests. Authors' own
// comments (edit, delete, notifications): server/own-comments.mjs.
//
// A test hook, of this server only (not part of the contract): a posted comment
// whose text contains "[[reject]]" is stored as `rejected`, as if moderation
// had refused it; the POST answer returns it so, and nobody else is sent it.
import {createHash, randomUUID, timingSafeEqual} from 'node:crypto';
import {createServer} from 'node:http';
import {compare, countAt, decodeCursor, encodeCursor, placeOf, present, recordPinned} from './reactions.mjs';
import {normalizeReport, reportErrors} from './report-rules.mjs';
import {authorData, bodyError, createOwnHandlers, isAuthor, notifyAddress, replyMail, setNotify, shownTo, viewOf} from './own-comments.mjs';
import {checkedViewer, createSessions, htmlPage} from './sessions.mjs';
import {Store} from './store.mjs';

const MAX_NAME = 60;
/** Threads per GET {prefix}/counts. */
const MAX_COUNTS = 100;
const REJECT_MARKER = '[[reject]]';

const length = (text) => [...text].length;
const number = (value) => new Intl.NumberFormat('de-DE').format(value);

/**
 * A comment `viewer` may be sent, by id: a rejected one goes only to its
 * author (signed in); anonymous authors get it as the answer to the post only.
 */
function visibleComment(thread, id, viewer = null) {
  const comment = thread.comments.get(id);
  return shownTo(comment, viewer) ? comment : undefined;
}

/** A comment that can be answered, reported or reacted to: one everybody sees, not deleted. */
function openComment(thread, id) {
  const comment = visibleComment(thread, id);
  return comment && comment.status !== 'deleted' ? comment : undefined;
}

/** Closed by the publisher, or because its `closesAt` has passed. */
function isClosed(thread, now = Date.now()) {
  const closesAt = Date.parse(thread.discussion.closesAt ?? '');
  return thread.discussion.closed === true || (!Number.isNaN(closesAt) && now >= closesAt);
}

/** Published comments, all levels: the list's `total` and the count of GET {prefix}/counts. */
function publishedCount(thread) {
  return [...thread.comments.values()].filter((c) => (c.status ?? 'published') === 'published').length;
}

/** The reader a request is made for (`X-Reader-Id`), if any. */
function readerOf(request) {
  const reader = request.headers['x-reader-id'];
  return typeof reader === 'string' && reader.trim() !== '' ? reader.trim().slice(0, 200) : undefined;
}

/** Methods that change something: checked against cross-site requests (see `crossSiteRefusal`). */
const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a request has a body: a length above 0, or a chunked one. */
function hasBody(request) {
  return Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
}

/** The media type of a Content-Type header, in lower case, without parameters. */
const mediaType = (value) => (typeof value === 'string' ? value.split(';')[0].trim().toLowerCase() : '');

/** The same-length comparison of a presented token with the configured one. */
function sameToken(given, expected) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A page of top-level comments (keyset cursor) with all their replies, as
 * `viewer` sees them (`view`). The first page fixes `asOf`: later pages place
 * the comments by their counts and pins as they were then.
 */
function page(thread, {sort, limit, cursor, viewer, view}) {
  const asOf = cursor?.asOf ?? thread.sequence;
  const children = new Map();
  for (const comment of thread.comments.values()) {
    if (!shownTo(comment, viewer)) continue;
    const parent = comment.parentId && visibleComment(thread, comment.parentId, viewer) ? comment.parentId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(comment);
  }
  const roots = (children.get('') ?? [])
    .map((comment) => ({comment, ...placeOf(thread, comment, sort, asOf)}))
    .filter((root) => !cursor || compare(root, cursor, sort) > 0)
    .sort((a, b) => compare(a, b, sort));
  const chosen = roots.slice(0, limit);
  const comments = [];
  for (const {comment} of chosen) {
    const stack = [comment];
    while (stack.length) {
      const next = stack.shift();
      comments.push(view(next));
      stack.unshift(...(children.get(next.id) ?? []));
    }
  }
  const last = chosen.at(-1);
  return {comments, nextCursor: roots.length > chosen.length && last ? encodeCursor(asOf, last) : null};
}

/**
 * Cuts the connection in the middle of an answer. (Closing it before any
 * answer is not a visible failure: browsers silently resend the request on a
 * fresh connection.)
 */
function dropMidAnswer(response) {
  response.writeHead(200, {'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '4096'});
  response.write('{"id": ');
  setTimeout(() => response.socket?.destroy(), 20);
}

function readBody(request, limit = 64 * 1024) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    request.on('data', (chunk) => {
      size += chunk.length;
      // Too large: stop keeping it (the rest is read and dropped, so the 413 can be sent).
      if (size > limit) reject(Object.assign(new Error('too large'), {status: 413}));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function createCommentServer(options = {}) {
  const prefix = options.prefix ?? '/api';
  const store = new Store(options);
  const maxLength = options.maxLength ?? 2000;
  for (const threadId of options.closed ?? []) store.thread(threadId).discussion.closed = true;
  for (const threadId of options.loginRequired ?? []) store.thread(threadId).discussion.loginRequired = true;
  let staffToken = options.staffToken;
  // Origins trusted besides a request's own: the `cors` list, the public origin behind a proxy.
  const sessions = createSessions({trusted: [...(Array.isArray(options.cors) ? options.cors : []), ...(options.publicBase ? [options.publicBase] : [])]});
  /** How long authors may edit and undo a deletion; tests change them per server or per thread. */
  const windows = {edit: options.editWindow ?? 15 * 60_000, undo: options.undoWindow ?? 30_000};
  const threadWindows = new Map();
  const windowsFor = (threadId) => ({...windows, ...threadWindows.get(threadId)});
  /** Reply notification mails "sent", oldest first. */
  const outbox = [];
  const streams = new Map(); // thread -> Set<{response, reader, token}>
  /** Posts and reports being stored, by thread and idempotency key: a repeat waits for the first. */
  const inFlight = new Map();
  /** Failures queued by tests through /__control/fail. */
  let failures = [];
  /** Requests whose answer is lost after they stored (failure mode `after-store`). */
  const dropAfterStore = new WeakSet();
  let requestLog = [];

  /** The list answer's `discussion`, also sent when it changes. */
  function discussionOf(thread) {
    return {...thread.discussion, closed: isClosed(thread), maxLength, anonymous: false};
  }

  /** A comment as `viewer` (signed in, or null) and `reader` (X-Reader-Id) see it. */
  function view(threadId, comment, viewer, reader) {
    const thread = store.thread(threadId);
    return viewOf(thread, comment, present(thread, comment, reader), viewer, windowsFor(threadId));
  }

  /**
   * Makes a request with an idempotency key wait while another with the same
   * key is being handled, then holds the key until this one is answered.
   */
  async function takeTurn(slot, response) {
    const running = inFlight.get(slot);
    if (running) await running;
    let done = () => {};
    inFlight.set(slot, new Promise((resolve) => (done = resolve)));
    response.on('close', () => {
      inFlight.delete(slot);
      done();
    });
  }

  // Any origin may read (no cookies then); only listed origins may send credentials.
  function cors(request, response) {
    const origin = request.headers.origin;
    const allowed = options.cors ?? '*';
    if (!origin) return;
    if (allowed === '*') {
      response.setHeader('Access-Control-Allow-Origin', '*');
    } else if (allowed.includes(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Credentials', 'true');
    } else {
      return;
    }
    response.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After, Idempotent-Replayed');
  }

  function send(response, status, body, headers = {}) {
    response.writeHead(status, {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache', ...headers});
    response.end(body === undefined ? undefined : JSON.stringify(body));
  }

  function fail(response, status, code, message, extra = {}, headers = {}) {
    send(response, status, {error: {code, message, ...extra}}, headers);
  }

  /** Sends an added or changed comment to every open stream of the thread, as each stream's viewer and reader see it. */
  function broadcast(threadId, comment, sequence) {
    const thread = store.thread(threadId);
    for (const {response, reader, token} of streams.get(threadId) ?? []) {
      // The session as it is now: a reader who signed out gets no author's copies any more.
      const viewer = sessions.viewerFor(token);
      if (!shownTo(comment, viewer)) continue;
      response.write(`id: ${sequence}\nevent: comment\ndata: ${JSON.stringify(view(threadId, comment, viewer, reader))}\n\n`);
    }
  }

  function discussionEvent(thread) {
    return `id: ${thread.discussionChange}\nevent: discussion\ndata: ${JSON.stringify({discussion: discussionOf(thread)})}\n\n`;
  }

  /** Closes, reopens or reschedules a discussion and tells every open stream. */
  function setDiscussion(threadId, discussion) {
    store.setDiscussion(threadId, discussion);
    const thread = store.thread(threadId);
    for (const {response} of streams.get(threadId) ?? []) response.write(discussionEvent(thread));
  }

  const own = createOwnHandlers({
    store,
    send,
    fail,
    jsonBody: (request, response) => jsonBody(request, response),
    takeTurn,
    broadcast,
    view,
    windowsFor,
    maxLength,
    isClosed,
    htmlPage,
  });

  /** Reports as the staff listing shows them, oldest first. */
  function listReports(threadId) {
    const threads = threadId ? [store.thread(threadId)] : [...store.threads.values()];
    return threads
      .flatMap((thread) => thread.reports)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  }

  /** Applies a failure queued by a test, if one matches. Returns true when it answered. */
  function injectFailure(request, response, path) {
    const index = failures.findIndex(
      (f) => (!f.method || f.method === request.method) && (!f.path || path.includes(f.path))
    );
    if (index < 0) return false;
    const failure = failures[index];
    if (--failure.count <= 0) failures.splice(index, 1);
    switch (failure.mode) {
      case 'hang':
        return true; // never answers: the client's timeout must fire
      case 'drop':
        dropMidAnswer(response);
        return true;
      case 'stall':
        // Headers, then nothing: the client's timeout must cover the body too.
        response.writeHead(200, {'Content-Type': 'application/json'});
        response.write('{"comments": [');
        return true;
      case 'garbage':
        response.writeHead(200, {'Content-Type': 'text/html'});
        response.end('<html><body>Wartungsarbeiten</body></html>');
        return true;
      case 'wrong-shape':
        send(response, 200, {items: []});
        return true;
      case 'after-store':
        // Stores the comment (or report), then loses the answer: a retry must not store it twice.
        dropAfterStore.add(request);
        return false;
      default:
        fail(response, failure.status ?? 500, failure.code ?? 'server', failure.message ?? 'Injected failure', failure.extra ?? {}, failure.headers ?? {});
        return true;
    }
  }

  /** Reads a JSON body; answers 400/413 itself and returns undefined when it is not one. */
  async function jsonBody(request, response) {
    try {
      return JSON.parse(await readBody(request));
    } catch (error) {
      if (error.status === 413) fail(response, 413, 'invalid', 'The body is too large.', {}, {Connection: 'close'});
      else fail(response, 400, 'invalid', 'The body is not JSON.');
      return undefined;
    }
  }

  /** Sends a stored answer, or cuts it off when a test asked for the answer to be lost. */
  function answerStored(request, response, status, body) {
    if (dropAfterStore.has(request)) return dropMidAnswer(response);
    send(response, status, body);
  }

  /** GET {prefix}/reports: the publisher's staff reads every report (bearer token). */
  function handleStaff(request, response, url) {
    if (request.method !== 'GET') return fail(response, 405, 'invalid', 'Method not allowed.');
    const authorization = request.headers.authorization ?? '';
    if (!/^Bearer\s+\S/i.test(authorization)) {
      return fail(response, 401, 'forbidden', 'Staff only: send Authorization: Bearer <token>.', {}, {'WWW-Authenticate': 'Bearer'});
    }
    if (!staffToken || !sameToken(authorization.replace(/^Bearer\s+/i, ''), staffToken)) {
      return fail(response, 403, 'forbidden', 'This token may not read reports.');
    }
    return send(response, 200, {reports: listReports(url.searchParams.get('thread'))});
  }

  /**
   * Why a request that changes something is refused as possibly cross-site,
   * as [status, code, message], or undefined. A body must be JSON (no HTML
   * form can send that to another site without a preflight); signed in by
   * cookie (not a bearer token), its `Origin`, when sent, must be the
   * server's own or a trusted one. (`POST …/restore` and `DELETE` have no
   * body: the Origin check covers them.)
   */
  function crossSiteRefusal(request, session) {
    if (!CHANGING.has(request.method)) return undefined;
    if (hasBody(request) && mediaType(request.headers['content-type']) !== 'application/json') {
      return [415, 'invalid', 'Send the body as Content-Type: application/json.'];
    }
    const origin = request.headers.origin;
    if (session?.via === 'cookie' && origin !== undefined && !sessions.trusts(request, origin)) {
      return [403, 'forbidden', 'Requests signed in by cookie must come from this site or an allowed origin.'];
    }
    return undefined;
  }

  async function handleApi(request, response, url) {
    const path = url.pathname.slice(prefix.length);
    requestLog.push({method: request.method, path, query: url.search, headers: {...request.headers}});
    // Answers differ per reader (`reacted`) and per signed-in viewer (their own comments, `viewer`).
    response.setHeader('Vary', 'Origin, X-Reader-Id, Cookie, Authorization');
    const session = sessions.sessionOf(request);
    const refusal = crossSiteRefusal(request, session);
    if (refusal) return fail(response, ...refusal);
    if (/^\/reports\/?$/.test(path)) return handleStaff(request, response, url);
    if (/^\/counts\/?$/.test(path)) return injectFailure(request, response, path + url.search) || handleCounts(request, response, url);
    if (/^\/unsubscribe\/?$/.test(path)) return own.unsubscribe(request, response, url);
    const viewer = session?.viewer ?? null;
    if (/^\/session\/?$/.test(path)) {
      if (request.method !== 'GET') return fail(response, 405, 'invalid', 'Method not allowed.');
      return injectFailure(request, response, path) || send(response, 200, {viewer}, {'Cache-Control': 'no-store'});
    }
    const match = /^\/threads\/([^/]+)\/(comments|changes|events)(?:\/([^/]+)(\/reports|\/reaction|\/restore|\/notifications)?)?\/?$/.exec(path);
    if (!match) return fail(response, 404, 'not-found', 'No such endpoint.');
    if (injectFailure(request, response, path + url.search)) return;
    let threadId;
    let commentId;
    try {
      threadId = decodeURIComponent(match[1]);
      commentId = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
    } catch {
      return fail(response, 400, 'invalid', 'The thread or comment id is not valid percent-encoding.');
    }
    const thread = store.thread(threadId);
    const [, , resource, , action] = match;
    const reader = readerOf(request);

    if (resource === 'events' && request.method === 'GET' && commentId === undefined) {
      response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive'});
      response.write('retry: 1000\n\n');
      const since = Number(request.headers['last-event-id'] ?? NaN);
      if (Number.isFinite(since)) {
        for (const comment of thread.comments.values()) {
          const sequence = thread.changes.get(comment.id);
          if (sequence > since && shownTo(comment, viewer)) {
            response.write(`id: ${sequence}\nevent: comment\ndata: ${JSON.stringify(view(threadId, comment, viewer, reader))}\n\n`);
          }
        }
        if (thread.discussionChange > since) response.write(discussionEvent(thread));
      }
      if (!streams.has(threadId)) streams.set(threadId, new Set());
      const stream = {response, reader, token: sessions.tokenOf(request)};
      streams.get(threadId).add(stream);
      const heartbeat = setInterval(() => response.write(': ping\n\n'), 15_000);
      request.on('close', () => {
        clearInterval(heartbeat);
        streams.get(threadId)?.delete(stream);
      });
      return;
    }

    if (resource === 'changes' && request.method === 'GET' && commentId === undefined) {
      const since = Number(url.searchParams.get('since') ?? 0) || 0;
      const comments = [...thread.comments.values()]
        .filter((c) => thread.changes.get(c.id) > since && shownTo(c, viewer))
        .map((c) => view(threadId, c, viewer, reader));
      const discussion = thread.discussionChange > since ? {discussion: discussionOf(thread)} : {};
      return send(response, 200, {comments, ...discussion, changeToken: String(thread.sequence), viewer});
    }

    if (resource === 'comments' && action === '/reports' && request.method === 'POST') {
      return handleReport(request, response, threadId, commentId);
    }

    if (resource === 'comments' && action === '/reaction' && request.method === 'PUT') {
      return handleReaction(request, response, threadId, commentId, reader);
    }

    if (resource === 'comments' && commentId !== undefined) {
      const who = [request, response, threadId, commentId, viewer, reader];
      if (!action && request.method === 'PATCH') return own.edit(...who);
      if (!action && request.method === 'DELETE') return own.remove(...who);
      if (action === '/restore' && request.method === 'POST') return own.restore(...who);
      if (action === '/notifications' && request.method === 'PUT') return own.notifications(...who);
    }

    if (resource === 'comments' && commentId !== undefined && !action && request.method === 'GET') {
      const path = [];
      const seen = new Set();
      for (let c = visibleComment(thread, commentId, viewer); c && !seen.has(c.id); c = visibleComment(thread, c.parentId, viewer)) {
        seen.add(c.id);
        path.unshift(view(threadId, c, viewer, reader));
      }
      if (!path.length) return fail(response, 404, 'not-found', 'No such comment.');
      return send(response, 200, {comments: path});
    }

    if (resource === 'comments' && commentId === undefined && request.method === 'GET') {
      const sort = ['oldest', 'reactions'].includes(url.searchParams.get('sort')) ? url.searchParams.get('sort') : 'newest';
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit')) || 20));
      const rawCursor = url.searchParams.get('cursor');
      const cursor = rawCursor ? decodeCursor(rawCursor) : undefined;
      if (rawCursor && !cursor) return fail(response, 400, 'invalid', 'Unknown cursor.');
      // The sequence counts discussion changes too; whether it is closed also changes when closesAt passes.
      // Reactions change the sequence too; `reacted` differs per reader.
      // Own comments differ per viewer (and their `editableUntil` with the edit window).
      const {edit} = windowsFor(threadId);
      const account = viewer ? createHash('sha256').update(JSON.stringify(viewer)).digest('base64url').slice(0, 12) : '';
      const who = `${encodeURIComponent(reader ?? '')}-${encodeURIComponent(viewer?.id ?? '')}.${account}-${edit}`;
      const etag = `W/"${thread.sequence}-${sort}-${limit}-${rawCursor ?? ''}-${isClosed(thread)}-${who}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, {ETag: etag});
        return response.end();
      }
      const result = page(thread, {sort, limit, cursor, viewer, view: (c) => view(threadId, c, viewer, reader)});
      const total = publishedCount(thread);
      return send(
        response,
        200,
        {...result, total, discussion: discussionOf(thread), changeToken: String(thread.sequence), live: {events: true}, viewer},
        {ETag: etag}
      );
    }

    if (resource === 'comments' && commentId === undefined && request.method === 'POST') {
      return handlePost(request, response, threadId, viewer, reader);
    }

    return fail(response, 405, 'invalid', 'Method not allowed.');
  }

  /** GET {prefix}/counts?thread=a&thread=b: published comments (all levels) per thread, up to 100 threads. */
  function handleCounts(request, response, url) {
    if (request.method !== 'GET') return fail(response, 405, 'invalid', 'Method not allowed.');
    const threads = [...new Set(url.searchParams.getAll('thread'))];
    if (threads.length > MAX_COUNTS) return fail(response, 400, 'invalid', `At most ${MAX_COUNTS} threads per request.`);
    const counts = Object.fromEntries(threads.map((id) => [id, store.threads.has(id) ? publishedCount(store.thread(id)) : 0]));
    return send(response, 200, {counts});
  }

  /** PUT …/comments/{id}/reaction {reacted}: the reader's reaction as the state wanted (idempotent), also when closed. */
  async function handleReaction(request, response, threadId, commentId, reader) {
    if (!reader) return fail(response, 400, 'invalid', 'The X-Reader-Id header is required.');
    const thread = store.thread(threadId);
    const comment = openComment(thread, commentId);
    if (!comment) return fail(response, 404, 'not-found', 'No such comment.');
    const input = await jsonBody(request, response);
    if (input === undefined) return;
    if (typeof input?.reacted !== 'boolean') return fail(response, 400, 'invalid', 'reacted must be true or false.');
    const sequence = store.react(threadId, commentId, reader, input.reacted);
    if (sequence) broadcast(threadId, comment, sequence);
    return answerStored(request, response, 200, {reactions: countAt(thread, comment), reacted: input.reacted});
  }

  /** The answer to a post: the record as stored, with what its author may see (`notify`, `editableUntil`). */
  function authorsCopy(threadId, comment, viewer) {
    const thread = store.thread(threadId);
    return {...viewOf(thread, comment, comment, viewer, windowsFor(threadId)), notify: Boolean(thread.authors.get(comment.id)?.email)};
  }

  /**
   * The answer to a repeated post (same Idempotency-Key): the author's copy
   * only for its author (signed in: the same account; anonymous: the same
   * X-Reader-Id that posted it); anybody else gets the comment without
   * `notify`, `editableUntil` or `restorableUntil`.
   */
  function replayCopy(threadId, comment, viewer, reader) {
    const thread = store.thread(threadId);
    const poster = thread.authors.get(comment.id)?.reader;
    const anonymous = typeof comment.author?.id !== 'string' || comment.author.id === '';
    if (isAuthor(comment, viewer) || (anonymous && reader !== undefined && poster === reader)) return authorsCopy(threadId, comment, viewer);
    return viewOf(thread, comment, comment, viewer, windowsFor(threadId));
  }

  async function handlePost(request, response, threadId, viewer, reader) {
    const thread = store.thread(threadId);
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string') {
      await takeTurn(`${threadId}\u0000${key}`, response);
      // A repeat: answer with what the first request stored.
      if (thread.keys.has(key)) {
        const first = thread.comments.get(thread.keys.get(key));
        return send(response, 200, {comment: replayCopy(threadId, first, viewer, reader)}, {'Idempotent-Replayed': 'true'});
      }
    }
    if (isClosed(thread)) return fail(response, 403, 'closed', 'This discussion is closed.');
    if (thread.discussion.loginRequired === true && !viewer) {
      return fail(response, 401, 'login-required', 'Sign in to write in this discussion.', {}, {'WWW-Authenticate': 'Bearer'});
    }
    const input = await jsonBody(request, response);
    if (input === undefined) return;
    const fields = {};
    // Signed in: the account's name; the body's is ignored.
    const name = viewer ? viewer.name : typeof input?.author?.name === 'string' ? input.author.name.trim() : '';
    const body = typeof input?.body === 'string' ? input.body.trim() : '';
    const parentId = input?.parentId ?? null;
    if (!viewer && !name) fields.name = 'Bitte geben Sie einen Namen an.';
    else if (!viewer && length(name) > MAX_NAME) fields.name = `Der Name darf höchstens ${number(MAX_NAME)} Zeichen lang sein.`;
    const bodyProblem = bodyError(body, parentId, maxLength);
    if (bodyProblem) fields.body = bodyProblem;
    if (parentId !== null && !openComment(thread, parentId)) fields.parentId = 'Der Kommentar, auf den Sie antworten, existiert nicht mehr.';
    const wantsMail = input?.notify !== null && typeof input?.notify === 'object';
    const address = wantsMail ? notifyAddress(input.notify.email, viewer) : undefined;
    if (address?.error) fields.email = address.error;
    if (Object.keys(fields).length) return fail(response, 422, 'invalid', 'The comment was rejected.', {fields});
    const quote =
      input.quote && typeof input.quote.text === 'string' && typeof input.quote.source === 'string'
        ? {text: input.quote.text, source: input.quote.source}
        : null;
    const comment = {
      id: `r${randomUUID().slice(0, 8)}`,
      parentId,
      author: viewer ? {name, role: viewer.role ?? 'reader', id: viewer.id} : {name, role: 'reader'},
      body,
      quote,
      createdAt: new Date().toISOString(),
      editedAt: null,
      status: body.includes(REJECT_MARKER) ? 'rejected' : 'published',
    };
    // The address stays on the server; the reader's id tells a self-reply of an anonymous author,
    // and who may have the author's copy again when the post is repeated.
    if (address?.email) setNotify(thread, comment.id, address.email, reader);
    else if (!viewer && reader) authorData(thread, comment.id).reader = reader;
    const sequence = store.put(threadId, comment);
    if (typeof key === 'string') {
      thread.keys.set(key, comment.id);
      store.save();
    }
    broadcast(threadId, comment, sequence);
    if (parentId !== null) notifyParent(request, threadId, thread.comments.get(parentId), comment, viewer, reader);
    return answerStored(request, response, 201, {comment: authorsCopy(threadId, comment, viewer)});
  }

  /** Puts the mail about a reply into the outbox, when the parent's author asked for one. */
  function notifyParent(request, threadId, parent, reply, viewer, reader) {
    const base = options.publicBase ?? `http://${request.headers.host ?? 'localhost'}`;
    const thread = store.thread(threadId);
    const mail = replyMail({thread, threadId, parent, reply, viewer, reader, unsubscribeBase: `${base}${prefix}/unsubscribe`});
    if (!mail) return;
    outbox.push({...mail, sentAt: new Date().toISOString()});
    if (options.logMail) console.log(`[mail] an ${mail.to}: „${mail.subject}“ (${threadId}/${parent.id}, Antwort ${reply.id}) – abbestellen: ${mail.unsubscribe}`);
  }

  /** POST …/comments/{id}/reports: also on a closed discussion (reporting stays open). */
  async function handleReport(request, response, threadId, commentId) {
    const thread = store.thread(threadId);
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string') {
      await takeTurn(`${threadId}\u0000report\u0000${key}`, response);
      const first = thread.reports.find((report) => report.id === thread.reportKeys.get(key));
      if (first) return send(response, 200, {id: first.id, receivedAt: first.receivedAt}, {'Idempotent-Replayed': 'true'});
    }
    const comment = openComment(thread, commentId);
    if (!comment) return fail(response, 404, 'not-found', 'No such comment.');
    const input = await jsonBody(request, response);
    if (input === undefined) return;
    const report = normalizeReport(input);
    const fields = reportErrors(report);
    if (Object.keys(fields).length) return fail(response, 422, 'invalid', 'The report was rejected.', {fields});
    const stored = {
      id: `M-${randomUUID().slice(0, 8).toUpperCase()}`,
      receivedAt: new Date().toISOString(),
      thread: threadId,
      commentId,
      ...report,
      // What was reported, as it was then: the comment may change or go later.
      comment: structuredClone(comment),
    };
    thread.reports.push(stored);
    if (typeof key === 'string') thread.reportKeys.set(key, stored.id);
    store.save();
    return answerStored(request, response, 201, {id: stored.id, receivedAt: stored.receivedAt});
  }

  /** Test-only endpoints: queue failures, reset, change a comment or a discussion, read the request log and reports. */
  async function handleControl(request, response, url) {
    const body = request.method === 'POST' ? JSON.parse((await readBody(request)) || '{}') : {};
    switch (url.pathname) {
      case '/__control/fail':
        failures.push({count: 1, ...body});
        return send(response, 200, {queued: failures.length});
      case '/__control/reset':
        failures = [];
        requestLog = [];
        return send(response, 200, {ok: true});
      case '/__control/seed': {
        for (const record of body.comments ?? []) {
          const sequence = store.put(body.thread, {status: 'published', parentId: null, ...record});
          broadcast(body.thread, store.thread(body.thread).comments.get(record.id), sequence);
        }
        if (body.closed) setDiscussion(body.thread, {...store.thread(body.thread).discussion, closed: true});
        return send(response, 200, {ok: true});
      }
      case '/__control/flags': {
        const thread = store.thread(body.thread ?? '');
        const comment = thread.comments.get(body.id);
        if (!comment) return fail(response, 404, 'not-found', 'No such comment.');
        const changed = {...comment};
        if (typeof body.featured === 'boolean') changed.featured = body.featured;
        if (typeof body.pinned === 'boolean' && body.pinned !== (comment.pinned === true)) recordPinned(thread, comment, body.pinned, thread.sequence + 1);
        if (typeof body.pinned === 'boolean') changed.pinned = body.pinned;
        broadcast(body.thread, changed, store.put(body.thread, changed));
        return send(response, 200, {comment: present(thread, changed)});
      }
      case '/__control/discussion': {
        if (typeof body.thread !== 'string') return fail(response, 400, 'invalid', 'thread is required.');
        if (body.closesAt !== undefined && body.closesAt !== null && Number.isNaN(Date.parse(body.closesAt))) {
          return fail(response, 400, 'invalid', 'closesAt must be an ISO 8601 date.');
        }
        // Only `mode` or `loginRequired` given: how it closes stays.
        const closing = ['closed', 'closedMessage', 'closesAt'].some((name) => name in body);
        setDiscussion(body.thread, closing ? body : {...store.thread(body.thread).discussion, mode: body.mode, loginRequired: body.loginRequired});
        return send(response, 200, {discussion: discussionOf(store.thread(body.thread))});
      }
      case '/__control/reports':
        return send(response, 200, {reports: listReports(body.thread)});
      case '/__control/session': {
        const viewer = checkedViewer(body.viewer);
        if (!viewer) return fail(response, 400, 'invalid', 'viewer needs an id and a name.');
        return send(response, 200, {token: sessions.create(viewer), viewer});
      }
      case '/__control/logout':
        return send(response, 200, {ended: typeof body.token === 'string' && sessions.end(body.token)});
      case '/__control/windows': {
        const given = {};
        for (const [name, value] of [['edit', body.edit], ['undo', body.undo]]) {
          if (value === undefined) continue;
          if (!Number.isFinite(value) || value < 0) return fail(response, 400, 'invalid', `${name} must be a number of milliseconds ≥ 0.`);
          given[name] = value;
        }
        if (typeof body.thread === 'string') threadWindows.set(body.thread, {...threadWindows.get(body.thread), ...given});
        else Object.assign(windows, given);
        return send(response, 200, typeof body.thread === 'string' ? windowsFor(body.thread) : {...windows});
      }
      case '/__control/outbox':
        return send(response, 200, {mail: outbox.filter((mail) => typeof body.thread !== 'string' || mail.thread === body.thread)});
      case '/__control/staff-token':
        staffToken = typeof body.token === 'string' ? body.token : undefined;
        return send(response, 200, {ok: true});
      case '/__control/log':
        return send(response, 200, {requests: requestLog});
      case '/__control/count': {
        const thread = store.thread(url.searchParams.get('thread') ?? '');
        return send(response, 200, {count: thread.comments.size});
      }
      default:
        return fail(response, 404, 'not-found', 'No such control.');
    }
  }

  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      cors(request, response);
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Authorization, If-None-Match, Last-Event-ID, X-Reader-Id',
          'Access-Control-Max-Age': '600',
        });
        return response.end();
      }
      if (options.control && url.pathname.startsWith('/__control/')) return await handleControl(request, response, url);
      if (url.pathname.startsWith(`${prefix}/`)) return await handleApi(request, response, url);
      if (options.demoLogin !== false && (await sessions.handlePages(request, response, url))) return;
      if (options.fallback && (await options.fallback(request, response))) return;
      fail(response, 404, 'not-found', 'Not found.');
    } catch (error) {
      if (!response.headersSent) fail(response, 500, 'server', String(error));
      else response.end();
    }
  });
}

/** Closes the server and every open event stream. */
export function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}
