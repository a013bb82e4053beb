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
import {parseComments, readId} from '../model/parse.js';
import {sleep} from './sleep.js';
import {DEFAULT_MAX_LENGTH, type CommentRecord} from '../model/comment.js';
import type {
  AdapterCapabilities,
  CommentAdapter,
  CommentPage,
  CountsRequest,
  DeleteRequest,
  DiscussionInfo,
  EditRequest,
  NotifyRequest,
  Viewer,
  LiveUpdate,
  LoadRequest,
  LocateRequest,
  PostRequest,
  ReactionState,
  ReactRequest,
  ReportReceipt,
  ReportRequest,
} from './adapter.js';
import {AbortedError, AdapterError, ClosedError, ForbiddenError, NotFoundError, ValidationError} from './errors.js';
import {checkedClosing, discussionInfo, isClosed, type Closing} from './closing.js';
import {decodeCursor, encodeCursor} from './keyset-cursor.js';
import {MemoryDiscussion, type Stored} from './memory-discussion.js';
import {BROWSER, OwnBook, type Mail} from './own-book.js';
import type {OwnContext} from './memory-own.js';
import {parseViewer} from '../model/viewer.js';
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
  /** The signed-in reader (the publisher's login); `setViewer` changes it. Default: nobody. */
  viewer?: Viewer | null;
  /** Threads where only signed-in readers may write (`discussion.loginRequired`). */
  loginRequired?: readonly string[];
  /** Milliseconds after posting during which an author may edit. Default 15 minutes; 0: never. */
  editWindow?: number;
  /** Milliseconds after deleting during which it can be undone. Default 30 seconds; 0: never. */
  undoWindow?: number;
  /**
   * Offer reply notifications ("Bei Antworten per E-Mail benachrichtigen"). Default false: this
   * adapter sends no mail, it only keeps what a backend would send (`outbox()`), so offer them only
   * where the page passes that on.
   */
  notifications?: boolean;
}

const iso = (time: number) => new Date(time).toISOString();

const copy = <T>(value: T): T => structuredClone(value);
const isRecordLike = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

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
  #own: OwnBook;
  #loginRequired: Set<string>;
  #editWindow: number;
  #undoWindow: number;
  #viewerWatchers = new Set<(viewer: unknown) => void>();

  /** `discussions` maps a thread id to its comments (records, possibly with bad data). */
  constructor(discussions: Record<string, readonly unknown[]> = {}, options: MemoryAdapterOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    for (const thread of options.closed ?? []) this.#closing.set(thread, {closed: true});
    for (const [thread, closing] of Object.entries(options.closing ?? {})) this.#closing.set(thread, checkedClosing(thread, closing));
    for (const thread of options.qa ?? []) this.#closing.set(thread, {...this.#closing.get(thread), mode: 'qa'});
    this.#latency = options.latency ?? 0;
    this.#own = new OwnBook(parseViewer(options.viewer ?? null) ?? null);
    this.#loginRequired = new Set(options.loginRequired ?? []);
    this.#editWindow = options.editWindow ?? 15 * 60_000;
    this.#undoWindow = options.undoWindow ?? 30_000;
    this.capabilities = {
      anonymous: options.anonymous ?? false,
      maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH,
      sorts: ['newest', 'oldest', 'reactions'],
      live: true,
      report: true,
      reactions: true,
      counts: true,
      edit: this.#editWindow > 0,
      delete: true,
      notifications: options.notifications ?? false,
      // This browser posted them: the adapter knows (it is in the page).
      anonymousAuthors: true,
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

  /**
   * Marks a comment stored elsewhere (another tab, an earlier visit) as
   * posted from this browser: by the account in its record if it names one,
   * else by this browser; `notifyTo`: its author's notification address.
   */
  protected claim(thread: string, record: unknown, notifyTo?: string, owner?: string, deleted?: {record: unknown; until: number}): void {
    const id = isRecordLike(record) ? readId(record.id) : undefined;
    if (id === undefined) return;
    const account = isRecordLike(record) && isRecordLike(record.author) ? readId(record.author.id) : undefined;
    const key = OwnBook.key(thread, id);
    this.#own.owners.set(key, owner ?? (account === undefined ? BROWSER : `viewer:${account}`));
    if (notifyTo !== undefined) this.#own.subscriptions.set(key, notifyTo);
    if (deleted) this.#own.deleted.set(key, deleted);
  }

  /** The record stored for a comment now (after edits), and where its notifications go. */
  protected stored(
    thread: string,
    id: string
  ): {record: unknown; notifyTo: string | undefined; owner: string | undefined; deleted: {record: unknown; until: number} | undefined} | undefined {
    const stored = this.#discussion(thread).byId.get(id);
    const key = OwnBook.key(thread, id);
    return stored && {record: stored.record, notifyTo: this.#own.subscriptions.get(key), owner: this.#own.owners.get(key), deleted: this.#own.deleted.get(key)};
  }

  /** Takes in a changed comment from elsewhere (another tab edited or deleted it); subscribers hear of it. */
  protected replaceFrom(thread: string, record: unknown): void {
    const id = isRecordLike(record) ? readId(record.id) : undefined;
    if (id !== undefined && isRecordLike(record) && this.has(thread, id)) this.#replace(thread, record);
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
    if (stored) this.#push(thread, [{type: 'changed', comment: this.#view(thread, stored, this.#readers.get(thread))}]);
  }

  #info(thread: string): DiscussionInfo {
    const info = discussionInfo(this.#closing.get(thread), this.#clock.now(), this.capabilities.maxLength);
    if (this.#loginRequired.has(thread)) info.loginRequired = true;
    return info;
  }

  /** The signed-in reader, or null. */
  get viewer(): Viewer | null {
    return this.#own.viewer && {...this.#own.viewer};
  }

  /**
   * Signs a reader in (the publisher's login told the page) or out (null).
   * Widgets on the page follow at once (`watchViewer`); a post, edit or
   * deletion is then by, and for, the new reader.
   */
  setViewer(viewer: Viewer | null): void {
    this.#own.viewer = parseViewer(viewer) ?? null;
    const now = this.viewer;
    const watchers = [...this.#viewerWatchers];
    setTimeout(() => watchers.forEach((watcher) => watcher(copy(now))));
  }

  watchViewer(onChange: (viewer: unknown) => void): () => void {
    this.#viewerWatchers.add(onChange);
    return () => this.#viewerWatchers.delete(onChange);
  }

  /** The mail a backend would have sent for reply notifications, oldest first (this adapter sends none). */
  outbox(thread?: string): Mail[] {
    return this.#own.outbox.filter((mail) => thread === undefined || mail.thread === thread).map((mail) => ({...mail}));
  }

  /** Requires sign-in for writing in `thread` (or lifts it); subscribers hear of it. */
  setLoginRequired(thread: string, required: boolean): void {
    if (required) this.#loginRequired.add(thread);
    else this.#loginRequired.delete(thread);
    this.#push(thread, [{type: 'discussion', discussion: this.#info(thread)}]);
  }

  /**
   * A comment as a reader sees it: its reactions for `reader`, and for its
   * author what they may still do (`editableUntil`, `restorableUntil`) and
   * whether they get notifications.
   */
  #view(thread: string, stored: Stored, reader: string | undefined): unknown {
    const view = this.#reactions.view(thread, stored.comment, stored.record, reader);
    const {comment} = stored;
    if (!isRecordLike(view) || !this.#own.isOwn(thread, comment.id, stored.record)) return view;
    const key = OwnBook.key(thread, comment.id);
    const extra: Record<string, unknown> = {notify: this.#own.subscriptions.has(key)};
    if (this.#editWindow > 0 && comment.status === 'published' && comment.createdAt !== null) extra.editableUntil = iso(comment.createdAt + this.#editWindow);
    const deleted = this.#own.deleted.get(key);
    if (comment.status === 'deleted' && deleted) extra.restorableUntil = iso(deleted.until);
    // A deleted comment names its account to its author only ("Rückgängig" is theirs).
    const owner = this.#own.owners.get(key);
    if (comment.status === 'deleted' && owner?.startsWith('viewer:')) extra.author = {name: '', id: owner.slice('viewer:'.length)};
    return {...view, ...extra};
  }

  /** A stored comment the reader may change, or the typed error why not. */
  #ownComment(thread: string, id: string, statuses: readonly string[] = ['published']): Stored {
    const stored = this.#discussion(thread).byId.get(id);
    if (!stored || !statuses.includes(stored.comment.status)) throw new NotFoundError(`Comment "${id}" does not exist.`);
    if (!this.#own.isOwn(thread, id, stored.record)) {
      throw new ForbiddenError(`Comment "${id}" is not the reader's own.`, {reason: this.#loginRequired.has(thread) && !this.#own.viewer ? 'login' : 'not-allowed'});
    }
    return stored;
  }

  /** Changes made here, numbered: a changed comment's `revision`. */
  #revision = 0;

  /** Stores a changed version of a comment (a new `revision`) and tells subscribers. */
  #replace(thread: string, changed: Record<string, unknown>): Stored {
    // Above the record's own (it may come from another tab, whose changes are numbered there).
    const given = changed.revision;
    this.#revision = Math.max(this.#revision, typeof given === 'number' && Number.isSafeInteger(given) ? given : 0) + 1;
    const record = {...changed, revision: this.#revision};
    const [comment] = parseComments([record], new Map(), {structureOnly: true}).comments;
    const stored = {comment: comment!, record};
    this.#discussion(thread).replace(comment!, record);
    this.#push(thread, [{type: 'changed', comment: this.#view(thread, stored, this.#readers.get(thread))}]);
    return stored;
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
      for (const each of replies) comments.push(this.#view(thread, each, readerId));
    }
    const last = page.at(-1);
    return {
      comments,
      nextCursor: ordered.length > page.length && last ? encodeCursor({asOf, key: last.key, id: last.id}) : null,
      total: discussion.published,
      discussion: this.#info(thread),
      viewer: this.viewer,
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
    const viewer = this.#own.viewer;
    if (!viewer && this.#loginRequired.has(request.thread)) throw new ForbiddenError('Sign in to write here.', {reason: 'login'});
    // Checking comes with the composer, not with reading (see parts.ts).
    const {isValid, validateDraft} = await import('../model/validate.js');
    const notify = request.notify ?? null;
    const errors = validateDraft(
      {name: viewer ? viewer.name : request.author.name, body: request.body, email: notify?.email},
      {maxLength: this.capabilities.maxLength, requireName: !viewer && !this.capabilities.anonymous, notify: notify !== null, emailKnown: viewer?.email !== undefined}
    );
    if (!isValid(errors)) throw new ValidationError(errors);
    if (request.parentId !== null && !discussion.byId.has(request.parentId)) {
      throw new NotFoundError(`Comment "${request.parentId}" does not exist.`);
    }
    const record: CommentRecord = {
      id: randomId('m'),
      parentId: request.parentId,
      author: viewer ? {name: viewer.name, role: viewer.role ?? 'reader', id: viewer.id} : {name: request.author.name.trim(), role: 'reader'},
      body: request.body.trim(),
      quote: request.quote ? {...request.quote} : null,
      createdAt: new Date(this.#clock.now()).toISOString(),
      editedAt: null,
      status: 'published',
      reactions: 0, reacted: false, featured: false, pinned: false,
    };
    const [comment] = parseComments([record]).comments;
    discussion.store(comment, record);
    const key = OwnBook.key(request.thread, record.id);
    this.#own.owners.set(key, this.#own.current);
    if (notify) this.#own.subscriptions.set(key, notify.email.trim() || viewer?.email || '');
    const to = request.parentId === null ? undefined : this.#own.subscriptions.get(OwnBook.key(request.thread, request.parentId));
    if (to !== undefined && this.#own.owners.get(OwnBook.key(request.thread, request.parentId!)) !== this.#own.current) {
      (await import('./memory-own.js')).mailReply(this.#own, request.thread, request.parentId!, to, {id: record.id, name: record.author.name, body: record.body});
    }
    const answer = this.#view(request.thread, {comment, record}, undefined);
    discussion.idempotency.set(request.idempotencyKey, answer);
    this.announce(request.thread, [record]);
    return copy(answer);
  }

  /** What the own-comment operations (memory-own.ts, loaded when a reader first changes a comment) work with. */
  #ownContext(thread: string): OwnContext {
    return {
      own: this.#own,
      thread,
      now: () => this.#clock.now(),
      maxLength: this.capabilities.maxLength,
      editWindow: this.#editWindow,
      undoWindow: this.#undoWindow,
      ownComment: (id, statuses) => this.#ownComment(thread, id, statuses),
      replace: (record) => this.#replace(thread, record),
      view: (stored) => copy(this.#view(thread, stored, this.#readers.get(thread))),
    };
  }

  /** Changes the text of the reader's own comment within its edit window; the same idempotency key returns the first answer. */
  async edit(request: EditRequest): Promise<unknown> {
    await this.#wait(request.signal);
    return (await import('./memory-own.js')).editOwn(this.#ownContext(request.thread), request);
  }

  /** Deletes the reader's own comment (its replies stay); it can be taken back for `undoWindow`. Deleting it again changes nothing. */
  async delete(request: DeleteRequest): Promise<unknown> {
    await this.#wait(request.signal);
    return (await import('./memory-own.js')).deleteOwn(this.#ownContext(request.thread), request);
  }

  /** Takes a deletion back within `undoWindow`. */
  async restore(request: DeleteRequest): Promise<unknown> {
    await this.#wait(request.signal);
    return (await import('./memory-own.js')).restoreOwn(this.#ownContext(request.thread), request);
  }

  /** Turns reply notifications for the reader's own comment on (to `email`, or the signed-in reader's) or off. */
  async notify(request: NotifyRequest): Promise<unknown> {
    await this.#wait(request.signal);
    return (await import('./memory-own.js')).notifyOwn(this.#ownContext(request.thread), request);
  }

  async locate({thread, id, signal}: LocateRequest): Promise<unknown[]> {
    await this.#wait(signal);
    const path = this.#discussion(thread).path(id);
    if (path.length === 0) throw new NotFoundError(`Comment "${id}" does not exist.`);
    return path.map((stored) => this.#view(thread, stored, this.#readers.get(thread)));
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
