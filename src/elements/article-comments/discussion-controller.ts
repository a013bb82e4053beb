import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CommentAdapter, DiscussionInfo} from '../../adapters/adapter.js';
import {AdapterError, toAdapterError} from '../../adapters/errors.js';
import type {Comment, CommentRecord, SortOrder} from '../../model/comment.js';
import type {CommentDataError} from '../../model/errors.js';
import {parseComments, parseDate, readId} from '../../model/parse.js';
import {buildThread, type Thread} from '../../model/tree.js';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface DiscussionSource {
  adapter: CommentAdapter;
  thread: string;
  sort: SortOrder;
  pageSize: number;
}

export interface DiscussionCallbacks {
  onLoaded?(loaded: number, hasMore: boolean): void;
  onLoadFailed?(error: AdapterError): void;
  onDataErrors?(errors: readonly CommentDataError[]): void;
  /** A comment arrived from a live update (not from this reader). */
  onLiveComment?(comment: Comment): void;
  /**
   * Loading starts over: for a retry or another sort (`newDiscussion` false)
   * or for another discussion or backend (true), when everything tied to the
   * old one must go.
   */
  onReset?(newDiscussion: boolean): void;
}

const recordId = (record: unknown) => readId((record as {id?: unknown} | null)?.id);

/** How much older than the moment of loading a live comment may be and still be new (clock skew). */
const SKEW = 5 * 60_000;

/**
 * Loads a discussion through its adapter and holds what has been loaded:
 * the checked comments, paging state, errors, and the thread built from them.
 * Any change to adapter, thread or sort starts over; older requests are
 * aborted and their answers ignored.
 */
export class DiscussionController implements ReactiveController {
  state: LoadState = 'idle';
  error: AdapterError | null = null;
  loadingMore = false;
  loadMoreError: AdapterError | null = null;
  nextCursor: string | null = null;
  info: DiscussionInfo = {};
  /** Ids of comments this reader posted during this visit. */
  readonly ownIds = new Set<string>();
  /** Every data problem found so far, without repeats. */
  readonly dataErrors: CommentDataError[] = [];

  #comments = new Map<string, Comment>();
  #total: number | undefined;
  #source: DiscussionSource | undefined;
  #abort: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;
  #seenErrors = new Set<string>();
  #cachedThread: Thread | undefined;
  /** When the current discussion was loaded (to tell new live comments from changed old ones). */
  #loadedAt = 0;
  /** Comments by the id of the comment they quote: their caption names it once it arrives. */
  #quotedBy = new Map<string, string[]>();

  #host: ReactiveControllerHost;
  #callbacks: DiscussionCallbacks;

  constructor(host: ReactiveControllerHost, callbacks: DiscussionCallbacks = {}) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#source && !this.#unsubscribe) this.#subscribe();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** The thread of everything loaded, rebuilt only after a change. */
  get thread(): Thread {
    return (this.#cachedThread ??= buildThread(this.#comments.values(), this.#source?.sort ?? 'newest', this.#stampOf));
  }

  /** When each comment last arrived or changed, so unchanged threads are not re-rendered. */
  #stamps = new WeakMap<Comment, number>();
  #revision = 0;
  #stampOf = (comment: Comment) => this.#stamps.get(comment) ?? 0;

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  /** "6 Kommentare": exact once everything is loaded, else the backend's total. */
  get count(): number {
    const loaded = this.thread.publishedCount;
    return this.hasMore ? Math.max(this.#total ?? 0, loaded) : loaded;
  }

  /** Marks a comment as written by this reader (its text shows even while pending). */
  markOwn(id: string): void {
    this.ownIds.add(id);
    const comment = this.#comments.get(id);
    if (comment) this.#stamps.set(comment, ++this.#revision);
    this.#cachedThread = undefined;
  }

  /** Points the controller at a discussion; starts loading when anything changed and returns that load. */
  configure(source: DiscussionSource): Promise<void> | undefined {
    const old = this.#source;
    if (
      old &&
      old.adapter === source.adapter &&
      old.thread === source.thread &&
      old.sort === source.sort &&
      old.pageSize === source.pageSize
    ) {
      return undefined;
    }
    this.#source = source;
    const newDiscussion = old?.adapter !== source.adapter || old?.thread !== source.thread;
    if (newDiscussion && old) {
      this.ownIds.clear();
      this.dataErrors.length = 0;
      this.#seenErrors.clear();
    }
    if (newDiscussion) this.#subscribe();
    return this.reload(newDiscussion);
  }

  /** Starts over from the first page. */
  async reload(newDiscussion = false): Promise<void> {
    const source = this.#source;
    if (!source) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.state = 'loading';
    this.#callbacks.onReset?.(newDiscussion);
    this.#loadedAt = Date.now();
    this.error = null;
    this.loadMoreError = null;
    this.loadingMore = false;
    this.#host.requestUpdate();
    try {
      const page = await source.adapter.load({
        thread: source.thread,
        cursor: null,
        sort: source.sort,
        limit: source.pageSize,
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      this.#comments = new Map();
      this.#quotedBy = new Map();
      this.#cachedThread = undefined;
      this.ingest(page.comments);
      this.nextCursor = page.nextCursor ?? null;
      this.#total = page.total;
      this.info = page.discussion ?? {};
      this.state = 'ready';
      this.#callbacks.onLoaded?.(this.#comments.size, this.hasMore);
    } catch (caught) {
      if (abort.signal.aborted) return;
      this.state = 'error';
      this.error = toAdapterError(caught);
      this.#callbacks.onLoadFailed?.(this.error);
    } finally {
      if (!abort.signal.aborted) this.#host.requestUpdate();
    }
  }

  /** Loads the next page; does nothing while one is loading or when there is none. */
  async loadMore(): Promise<void> {
    const source = this.#source;
    const abort = this.#abort;
    if (!source || !abort || this.loadingMore || this.nextCursor === null) return;
    this.loadingMore = true;
    this.loadMoreError = null;
    this.#host.requestUpdate();
    try {
      const page = await source.adapter.load({
        thread: source.thread,
        cursor: this.nextCursor,
        sort: source.sort,
        limit: source.pageSize,
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      this.ingest(page.comments);
      this.nextCursor = page.nextCursor ?? null;
      this.#total = page.total ?? this.#total;
      if (page.discussion) this.info = {...this.info, ...page.discussion};
      this.#callbacks.onLoaded?.(this.#comments.size, this.hasMore);
    } catch (caught) {
      if (abort.signal.aborted) return;
      this.loadMoreError = toAdapterError(caught);
      this.#callbacks.onLoadFailed?.(this.loadMoreError);
    } finally {
      if (!abort.signal.aborted) {
        this.loadingMore = false;
        this.#host.requestUpdate();
      }
    }
  }

  /**
   * Makes sure comment `id` is loaded, asking the adapter for it and its
   * ancestors if needed. Resolves false when it cannot be found.
   */
  async ensure(id: string): Promise<boolean> {
    if (this.#comments.has(id)) return true;
    const source = this.#source;
    if (!source?.adapter.locate) return false;
    try {
      const path = await source.adapter.locate({thread: source.thread, id, signal: this.#abort?.signal});
      this.ingest(path);
      this.#host.requestUpdate();
      return this.#comments.has(id);
    } catch {
      return false;
    }
  }

  /** Adds records (from a page, a post or a live update); returns the new comments. */
  ingest(records: readonly CommentRecord[], options: {own?: boolean} = {}): Comment[] {
    const fresh = records.filter((record) => {
      const id = recordId(record);
      // A comment seen before (an overlapping page, our own post echoed live) is not a duplicate.
      return id === undefined || !this.#comments.has(id);
    });
    const {comments, errors} = parseComments(fresh, this.#comments);
    for (const comment of comments) {
      this.#comments.set(comment.id, comment);
      this.#stamps.set(comment, ++this.#revision);
      if (options.own) this.ownIds.add(comment.id);
      const source = comment.quote?.source;
      if (source && source !== 'article') this.#quotedBy.set(source, [...(this.#quotedBy.get(source) ?? []), comment.id]);
      // Comments quoting this one show its author now: render them again.
      for (const quoting of this.#quotedBy.get(comment.id) ?? []) {
        const stale = this.#comments.get(quoting);
        if (stale) this.#stamps.set(stale, ++this.#revision);
      }
    }
    if (comments.length) this.#cachedThread = undefined;
    this.report(errors);
    return comments;
  }

  /** Records data problems found elsewhere (e.g. by the adapter), without repeats. */
  report(errors: readonly CommentDataError[]): void {
    const fresh = errors.filter((error) => {
      const key = `${error.code}|${error.details.commentId ?? error.details.index}|${error.details.field ?? ''}`;
      if (this.#seenErrors.has(key)) return false;
      this.#seenErrors.add(key);
      return true;
    });
    if (!fresh.length) return;
    this.dataErrors.push(...fresh);
    this.#callbacks.onDataErrors?.(fresh);
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const source = this.#source;
    if (!source?.adapter.subscribe) return;
    const {thread} = source;
    this.#unsubscribe = source.adapter.subscribe(thread, (update) => {
      if (this.#source?.thread !== thread || this.state !== 'ready') return;
      const id = recordId(update.comment);
      if (update.type === 'changed' && id !== undefined && this.#comments.has(id)) {
        this.#comments.delete(id);
        this.ingest([update.comment]);
        this.#host.requestUpdate();
        return;
      }
      // A change to a comment on a page not loaded is not a new comment: only show what
      // was written after this discussion was loaded.
      const createdAt = parseDate(update.comment?.createdAt);
      if (update.type === 'changed' && (createdAt === undefined || createdAt < this.#loadedAt - SKEW)) return;
      const [comment] = this.ingest([update.comment]);
      if (!comment) return;
      this.#host.requestUpdate();
      if (!this.ownIds.has(comment.id)) this.#callbacks.onLiveComment?.(comment);
    });
  }
}
