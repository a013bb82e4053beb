/**
 * An adapter for Waline (https://waline.js.org), an open-source comment
 * server, so publishers who run it get this front end without migrating.
 *
 * What Waline sends is untrusted: its comment HTML is reduced to plain text
 * (html-to-text.ts), never rendered as HTML. Where Waline differs from our
 * contract the adapter bridges it: replies come flattened (rebuilt from `pid`,
 * falling back to `rid`), errors come as HTTP 200 with an `errno`, there is no
 * idempotency key (a repeated post is answered "Duplicate Content", and the
 * adapter returns the comment stored the first time), no endpoint for one
 * comment (the adapter pages to find it), and no push (it polls the recent
 * comments while the tab is visible). Its moderation status maps to ours
 * (`approved` → published, `waiting` → pending, `spam` → rejected).
 *
 * What Waline cannot do, so the adapter does not claim it: take reports of
 * comments (no report API: `capabilities.report` is false, and the widget
 * offers no report button; a publisher on Waline needs another way to take
 * DSA notices), and close a discussion (no per-page setting: `discussion`
 * never says `closed` or `closesAt`, and it sends no `discussion` live
 * updates).
 */
import type {CommentRecord} from '../model/comment.js';
import {isValid, validateDraft, DEFAULT_MAX_LENGTH} from '../model/validate.js';
import type {
  AdapterCapabilities,
  CommentAdapter,
  CommentPage,
  LiveUpdate,
  LoadRequest,
  LocateRequest,
  PostRequest,
} from './adapter.js';
import {NotFoundError, RateLimitedError, ServerError, UnexpectedResponseError, ValidationError} from './errors.js';
import {isRecord} from '../model/is-record.js';
import {HttpClient, type HttpOptions} from './http.js';
import {poll} from './poller.js';
import {de} from '../i18n/de.js';
import {escapeMarkdown, id, isAnswer, MARKDOWN, number, toRecord, type WalineComment} from './waline-records.js';

export {escapeMarkdown};

export interface WalineAdapterOptions extends HttpOptions {
  /** The Waline server, e.g. `https://comments.example.com` (without `/api`). */
  serverURL: string;
  /** Maps a thread id to Waline's `path` (the page URL it stores comments under). Default: the id itself. */
  path?: (thread: string) => string;
  /** Readers may post without a name (Waline allows it). Default false. */
  anonymous?: boolean;
  /** Milliseconds between checks for new comments. Default 30,000; 0 disables live updates. */
  pollInterval?: number;
}

export class WalineAdapter implements CommentAdapter {
  readonly capabilities: Partial<AdapterCapabilities>;
  #http: HttpClient;
  #server: string;
  /** What we know of each thread's comments: parent and thread root per id, for replies. */
  #known = new Map<string, Map<string, {rid: string | null; nick: string}>>();
  /** Posts that succeeded, by idempotency key, so a retry returns the same comment. */
  #posted = new Map<string, CommentRecord>();
  #listeners = new Map<string, Set<(update: LiveUpdate) => void>>();
  /** Per thread: stops its polling. */
  #polls = new Map<string, () => void>();

  constructor(private options: WalineAdapterOptions) {
    this.#http = new HttpClient(options);
    this.#server = options.serverURL.replace(/\/+$/, '');
    this.capabilities = {
      anonymous: options.anonymous ?? false,
      maxLength: DEFAULT_MAX_LENGTH,
      sorts: ['newest', 'oldest'],
      live: true,
      // Waline has no report API.
      report: false,
    };
  }

  #path(thread: string): string {
    return this.options.path ? this.options.path(thread) : thread;
  }

  #url(query: Record<string, string | number>): string {
    const url = new URL(`${this.#server}/api/comment`, location.href);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    return url.href;
  }

  /** Unwraps `{errno, errmsg, data}`, turning Waline's errors into typed ones. */
  async #call(url: string, init: Parameters<HttpClient['json']>[1] = {}): Promise<unknown> {
    const answer = await this.#http.json(url, init);
    if (!isAnswer(answer)) throw new UnexpectedResponseError('Waline answered without {errno, errmsg, data}.');
    if (answer.errno === 0) return answer.data;
    const message = typeof answer.errmsg === 'string' ? answer.errmsg : JSON.stringify(answer.errmsg);
    if (answer.errno === 1001 && isRecord(answer.errmsg)) {
      const fields = answer.errmsg;
      throw new ValidationError(
        {
          ...(fields.comment !== undefined ? {body: de.bodyEmpty} : {}),
          ...(fields.nick !== undefined ? {name: de.nameEmpty} : {}),
          ...(fields.comment === undefined && fields.nick === undefined ? {form: de.errors.invalid} : {}),
        },
        message
      );
    }
    if (message === 'Comment too fast!') throw new RateLimitedError(null);
    if (answer.errno >= 500 && answer.errno < 1000) throw new ServerError(answer.errno);
    throw new ValidationError({form: de.errors.invalid}, message);
  }

  /** A Waline comment in our format, remembered for replies to it. */
  #toRecord(thread: string, comment: WalineComment, threadIds: ReadonlySet<string | null>): CommentRecord {
    const record = toRecord(comment, threadIds);
    if (record.id) this.#remember(thread, record.id, id(comment.rid), record.author.name);
    return record;
  }

  #remember(thread: string, commentId: string, rid: string | null, nick: string): void {
    let known = this.#known.get(thread);
    if (!known) this.#known.set(thread, (known = new Map()));
    known.set(commentId, {rid, nick});
  }

  /**
   * Flattens Waline's roots with their `children` into records, replies
   * oldest first. Entries that are not objects are kept apart (`others`), for
   * the widget's check to report.
   */
  #flatten(thread: string, roots: readonly unknown[]): {records: CommentRecord[]; others: unknown[]} {
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
      records.push(this.#toRecord(thread, root, ids));
      for (const child of children) records.push(this.#toRecord(thread, child, ids));
    }
    return {records, others};
  }

  async load({thread, cursor, sort, limit, signal}: LoadRequest): Promise<CommentPage> {
    const page = cursor === null ? 1 : Number(cursor);
    if (!Number.isInteger(page) || page < 1) throw new UnexpectedResponseError(`Not a cursor of this adapter: ${cursor}`);
    const data = await this.#call(
      this.#url({path: this.#path(thread), page, pageSize: Math.min(100, limit), sortBy: sort === 'oldest' ? 'insertedAt_asc' : 'insertedAt_desc'}),
      {signal}
    );
    const list = this.#list(data);
    if (cursor === null) this.#startPolling(thread);
    const {records, others} = this.#flatten(thread, list.data);
    return {
      comments: [...records, ...others],
      nextCursor: page < list.totalPages ? String(page + 1) : null,
      total: typeof list.count === 'number' ? list.count : undefined,
      discussion: {anonymous: this.options.anonymous ?? false},
    };
  }

  /** A page of comments as Waline answers it: `{data: [...], totalPages, count}`. */
  #list(data: unknown): {data: unknown[]; totalPages: number; count?: unknown} {
    if (!isRecord(data) || !Array.isArray(data.data)) throw new UnexpectedResponseError('Waline answered a list without data: [...].');
    return {data: data.data, totalPages: typeof data.totalPages === 'number' ? data.totalPages : 0, count: data.count};
  }

  async post(request: PostRequest): Promise<CommentRecord> {
    const repeated = this.#posted.get(request.idempotencyKey);
    if (repeated) return repeated;
    const errors = validateDraft(
      {name: request.author.name, body: request.body},
      {maxLength: this.capabilities.maxLength ?? DEFAULT_MAX_LENGTH, requireName: !this.options.anonymous}
    );
    if (!isValid(errors)) throw new ValidationError(errors);
    const known = this.#known.get(request.thread);
    const parent = request.parentId === null ? undefined : known?.get(request.parentId);
    // Waline stores a reply to an unknown parent and then fails with a 500: check first.
    if (request.parentId !== null && !parent) throw new NotFoundError(`Comment "${request.parentId}" is not known.`);
    const quote = request.quote ? `${escapeMarkdown(request.quote.text).replace(/^/gm, '> ')}\n\n` : '';
    // Replies name their direct parent and their thread's root; without both Waline makes a reply a new thread.
    const rid = request.parentId === null ? null : parent?.rid ?? request.parentId;
    const body = {
      comment: quote + (MARKDOWN.test(request.body) ? escapeMarkdown(request.body.trim()) : request.body.trim()),
      nick: request.author.name.trim(),
      url: this.#path(request.thread),
      ua: typeof navigator === 'undefined' ? '' : navigator.userAgent,
      ...(request.parentId !== null ? {pid: request.parentId, rid, at: parent?.nick ?? ''} : {}),
    };
    let data: unknown;
    try {
      // Not retried by the HTTP layer: Waline has no idempotency key; a repeat is resolved below.
      data = await this.#call(this.#url({}), {method: 'POST', body, signal: request.signal, retry: false});
    } catch (error) {
      // The same draft again (its first answer was lost): find the comment stored the first time.
      const stored = ValidationError.is(error) && /Duplicate Content/i.test(error.message) ? await this.#findStored(request, body.comment) : undefined;
      if (!stored) throw error;
      data = stored;
    }
    if (!isRecord(data) || id(data.objectId) === null) {
      throw new UnexpectedResponseError('Waline answered a post without the stored comment.');
    }
    const ids = new Set([id(data.objectId), request.parentId]);
    const record = this.#toRecord(request.thread, {...data, pid: request.parentId, rid}, ids);
    this.#posted.set(request.idempotencyKey, record);
    return record;
  }

  async #findStored(request: PostRequest, text: string): Promise<WalineComment | undefined> {
    const recent = await this.#call(this.#url({type: 'recent', count: 50}), {signal: request.signal});
    if (!Array.isArray(recent)) return undefined;
    return recent.filter(isRecord).find(
      (comment) => comment.url === this.#path(request.thread) && comment.orig === text && comment.nick === request.author.name.trim()
    );
  }

  async locate({thread, id: wanted, signal}: LocateRequest): Promise<CommentRecord[]> {
    for (let page = 1, pages = 1; page <= pages && page <= 50; page++) {
      const url = this.#url({path: this.#path(thread), page, pageSize: 100, sortBy: 'insertedAt_desc'});
      const list = this.#list(await this.#call(url, {signal}));
      pages = list.totalPages;
      const {records} = this.#flatten(thread, list.data);
      const byId = new Map(records.map((record) => [record.id, record]));
      const path: CommentRecord[] = [];
      for (let current = byId.get(wanted); current && path.length < records.length; current = current.parentId ? byId.get(current.parentId) : undefined) {
        path.unshift(current);
      }
      if (path.length) return path;
    }
    throw new NotFoundError(`Comment "${wanted}" was not found.`);
  }

  subscribe(thread: string, onUpdate: (update: LiveUpdate) => void): () => void {
    const listeners = this.#listeners.get(thread) ?? new Set();
    listeners.add(onUpdate);
    this.#listeners.set(thread, listeners);
    if (this.#known.has(thread)) this.#startPolling(thread);
    return () => {
      listeners.delete(onUpdate);
      if (listeners.size === 0) {
        this.#polls.get(thread)?.();
        this.#polls.delete(thread);
      }
    };
  }

  /** Waline has no push: ask for its recent comments while the tab is visible (see poller.ts). */
  #startPolling(thread: string): void {
    const interval = this.options.pollInterval ?? 30_000;
    if (interval <= 0 || this.#polls.has(thread) || !this.#listeners.get(thread)?.size) return;
    const stop = poll(interval, async (signal) => {
      const recent = await this.#call(this.#url({type: 'recent', count: 50}), {signal});
      const known = this.#known.get(thread);
      const mine = (Array.isArray(recent) ? recent : [])
        .filter(isRecord)
        .filter((comment) => comment.url === this.#path(thread) && !known?.has(String(id(comment.objectId))));
      const ids = new Set([...(known?.keys() ?? []), ...mine.map((comment) => id(comment.objectId))]);
      for (const comment of mine.reverse()) {
        const record = this.#toRecord(thread, comment, ids);
        for (const listener of this.#listeners.get(thread) ?? []) listener({type: 'added', comment: record});
      }
    });
    this.#polls.set(thread, stop);
  }
}
