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
//   cors         allowed origins (array) or '*' to echo any origin (default '*')
//   maxLength    longest comment accepted (default 2000)
//   closed       thread ids that accept no new comments
//   control      expose POST /__control/* for tests to inject failures
//   fallback     (request, response) => handled, for requests outside the API (e.g. static files)
//   prefix       URL path prefix of the API (default '/api')
import {randomUUID} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {dirname} from 'node:path';

const STATUSES = new Set(['published', 'pending', 'deleted', 'removed']);
const MAX_NAME = 60;

const length = (text) => [...text].length;
const number = (value) => new Intl.NumberFormat('de-DE').format(value);

function encodeCursor(key, id) {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeCursor(value) {
  try {
    const [key, id] = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (typeof key === 'number' && typeof id === 'string') return {key, id};
  } catch {
    // fall through
  }
  return undefined;
}

/** The store: threads of comments in insertion order, with a change sequence per thread. */
class Store {
  constructor({dataFile, seed = {}}) {
    this.dataFile = dataFile;
    this.threads = new Map();
    let saved;
    try {
      saved = dataFile ? JSON.parse(readFileSync(dataFile, 'utf8')) : undefined;
    } catch {
      saved = undefined;
    }
    for (const [thread, data] of Object.entries(saved ?? {})) {
      this.threads.set(thread, {
        comments: new Map(data.comments.map((c) => [c.id, c])),
        sequence: data.sequence,
        changes: new Map(Object.entries(data.changes ?? {})),
        keys: new Map(Object.entries(data.keys ?? {})),
      });
    }
    for (const [thread, records] of Object.entries(seed)) {
      const t = this.thread(thread);
      if (t.comments.size === 0) for (const record of records) this.put(thread, {status: 'published', parentId: null, ...record});
    }
  }

  thread(id) {
    let thread = this.threads.get(id);
    if (!thread) {
      thread = {comments: new Map(), sequence: 0, changes: new Map(), keys: new Map()};
      this.threads.set(id, thread);
    }
    return thread;
  }

  /** Adds or replaces a comment and records the change. */
  put(threadId, comment) {
    const thread = this.thread(threadId);
    thread.comments.set(comment.id, comment);
    thread.sequence += 1;
    thread.changes.set(comment.id, thread.sequence);
    this.save();
    return thread.sequence;
  }

  save() {
    if (!this.dataFile) return;
    const data = {};
    for (const [id, t] of this.threads) {
      data[id] = {
        comments: [...t.comments.values()],
        sequence: t.sequence,
        changes: Object.fromEntries(t.changes),
        keys: Object.fromEntries(t.keys),
      };
    }
    mkdirSync(dirname(this.dataFile), {recursive: true});
    writeFileSync(this.dataFile, JSON.stringify(data));
  }
}

function sortKey(comment, sort) {
  const time = Date.parse(comment.createdAt);
  if (Number.isNaN(time)) return sort === 'newest' ? -Number.MAX_VALUE : Number.MAX_VALUE;
  return time;
}

function compare(a, b, sort) {
  const direction = sort === 'newest' ? -1 : 1;
  if (a.key !== b.key) return (a.key - b.key) * direction;
  return a.id < b.id ? -direction : a.id > b.id ? direction : 0;
}

/** A page of top-level comments (keyset cursor) with all their replies. */
function page(thread, {sort, limit, cursor}) {
  const children = new Map();
  for (const comment of thread.comments.values()) {
    const parent = comment.parentId && thread.comments.has(comment.parentId) ? comment.parentId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(comment);
  }
  const roots = (children.get('') ?? [])
    .map((comment) => ({comment, key: sortKey(comment, sort), id: comment.id}))
    .filter((root) => !cursor || compare(root, cursor, sort) > 0)
    .sort((a, b) => compare(a, b, sort));
  const chosen = roots.slice(0, limit);
  const comments = [];
  for (const {comment} of chosen) {
    const stack = [comment];
    while (stack.length) {
      const next = stack.shift();
      comments.push(next);
      stack.unshift(...(children.get(next.id) ?? []));
    }
  }
  const last = chosen.at(-1);
  return {comments, nextCursor: roots.length > chosen.length && last ? encodeCursor(last.key, last.id) : null};
}

/**
 * Cuts the connection in the middle of an answer. (Closing it before any
 * answer is not a visible failure: browsers silently resend the request on a
 * fresh connection.)
 */
function dropMidAnswer(response) {
  response.writeHead(200, {'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '4096'});
  response.write('{"comment": {"id": ');
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
  const closed = new Set(options.closed ?? []);
  const streams = new Map(); // thread -> Set<response>
  /** Failures queued by tests through /__control/fail. */
  /** Posts being stored, by thread and idempotency key: a repeat waits for the first. */
  const inFlight = new Map();
  let failures = [];
  let dropAfterStore = 0;
  let requestLog = [];

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
      response.setHeader('Vary', 'Origin');
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

  function broadcast(threadId, comment, sequence) {
    for (const stream of streams.get(threadId) ?? []) {
      stream.write(`id: ${sequence}\nevent: comment\ndata: ${JSON.stringify(comment)}\n\n`);
    }
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
        // Stores the comment, then loses the answer: a retry must not store it twice.
        dropAfterStore++;
        return false;
      default:
        fail(response, failure.status ?? 500, failure.code ?? 'server', failure.message ?? 'Injected failure', failure.extra ?? {}, failure.headers ?? {});
        return true;
    }
  }

  async function handleApi(request, response, url) {
    const path = url.pathname.slice(prefix.length);
    requestLog.push({method: request.method, path, headers: {...request.headers}});
    const match = /^\/threads\/([^/]+)\/(comments|changes|events)(?:\/([^/]+))?\/?$/.exec(path);
    if (!match) return fail(response, 404, 'not-found', 'No such endpoint.');
    if (injectFailure(request, response, path)) return;
    let threadId;
    try {
      threadId = decodeURIComponent(match[1]);
    } catch {
      return fail(response, 400, 'invalid', 'The thread id is not valid percent-encoding.');
    }
    const thread = store.thread(threadId);
    const [, , resource, commentId] = match;

    if (resource === 'events' && request.method === 'GET') {
      response.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive'});
      response.write('retry: 1000\n\n');
      const since = Number(request.headers['last-event-id'] ?? NaN);
      if (Number.isFinite(since)) {
        for (const comment of thread.comments.values()) {
          const sequence = thread.changes.get(comment.id);
          if (sequence > since) response.write(`id: ${sequence}\nevent: comment\ndata: ${JSON.stringify(comment)}\n\n`);
        }
      }
      if (!streams.has(threadId)) streams.set(threadId, new Set());
      streams.get(threadId).add(response);
      const heartbeat = setInterval(() => response.write(': ping\n\n'), 15_000);
      request.on('close', () => {
        clearInterval(heartbeat);
        streams.get(threadId)?.delete(response);
      });
      return;
    }

    if (resource === 'changes' && request.method === 'GET') {
      const since = Number(url.searchParams.get('since') ?? 0) || 0;
      const comments = [...thread.comments.values()].filter((c) => thread.changes.get(c.id) > since);
      return send(response, 200, {comments, changeToken: String(thread.sequence)});
    }

    if (resource === 'comments' && commentId && request.method === 'GET') {
      const path = [];
      const seen = new Set();
      for (let c = thread.comments.get(decodeURIComponent(commentId)); c && !seen.has(c.id); c = thread.comments.get(c.parentId)) {
        seen.add(c.id);
        path.unshift(c);
      }
      if (!path.length) return fail(response, 404, 'not-found', 'No such comment.');
      return send(response, 200, {comments: path});
    }

    if (resource === 'comments' && request.method === 'GET') {
      const sort = url.searchParams.get('sort') === 'oldest' ? 'oldest' : 'newest';
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit')) || 20));
      const rawCursor = url.searchParams.get('cursor');
      const cursor = rawCursor ? decodeCursor(rawCursor) : undefined;
      if (rawCursor && !cursor) return fail(response, 400, 'invalid', 'Unknown cursor.');
      const etag = `W/"${thread.sequence}-${sort}-${limit}-${rawCursor ?? ''}-${closed.has(threadId)}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, {ETag: etag});
        return response.end();
      }
      const result = page(thread, {sort, limit, cursor});
      const total = [...thread.comments.values()].filter((c) => (c.status ?? 'published') === 'published').length;
      return send(
        response,
        200,
        {
          ...result,
          total,
          discussion: {closed: closed.has(threadId), maxLength, anonymous: false},
          changeToken: String(thread.sequence),
          live: {events: true},
        },
        {ETag: etag}
      );
    }

    if (resource === 'comments' && !commentId && request.method === 'POST') {
      const key = request.headers['idempotency-key'];
      // A request with this key is already being handled: answer with what it stores.
      const running = typeof key === 'string' ? inFlight.get(`${threadId}\u0000${key}`) : undefined;
      if (running) await running;
      if (typeof key === 'string' && thread.keys.has(key)) {
        return send(response, 200, {comment: thread.comments.get(thread.keys.get(key))}, {'Idempotent-Replayed': 'true'});
      }
      let done = () => {};
      if (typeof key === 'string') {
        const slot = `${threadId}\u0000${key}`;
        inFlight.set(slot, new Promise((resolve) => (done = resolve)));
        response.on('close', () => {
          inFlight.delete(slot);
          done();
        });
      }
      if (closed.has(threadId)) return fail(response, 403, 'closed', 'This discussion is closed.');
      let input;
      try {
        input = JSON.parse(await readBody(request));
      } catch (error) {
        if (error.status === 413) return fail(response, 413, 'invalid', 'The body is too large.', {}, {Connection: 'close'});
        return fail(response, 400, 'invalid', 'The body is not JSON.');
      }
      const fields = {};
      const name = typeof input?.author?.name === 'string' ? input.author.name.trim() : '';
      const body = typeof input?.body === 'string' ? input.body.trim() : '';
      const parentId = input?.parentId ?? null;
      const what = parentId === null ? {empty: 'einen Kommentar', yours: 'Ihr Kommentar'} : {empty: 'eine Antwort', yours: 'Ihre Antwort'};
      if (!name) fields.name = 'Bitte geben Sie einen Namen an.';
      else if (length(name) > MAX_NAME) fields.name = `Der Name darf höchstens ${number(MAX_NAME)} Zeichen lang sein.`;
      if (!body) fields.body = `Bitte schreiben Sie ${what.empty}.`;
      else if (length(body) > maxLength) {
        fields.body = `${what.yours} ist ${number(length(body))} Zeichen lang – erlaubt sind höchstens ${number(maxLength)}.`;
      }
      if (parentId !== null && !thread.comments.has(parentId)) fields.parentId = 'Der Kommentar, auf den Sie antworten, existiert nicht mehr.';
      if (Object.keys(fields).length) return fail(response, 422, 'invalid', 'The comment was rejected.', {fields});
      const quote =
        input.quote && typeof input.quote.text === 'string' && typeof input.quote.source === 'string'
          ? {text: input.quote.text, source: input.quote.source}
          : null;
      const comment = {
        id: `r${randomUUID().slice(0, 8)}`,
        parentId,
        author: {name, role: 'reader'},
        body,
        quote,
        createdAt: new Date().toISOString(),
        editedAt: null,
        status: 'published',
      };
      const sequence = store.put(threadId, comment);
      if (typeof key === 'string') {
        thread.keys.set(key, comment.id);
        store.save();
      }
      broadcast(threadId, comment, sequence);
      if (dropAfterStore > 0) {
        dropAfterStore--;
        dropMidAnswer(response);
        return;
      }
      return send(response, 201, {comment});
    }

    return fail(response, 405, 'invalid', 'Method not allowed.');
  }

  /** Test-only endpoints: queue failures, reset, change a comment, read the request log. */
  async function handleControl(request, response, url) {
    const body = request.method === 'POST' ? JSON.parse((await readBody(request)) || '{}') : {};
    switch (url.pathname) {
      case '/__control/fail':
        failures.push({count: 1, ...body});
        return send(response, 200, {queued: failures.length});
      case '/__control/reset':
        failures = [];
        dropAfterStore = 0;
        requestLog = [];
        return send(response, 200, {ok: true});
      case '/__control/seed': {
        for (const record of body.comments ?? []) {
          const sequence = store.put(body.thread, {status: 'published', parentId: null, ...record});
          broadcast(body.thread, store.thread(body.thread).comments.get(record.id), sequence);
        }
        if (body.closed) closed.add(body.thread);
        return send(response, 200, {ok: true});
      }
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
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, Authorization, If-None-Match, Last-Event-ID',
          'Access-Control-Max-Age': '600',
        });
        return response.end();
      }
      if (options.control && url.pathname.startsWith('/__control/')) return await handleControl(request, response, url);
      if (url.pathname.startsWith(`${prefix}/`)) return await handleApi(request, response, url);
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
