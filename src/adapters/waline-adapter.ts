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
 * (`approved` → published, `waiting` → pending, `spam` → rejected), its
 * likes to reactions (this browser's likes kept per reader id, see
 * waline-likes.ts) and its `sticky` to `pinned`. It pages by offsets: the
 * adapter drops a comment a later page repeats (a new comment or a changed
 * count shifts Waline's pages), but cannot see one that a shift skipped.
 *
 * What Waline cannot do, so the adapter does not claim it: take reports of
 * comments (no report API: `capabilities.report` is false, and the widget
 * offers no report button; a publisher on Waline needs another way to take
 * DSA notices), close a discussion (no per-page setting: `discussion`
 * never says `closed` or `closesAt`, and it sends no `discussion` live
 * updates), editors' picks (`featured`) and question mode (`mode: 'qa'`).
 */
import type {CommentRecord} from '../model/comment.js';
import {isValid, validateDraft, DEFAULT_MAX_LENGTH} from '../model/validate.js';
import type {
  AdapterCapabilities,
  CommentAdapter,
  CommentPage,
  CountsRequest,
  LiveUpdate,
  LoadRequest,
  LocateRequest,
  PostRequest,
  ReactionState,
  ReactRequest,
} from './adapter.js';
import {AdapterError, NetworkError, NotFoundError, TimeoutError, UnexpectedResponseError, ValidationError} from './errors.js';
import {isRecord} from '../model/is-record.js';
import {HttpClient, type HttpOptions} from './http.js';
import {poll} from './poller.js';
import {PagingSessions} from './paging-sessions.js';
import {walineCounts} from './waline-counts.js';
import {WalineLikes} from './waline-likes.js';
import {escapeMarkdown, flatten, id, MARKDOWN, toRecord, unwrap, type WalineComment} from './waline-records.js';

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
  /** What we know of each thread's comments: thread root and name per id (for replies), likes and sticky as last seen. */
  #known = new Map<string, Map<string, {rid: string | null; nick: string; likes: number; pinned: boolean}>>();
  /** Per thread: the reader of its last load, whose `reacted` live updates carry. */
  #readers = new Map<string, string>();
  /** Per paging session (the cursor's tail): the top-level comments sent, so a shifted page repeats none. */
  #sessions = new PagingSessions();
  #likes: WalineLikes;
  /** Posts that succeeded, by idempotency key, so a retry returns the same comment. */
  #posted = new Map<string, CommentRecord>();
  #listeners = new Map<string, Set<(update: LiveUpdate) => void>>();
  /** Per thread: stops its polling. */
  #polls = new Map<string, () => void>();

  constructor(private options: WalineAdapterOptions) {
    this.#http = new HttpClient(options);
    this.#server = options.serverURL.replace(/\/+$/, '');
    this.#likes = new WalineLikes(this.#server);
    this.capabilities = {
      anonymous: options.anonymous ?? false,
      maxLength: DEFAULT_MAX_LENGTH,
      // `reactions`: Waline's sortBy=like_desc (its sticky comments first, as in every order).
      sorts: ['newest', 'oldest', 'reactions'],
      live: true,
      // Waline has no report API.
      report: false,
      reactions: true,
      // `GET /api/comment?type=count&url=a,b` counts many paths at once.
      counts: true,
    };
  }

  #path(thread: string): string {
    return this.options.path ? this.options.path(thread) : thread;
  }

  #url(query: Record<string, string | number>, path = ''): string {
    const url = new URL(`${this.#server}/api/comment${path}`, location.href);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    return url.href;
  }

  /** Unwraps `{errno, errmsg, data}`, turning Waline's errors into typed ones. */
  async #call(url: string, init: Parameters<HttpClient['json']>[1] = {}): Promise<unknown> {
    return unwrap(await this.#http.json(url, init));
  }

  /** A Waline comment in our format, remembered for replies to it; `reacted` for `reader` (default: the reader of the thread's last load). */
  #toRecord(thread: string, comment: WalineComment, threadIds: ReadonlySet<string | null>, ...reader: [string | undefined] | []): CommentRecord {
    const record = toRecord(comment, threadIds);
    record.reacted = this.#likes.liked(reader.length ? reader[0] : this.#readers.get(thread), record.id);
    if (record.id) this.#remember(thread, record, id(comment.rid));
    return record;
  }

  #remember(thread: string, record: CommentRecord, rid: string | null): void {
    let known = this.#known.get(thread);
    if (!known) this.#known.set(thread, (known = new Map()));
    known.set(record.id, {rid, nick: record.author.name, likes: record.reactions ?? 0, pinned: record.pinned ?? false});
  }

  async load({thread, cursor, sort, limit, readerId, signal}: LoadRequest): Promise<CommentPage> {
    // "<page>.<session>": Waline's page number, and the paging session whose comments were sent.
    const [, number, given] = /^(\d+)\.(\w+)$/.exec(cursor ?? '1.new') ?? [];
    const page = Number(number);
    if (!Number.isInteger(page) || page < 1) throw new UnexpectedResponseError(`Not a cursor of this adapter: ${cursor}`);
    const sortBy = {newest: 'insertedAt_desc', oldest: 'insertedAt_asc', reactions: 'like_desc'}[sort];
    const data = await this.#call(this.#url({path: this.#path(thread), page, pageSize: Math.min(100, limit), sortBy}), {signal});
    const list = this.#list(data);
    if (readerId) this.#readers.set(thread, readerId);
    if (cursor === null) this.#startPolling(thread);
    const {name: session, sent} = this.#sessions.open(cursor === null ? undefined : given);
    const fresh = list.data.filter((root) => !isRecord(root) || !sent.has(String(id(root.objectId))));
    for (const root of fresh) if (isRecord(root)) sent.add(String(id(root.objectId)));
    const {records, others} = flatten(fresh, (comment, ids) => this.#toRecord(thread, comment, ids, readerId));
    return {
      comments: [...records, ...others],
      nextCursor: page < list.totalPages ? `${page + 1}.${session}` : null,
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
      const {records} = flatten(list.data, (comment, ids) => this.#toRecord(thread, comment, ids));
      const byId = new Map(records.map((record) => [record.id, record]));
      const path: CommentRecord[] = [];
      for (let current = byId.get(wanted); current && path.length < records.length; current = current.parentId ? byId.get(current.parentId) : undefined) {
        path.unshift(current);
      }
      if (path.length) return path;
    }
    throw new NotFoundError(`Comment "${wanted}" was not found.`);
  }

  /**
   * Likes or unlikes on Waline, once per reader (see waline-likes.ts): the
   * state the reader already has changes nothing. Not retried by the HTTP
   * layer (a repeated like would count twice); when the answer is lost, the
   * comment is read again to see whether the like counted.
   */
  async react({thread, commentId, readerId, reacted, signal}: ReactRequest): Promise<ReactionState> {
    if (typeof readerId !== 'string' || readerId === '') throw new AdapterError('unexpected', 'react() needs a readerId.');
    return this.#likes.queue(commentId, async () => {
      if (this.#likes.liked(readerId, commentId) === reacted) return {reactions: await this.#likeCount(thread, commentId, signal), reacted};
      const before = this.#known.get(thread)?.get(commentId)?.likes;
      let data: unknown;
      try {
        data = await this.#call(this.#url({}, `/${encodeURIComponent(commentId)}`), {method: 'PUT', body: {like: reacted}, signal, retry: false});
      } catch (error) {
        // Offline, nothing was sent; otherwise the answer may be lost after Waline counted: look.
        if ((!NetworkError.is(error) && !TimeoutError.is(error)) || navigator.onLine === false) throw error;
        const after = await this.#likeCount(thread, commentId, signal, true).catch(() => undefined);
        // Not to be checked (Waline unreachable): taken as not counted.
        if (after !== undefined && before !== undefined && (reacted ? after > before : after < before)) this.#likes.set(readerId, commentId, reacted);
        throw error;
      }
      // Waline answers an unknown id with success and no comment (and names the comment `id` here, not `objectId`).
      if (!isRecord(data) || id(data.objectId ?? data.id) === null) throw new NotFoundError(`Comment "${commentId}" does not exist.`);
      this.#likes.set(readerId, commentId, reacted);
      const reactions = toRecord(data, new Set()).reactions ?? 0;
      const known = this.#known.get(thread)?.get(commentId);
      if (known) known.likes = reactions;
      return {reactions, reacted};
    });
  }

  /** A comment's likes as last seen, or read from Waline (`fresh`: always read). */
  async #likeCount(thread: string, commentId: string, signal?: AbortSignal, fresh = false): Promise<number> {
    const known = this.#known.get(thread)?.get(commentId);
    if (known && !fresh) return known.likes;
    const path = await this.locate({thread, id: commentId, signal});
    return path.at(-1)?.reactions ?? 0;
  }

  /** Many paths in one request (see waline-counts.ts). */
  async counts({threads, signal}: CountsRequest): Promise<Record<string, number>> {
    const count = (paths: string[]) => this.#call(this.#url({type: 'count', url: paths.join(',')}), {signal});
    return walineCounts(threads, {path: (thread) => this.#path(thread), count, total: (request) => this.load(request)}, signal);
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
      const here = (Array.isArray(recent) ? recent : []).filter(isRecord).filter((comment) => comment.url === this.#path(thread));
      const mine = here.filter((comment) => !known?.has(String(id(comment.objectId))));
      const ids = new Set([...(known?.keys() ?? []), ...mine.map((comment) => id(comment.objectId))]);
      const tell = (type: 'added' | 'changed', comment: WalineComment) => {
        const record = this.#toRecord(thread, comment, ids);
        for (const listener of this.#listeners.get(thread) ?? []) listener({type, comment: record});
      };
      // Likes and pins of the recent comments (Waline tells of no others) that changed since seen.
      for (const comment of here) {
        const seen = known?.get(String(id(comment.objectId)));
        const now = toRecord(comment, ids);
        if (seen && (seen.likes !== now.reactions || seen.pinned !== now.pinned)) tell('changed', comment);
      }
      for (const comment of mine.reverse()) tell('added', comment);
    });
    this.#polls.set(thread, stop);
  }
}
