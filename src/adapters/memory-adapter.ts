/**
 * The embedded default: discussions held in memory for the life of the page.
 *
 * It serves inline JSON (no server needed), keeps what readers post, pages
 * with keyset cursors (neither a post nor a changed count shifts a page),
 * honours idempotency keys, and tells every subscriber on the page about new
 * and changed comments. It keeps reports for the publisher (`reports()`),
 * readers' reactions (one per reader and comment) and the staff's flags
 * (`setFlags`), closes discussions when told (`closed`, `closing`,
 * `setDiscussion`) and counts many discussions at once (`counts`).
 *
 * It hands out the records it is given, not copies (a 10,000-comment
 * discussion would pay for them on every page), except for comments with
 * reactions or flags set here. Nobody may change a record it returns.
 */
import {systemClock, type Clock} from '../time/clock.js';
import type {CommentDataError} from '../model/errors.js';
import {compareKeys} from '../model/order.js';
import {parseComments} from '../model/parse.js';
import {sleep} from './sleep.js';
import {DEFAULT_MAX_LENGTH, type CommentRecord} from '../model/comment.js';
import type {
  AdapterCapabilities,
  CommentAdapter,
  CommentPage,
  CountsRequest,
  DiscussionInfo,
  LiveUpdate,
  LoadRequest,
  LocateRequest,
  PostRequest,
  ReactionState,
  ReactRequest,
  ReportReceipt,
  ReportRequest,
} from './adapter.js';
import {AbortedError, AdapterError, ClosedError, NotFoundError, ValidationError} from './errors.js';
import {checkedClosing, discussionInfo, isClosed, type Closing} from './closing.js';
import {decodeCursor, encodeCursor} from './keyset-cursor.js';
import {MemoryDiscussion, type Stored} from './memory-discussion.js';
import {randomId} from './random-id.js';
import {ReactionBook, type Flags} from './reaction-book.js';
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
  /** Threads in question mode (`discussion.mode: 'qa'`). */
  qa?: readonly string[];
  /** Milliseconds every call waits before answering, to show loading states. */
  latency?: number;
}

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryAdapter implements CommentAdapter {
  readonly capabilities: AdapterCapabilities;
  /** Problems in the seed data that affect paging: entries dropped, duplicate ids, reply cycles. */
  readonly dataErrors: CommentDataError[] = [];
  #discussions = new Map<string, MemoryDiscussion>();
  #listeners = new Map<string, Set<(update: LiveUpdate) => void>>();
  #clock: Clock;
  #closing = new Map<string, Closing>();
  #reports = new ReportBook();
  #reactions = new ReactionBook();
  /** Per thread: the reader of its last load, whose `reacted` live updates carry. */
  #readers = new Map<string, string | undefined>();
  #latency: number;

  /** `discussions` maps a thread id to its comments (records, possibly with bad data). */
  constructor(discussions: Record<string, readonly unknown[]> = {}, options: MemoryAdapterOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    for (const thread of options.closed ?? []) this.#closing.set(thread, {closed: true});
    for (const [thread, closing] of Object.entries(options.closing ?? {})) this.#closing.set(thread, checkedClosing(thread, closing));
    for (const thread of options.qa ?? []) this.#closing.set(thread, {...this.#closing.get(thread), mode: 'qa'});
    this.#latency = options.latency ?? 0;
    this.capabilities = {
      anonymous: options.anonymous ?? false,
      maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH,
      sorts: ['newest', 'oldest', 'reactions'],
      live: true,
      report: true,
      reactions: true,
      counts: true,
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
      discussion.store(comment, record);
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

  /** The readers who reacted to a comment here. */
  protected reactionsOf(thread: string, commentId: string): string[] {
    return this.#reactions.readers(thread, commentId);
  }

  /** Takes in the readers who reacted to a comment elsewhere (another tab, an earlier visit); subscribers hear of a change. */
  protected syncReactions(thread: string, commentId: string, readers: readonly string[]): void {
    if (this.#discussion(thread).byId.has(commentId) && this.#reactions.sync(thread, commentId, readers)) this.#changed(thread, commentId);
  }

  #push(thread: string, updates: readonly LiveUpdate[]): void {
    const listeners = [...(this.#listeners.get(thread) ?? [])];
    if (!listeners.length || !updates.length) return;
    setTimeout(() => {
      for (const update of updates) for (const listener of listeners) listener(copy(update));
    });
  }

  /** Tells subscribers a comment's reactions or flags changed, as the reader of the last load sees it. */
  #changed(thread: string, commentId: string): void {
    const stored = this.#discussion(thread).byId.get(commentId);
    if (stored) this.#push(thread, [{type: 'changed', comment: this.#reactions.view(thread, stored.comment, stored.record, this.#readers.get(thread))}]);
  }

  #info(thread: string): DiscussionInfo {
    return discussionInfo(this.#closing.get(thread), this.#clock.now(), this.capabilities.maxLength);
  }

  /**
   * Closes or reopens a discussion, or changes its closing time: `closed`,
   * `closedMessage` and `closesAt` are replaced by those of `info` (absent:
   * not set); `mode` is changed when given. Subscribers get
   * `{type: 'discussion'}` with the result.
   */
  setDiscussion(thread: string, info: DiscussionInfo): void {
    this.#closing.set(thread, checkedClosing(thread, {...info, mode: info.mode ?? this.#closing.get(thread)?.mode}));
    this.#push(thread, [{type: 'discussion', discussion: this.#info(thread)}]);
  }

  /**
   * The publisher's staff marks a comment as an editors' pick (`featured`)
   * or pins it (shown first); flags not given stay as they are. Subscribers
   * get the comment as `changed`. Readers never reach this.
   */
  setFlags(thread: string, id: string, flags: Flags): void {
    const stored = this.#discussion(thread).byId.get(id);
    if (!stored) throw new NotFoundError(`Comment "${id}" does not exist.`);
    const seed = {featured: stored.comment.featured, pinned: stored.comment.pinned};
    if (this.#reactions.setFlags(thread, id, flags, seed)) this.#changed(thread, id);
  }

  #discussion(thread: string): MemoryDiscussion {
    let discussion = this.#discussions.get(thread);
    if (!discussion) this.#discussions.set(thread, (discussion = new MemoryDiscussion()));
    return discussion;
  }

  /** The simulated network delay (`latency`), abortable like a request. */
  async #wait(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new AbortedError();
    if (this.#latency > 0) await sleep(this.#latency, signal);
  }

  async load({thread, cursor, sort, limit, readerId, signal}: LoadRequest): Promise<CommentPage> {
    await this.#wait(signal);
    const discussion = this.#discussion(thread);
    const after = cursor === null ? null : decodeCursor(cursor);
    const asOf = after?.asOf ?? this.#reactions.now;
    if (readerId !== undefined) this.#readers.set(thread, readerId);
    const ordered = discussion
      .roots()
      .map((stored) => ({stored, ...this.#reactions.place(thread, stored.comment, sort, asOf)}))
      .filter((root) => after === null || compareKeys(root, after, sort) > 0)
      .sort((a, b) => compareKeys(a, b, sort));
    const page = ordered.slice(0, Math.max(1, limit));
    const comments: unknown[] = [];
    for (const {stored} of page) {
      const replies: Stored[] = [stored];
      discussion.descendants(stored.comment.id, replies);
      for (const each of replies) comments.push(this.#reactions.view(thread, each.comment, each.record, readerId));
    }
    const last = page.at(-1);
    return {
      comments,
      nextCursor: ordered.length > page.length && last ? encodeCursor({asOf, key: last.key, id: last.id}) : null,
      total: discussion.published,
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
    // Checking comes with the composer, not with reading (see parts.ts).
    const {isValid, validateDraft} = await import('../model/validate.js');
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
      reactions: 0, reacted: false, featured: false, pinned: false,
    };
    const [comment] = parseComments([record]).comments;
    discussion.store(comment, record);
    discussion.idempotency.set(request.idempotencyKey, record);
    this.announce(request.thread, [record]);
    return copy(record);
  }

  async locate({thread, id, signal}: LocateRequest): Promise<unknown[]> {
    await this.#wait(signal);
    const path = this.#discussion(thread).path(id);
    if (path.length === 0) throw new NotFoundError(`Comment "${id}" does not exist.`);
    return path.map((stored) => this.#reactions.view(thread, stored.comment, stored.record, this.#readers.get(thread)));
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
    // Checking comes with the report dialog, not with reading (see parts.ts).
    const {checkedReport} = await import('./report-check.js');
    const report = checkedReport(request, {id: randomId('M-'), receivedAt: new Date(this.#clock.now()).toISOString()});
    this.#reports.add(report);
    return {id: report.id, receivedAt: report.receivedAt};
  }

  /** The reports readers made, oldest first, of one discussion or all: how a publisher without a backend reads them. */
  reports(thread?: string): StoredReport[] {
    return this.#reports.list(thread);
  }

  /** Sets the reader's reaction (idempotent; also in closed discussions) and tells subscribers when it changed. */
  async react({thread, commentId, readerId, reacted, signal}: ReactRequest): Promise<ReactionState> {
    await this.#wait(signal);
    if (typeof readerId !== 'string' || readerId === '') throw new AdapterError('unexpected', 'react() needs a readerId.');
    const stored = this.#discussion(thread).byId.get(commentId);
    if (!stored) throw new NotFoundError(`Comment "${commentId}" does not exist.`);
    if (this.#reactions.set(thread, commentId, readerId, reacted === true)) this.#changed(thread, commentId);
    return {reactions: stored.comment.reactions + this.#reactions.count(thread, commentId), reacted: this.#reactions.has(thread, commentId, readerId)};
  }

  /** Published comments (all levels) per discussion; 0 for one it does not hold. */
  async counts({threads, signal}: CountsRequest): Promise<Record<string, number>> {
    await this.#wait(signal);
    return Object.fromEntries(threads.map((thread) => [thread, this.#discussions.get(thread)?.published ?? 0]));
  }

  subscribe(thread: string, onUpdate: (update: LiveUpdate) => void): () => void {
    const listeners = this.#listeners.get(thread) ?? new Set();
    listeners.add(onUpdate);
    this.#listeners.set(thread, listeners);
    return () => listeners.delete(onUpdate);
  }
}
