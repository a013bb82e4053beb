/**
 * The embedded default: discussions held in memory for the life of the page.
 *
 * It serves inline JSON (no server needed), keeps what readers post, pages
 * with keyset cursors (a comment posted while someone pages never shifts a
 * page), honours idempotency keys, and tells every subscriber on the page
 * about new comments. It keeps reports of comments too, for the publisher to
 * read with `reports()`, and closes discussions when told (`closed`,
 * `closing`, `setDiscussion`).
 *
 * It keeps the records it is given and hands out those same objects (no
 * copies: a 10,000-comment discussion would pay for them on every page). The
 * widget never changes a record; code that calls the adapter directly must
 * not either.
 */
import {systemClock, type Clock} from '../time/clock.js';
import type {Comment, CommentRecord} from '../model/comment.js';
import type {CommentDataError} from '../model/errors.js';
import {parseComments} from '../model/parse.js';
import {sleep} from './sleep.js';
import {DEFAULT_MAX_LENGTH, isValid, validateDraft} from '../model/validate.js';
import type {
  AdapterCapabilities,
  CommentAdapter,
  CommentPage,
  DiscussionInfo,
  LiveUpdate,
  LoadRequest,
  LocateRequest,
  PostRequest,
  ReportReceipt,
  ReportRequest,
} from './adapter.js';
import {AbortedError, ClosedError, NotFoundError, ValidationError} from './errors.js';
import {checkedClosing, discussionInfo, isClosed, type Closing} from './closing.js';
import {compareCursors, decodeCursor, encodeCursor, sortKey, type Cursor} from './keyset-cursor.js';
import {randomId} from './random-id.js';
import {ReportBook, type StoredReport} from './report-book.js';

export {randomId};

export interface MemoryAdapterOptions {
  /** Source of server times for posted comments. */
  clock?: Clock;
  /** Readers may post without a name. */
  anonymous?: boolean;
  maxLength?: number;
  /** Threads that accept no new comments. */
  closed?: readonly string[];
  /** Per thread: closed, the message shown with the closed notice, the moment it closes (ISO 8601, by `clock`). */
  closing?: Record<string, Closing>;
  /** Milliseconds every call waits before answering, to show loading states. */
  latency?: number;
}

interface Stored {
  comment: Comment;
  /** The record as given, returned as is: the widget checks it itself. */
  record: unknown;
}

interface Discussion {
  byId: Map<string, Stored>;
  children: Map<string, string[]>;
  idempotency: Map<string, unknown>;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

export class MemoryAdapter implements CommentAdapter {
  readonly capabilities: AdapterCapabilities;
  /** Problems in the seed data that affect paging: entries dropped, duplicate ids, reply cycles. */
  readonly dataErrors: CommentDataError[] = [];
  #discussions = new Map<string, Discussion>();
  #listeners = new Map<string, Set<(update: LiveUpdate) => void>>();
  #clock: Clock;
  #closing = new Map<string, Closing>();
  #reports = new ReportBook();
  #latency: number;

  /** `discussions` maps a thread id to its comments (records, possibly with bad data). */
  constructor(discussions: Record<string, readonly unknown[]> = {}, options: MemoryAdapterOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    for (const thread of options.closed ?? []) this.#closing.set(thread, {closed: true});
    for (const [thread, closing] of Object.entries(options.closing ?? {})) this.#closing.set(thread, checkedClosing(thread, closing));
    this.#latency = options.latency ?? 0;
    this.capabilities = {
      anonymous: options.anonymous ?? false,
      maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH,
      sorts: ['newest', 'oldest'],
      live: true,
      report: true,
    };
    for (const [thread, records] of Object.entries(discussions)) this.add(thread, records);
  }

  /**
   * Stores records that came from elsewhere (seed data, another tab) and
   * returns the ones that were new. Problems go to `dataErrors`.
   */
  protected add(thread: string, records: readonly unknown[]): unknown[] {
    const discussion = this.#discussion(thread);
    const known = new Map([...discussion.byId].map(([id, stored]) => [id, stored.comment]));
    // Only what paging needs; the widget checks each record fully when it shows it.
    const {comments, errors, indexOf} = parseComments(records, known, {structureOnly: true});
    this.dataErrors.push(...errors);
    return comments.map((comment) => {
      const record = records[indexOf.get(comment.id)!];
      this.#store(discussion, comment, record);
      return record;
    });
  }

  /** Whether a comment is stored. */
  protected has(thread: string, id: string): boolean {
    return this.#discussion(thread).byId.has(id);
  }

  /** Makes a repeated post with `key` return `record` instead of storing again. */
  protected remember(thread: string, key: string, record: unknown): void {
    this.#discussion(thread).idempotency.set(key, record);
  }

  /** Tells subscribers about new comments, after the current task (like a server push). */
  protected announce(thread: string, records: readonly unknown[]): void {
    this.#push(thread, records.map((record) => ({type: 'added', comment: record})));
  }

  /** Keeps a report stored elsewhere (another tab, an earlier visit); false if its idempotency key is known. */
  protected keepReport(report: StoredReport): boolean {
    return this.#reports.add(report);
  }

  #push(thread: string, updates: readonly LiveUpdate[]): void {
    const listeners = [...(this.#listeners.get(thread) ?? [])];
    if (!listeners.length || !updates.length) return;
    setTimeout(() => {
      for (const update of updates) for (const listener of listeners) listener(copy(update));
    });
  }

  #info(thread: string): DiscussionInfo {
    return discussionInfo(this.#closing.get(thread), this.#clock.now(), this.capabilities.maxLength);
  }

  /**
   * Closes or reopens a discussion, or changes its closing time: `closed`,
   * `closedMessage` and `closesAt` are replaced by those of `info` (absent:
   * not set). Subscribers get `{type: 'discussion'}` with the result.
   */
  setDiscussion(thread: string, info: DiscussionInfo): void {
    this.#closing.set(thread, checkedClosing(thread, info));
    this.#push(thread, [{type: 'discussion', discussion: this.#info(thread)}]);
  }

  #discussion(thread: string): Discussion {
    let discussion = this.#discussions.get(thread);
    if (!discussion) {
      discussion = {byId: new Map(), children: new Map(), idempotency: new Map()};
      this.#discussions.set(thread, discussion);
    }
    return discussion;
  }

  #store(discussion: Discussion, comment: Comment, record: unknown): void {
    discussion.byId.set(comment.id, {comment, record});
    // Indexed by the parent's id even if that parent is not stored (yet).
    const parent = comment.parentId ?? '';
    const siblings = discussion.children.get(parent) ?? [];
    siblings.push(comment.id);
    discussion.children.set(parent, siblings);
  }

  /** The simulated network delay (`latency`), abortable like a request. */
  async #wait(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new AbortedError();
    if (this.#latency > 0) await sleep(this.#latency, signal);
  }

  /** Top-level comments: those without a parent, or whose parent is not stored. */
  #roots(discussion: Discussion): Stored[] {
    return [...discussion.byId.values()].filter(
      ({comment}) => comment.parentId === null || !discussion.byId.has(comment.parentId)
    );
  }

  #descendants(discussion: Discussion, id: string, into: unknown[]): void {
    const stack = [...(discussion.children.get(id) ?? [])].reverse();
    while (stack.length) {
      const childId = stack.pop()!;
      into.push(discussion.byId.get(childId)!.record);
      stack.push(...[...(discussion.children.get(childId) ?? [])].reverse());
    }
  }

  async load({thread, cursor, sort, limit, signal}: LoadRequest): Promise<CommentPage> {
    await this.#wait(signal);
    const discussion = this.#discussion(thread);
    const after = cursor === null ? null : decodeCursor(cursor);
    const ordered = this.#roots(discussion)
      .map((stored) => ({stored, key: [sortKey(stored.comment, sort), stored.comment.id] as Cursor}))
      .filter(({key}) => after === null || compareCursors(key, after, sort) > 0)
      .sort((a, b) => compareCursors(a.key, b.key, sort));
    const page = ordered.slice(0, Math.max(1, limit));
    const comments: unknown[] = [];
    for (const {stored} of page) {
      comments.push(stored.record);
      this.#descendants(discussion, stored.comment.id, comments);
    }
    const last = page.at(-1);
    return {
      comments,
      nextCursor: ordered.length > page.length && last ? encodeCursor(last.key) : null,
      total: [...discussion.byId.values()].filter(({comment}) => comment.status === 'published').length,
      discussion: this.#info(thread),
    };
  }

  /** The stored record; for a repeated idempotency key, the one stored the first time (which may have come from elsewhere). */
  async post(request: PostRequest): Promise<unknown> {
    await this.#wait(request.signal);
    const discussion = this.#discussion(request.thread);
    const repeated = discussion.idempotency.get(request.idempotencyKey);
    if (repeated) return copy(repeated);
    // By the adapter's clock, also once `closesAt` has passed.
    if (isClosed(this.#closing.get(request.thread), this.#clock.now())) throw new ClosedError();
    const errors = validateDraft(
      {name: request.author.name, body: request.body},
      {maxLength: this.capabilities.maxLength, requireName: !this.capabilities.anonymous}
    );
    if (!isValid(errors)) throw new ValidationError(errors);
    if (request.parentId !== null && !discussion.byId.has(request.parentId)) {
      throw new NotFoundError(`Comment "${request.parentId}" does not exist.`);
    }
    const record: CommentRecord = {
      id: randomId('m'),
      parentId: request.parentId,
      author: {name: request.author.name.trim(), role: 'reader'},
      body: request.body.trim(),
      quote: request.quote ? {...request.quote} : null,
      createdAt: new Date(this.#clock.now()).toISOString(),
      editedAt: null,
      status: 'published',
    };
    const [comment] = parseComments([record]).comments;
    this.#store(discussion, comment, record);
    discussion.idempotency.set(request.idempotencyKey, record);
    this.announce(request.thread, [record]);
    return copy(record);
  }

  async locate({thread, id, signal}: LocateRequest): Promise<unknown[]> {
    await this.#wait(signal);
    const discussion = this.#discussion(thread);
    const path: unknown[] = [];
    const seen = new Set<string>();
    for (let stored = discussion.byId.get(id); stored && !seen.has(stored.comment.id); ) {
      seen.add(stored.comment.id);
      path.unshift(stored.record);
      stored = stored.comment.parentId === null ? undefined : discussion.byId.get(stored.comment.parentId);
    }
    if (path.length === 0) throw new NotFoundError(`Comment "${id}" does not exist.`);
    return path;
  }

  /**
   * Checks and keeps a report (also of a comment in a closed discussion).
   * The same idempotency key returns the first receipt. An unknown comment
   * is `NotFoundError`, a report the form would not send `ValidationError`.
   */
  async report(request: ReportRequest): Promise<ReportReceipt> {
    await this.#wait(request.signal);
    const stored = this.#reports.find(request.thread, request.idempotencyKey);
    if (stored) return {id: stored.id, receivedAt: stored.receivedAt};
    if (!this.#discussion(request.thread).byId.has(request.commentId)) {
      throw new NotFoundError(`Comment "${request.commentId}" does not exist.`);
    }
    const report = this.#reports.receive(request, {id: randomId('M-'), receivedAt: new Date(this.#clock.now()).toISOString()});
    return {id: report.id, receivedAt: report.receivedAt};
  }

  /**
   * The reports readers made, oldest first, of one discussion or of all:
   * how a publisher without a backend reads them (e.g. from the console, or
   * a page of its own that holds the adapter).
   */
  reports(thread?: string): StoredReport[] {
    return this.#reports.list(thread);
  }

  subscribe(thread: string, onUpdate: (update: LiveUpdate) => void): () => void {
    const listeners = this.#listeners.get(thread) ?? new Set();
    listeners.add(onUpdate);
    this.#listeners.set(thread, listeners);
    return () => listeners.delete(onUpdate);
  }
}
