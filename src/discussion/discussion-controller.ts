/**
 * Loads a discussion through its adapter and keeps what has been loaded: the
 * checked comments as a `ThreadTree`, paging state, errors and live updates.
 * It knows nothing of templates; an element drives it (`configure`) and
 * renders `tree`.
 */
import {isServer, type ReactiveController, type ReactiveControllerHost} from 'lit';
import type {CommentAdapter, CommentPage, DiscussionInfo, Viewer} from '../adapters/adapter.js';
import {toAdapterError, type AdapterError} from '../adapters/errors.js';
import type {Comment, SortOrder} from '../model/comment.js';
import type {CommentDataError} from '../model/errors.js';
import {readDiscussion} from '../model/discussion-info.js';
import {isRecord} from '../model/is-record.js';
import {parseComments, parseDate, recordId} from '../model/parse.js';
import {addMark, loadMarks} from '../drafts/reader-marks.js';
import {readerId} from '../drafts/reader-id.js';
import {ThreadTree} from '../model/thread-tree.js';
import {parseViewer, sameViewer} from '../model/viewer.js';
import {nextTask} from '../render/next-task.js';

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
  /** Comments arrived from a live update (not from this reader), already in `tree`. */
  onLive?(comments: readonly Comment[]): void;
  /**
   * Loading starts over: for a retry or another sort (`newDiscussion` false)
   * or for another discussion or backend (true), when everything tied to the
   * old one must go.
   */
  onReset?(newDiscussion: boolean): void;
  /** The reader signed in or out (`viewer`, after a page or a change the adapter told). */
  onViewer?(viewer: Viewer | null): void;
}

/** How much older than the moment of loading a live comment may be and still be new (clock skew). */
const SKEW = 5 * 60_000;

/** Records checked and placed per task when a page is large: a few milliseconds of work. */
const INGEST_STEP = 1000;

export class DiscussionController implements ReactiveController {
  state: LoadState = 'idle';
  error: AdapterError | null = null;
  loadingMore = false;
  loadMoreError: AdapterError | null = null;
  nextCursor: string | null = null;
  info: DiscussionInfo = {};
  /** Every data problem found so far, without repeats. */
  readonly dataErrors: CommentDataError[] = [];
  /** Ids of comments this reader posted during this visit. */
  readonly ownIds = new Set<string>();
  /** The comments loaded so far. */
  tree = new ThreadTree();
  /** Who reads, as the backend said (undefined: it did not say). */
  backendViewer: Viewer | null | undefined;
  /** Who reads, as the publisher's page said (the element's `viewer`): wins over the backend's. */
  #pageViewer: Viewer | null | undefined;
  #unwatchViewer: (() => void) | undefined;

  #total: number | undefined;
  #source: DiscussionSource | undefined;
  #abort: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;
  #seenErrors = new Set<string>();
  /** When the current discussion was loaded (to tell new live comments from changed old ones). */
  #loadedAt = 0;
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
    this.#unwatchViewer?.();
    this.#unwatchViewer = undefined;
    // Nothing may keep a removed element alive: a late answer is dropped.
    this.#abort?.abort();
    if (this.state === 'loading') this.#source = undefined;
  }

  /** The signed-in reader: the page's word if it gave one, else the backend's; null: nobody. */
  get viewer(): Viewer | null {
    return (this.#pageViewer !== undefined ? this.#pageViewer : this.backendViewer) ?? null;
  }

  /** The publisher's page says who reads (`undefined`: it leaves that to the backend). */
  setPageViewer(value: unknown): void {
    const viewer = value === undefined ? undefined : (parseViewer(value) ?? null);
    if (sameViewer(viewer, this.#pageViewer) && (viewer === undefined) === (this.#pageViewer === undefined)) return;
    const before = this.viewer;
    this.#pageViewer = viewer;
    this.#viewerChanged(before, true);
  }

  /** `changed`: told apart from a page of comments (a sign-in or sign-out since): the discussion is loaded again. */
  #setBackendViewer(value: unknown, changed = false): void {
    if (value === undefined) return;
    const viewer = parseViewer(value) ?? null;
    if (sameViewer(viewer, this.backendViewer) && this.backendViewer !== undefined) return;
    const before = this.viewer;
    this.backendViewer = viewer;
    this.#viewerChanged(before, changed);
  }

  #viewerChanged(before: Viewer | null, reload: boolean): void {
    const now = this.viewer;
    this.tree.setAccount(now?.id ?? null);
    if (sameViewer(before, now)) return;
    this.#callbacks.onViewer?.(now);
    this.#host.requestUpdate();
    // What the backend tells only an author (what they may still do with their comments) is in the
    // comments as loaded for the reader before: the first page is loaded again for the one now.
    if (reload && this.state === 'ready') void this.refresh();
  }

  /**
   * Loads the first page again for the viewer now, and the viewer's own comments beyond it, in the
   * background (viewer-refresh.ts, loaded on the first change of viewer: most readers never sign in
   * or out while reading). A failure changes nothing.
   */
  async refresh(): Promise<void> {
    const source = this.#source;
    const abort = this.#abort;
    if (!source || !abort) return;
    try {
      const {refreshForViewer} = await import('./viewer-refresh.js');
      await refreshForViewer(this, source, abort.signal, () => this.#source === source);
    } catch {
      // Not now (the network, or the file): the comments stay as they were; the next change of the viewer tries again.
    }
  }

  /** Asks the host to render again (for helpers that change the discussion, like viewer-refresh.ts). */
  requestUpdate(): void {
    this.#host.requestUpdate();
  }

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  get source(): DiscussionSource | undefined {
    return this.#source;
  }

  /** "6 Kommentare": exact once everything is loaded, else the backend's total. */
  get count(): number {
    const loaded = this.tree.publishedCount;
    return this.hasMore ? Math.max(this.#total ?? 0, loaded) : loaded;
  }

  /**
   * Points the controller at a discussion; starts loading when anything
   * changed and returns that load. With `first`, the first page the server
   * rendered, nothing is loaded: the discussion is ready at once, as the
   * server showed it, and paging goes on from the server's cursor.
   */
  configure(source: DiscussionSource, first?: CommentPage): Promise<void> | undefined {
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
    if (newDiscussion) {
      // What this browser posted here before: a pending or rejected comment keeps its note after a reload.
      this.ownIds.clear();
      if (!isServer) for (const id of loadMarks(source.thread, 'own')) this.ownIds.add(id);
    }
    if (newDiscussion && old) {
      this.dataErrors.length = 0;
      this.#seenErrors.clear();
    }
    if (newDiscussion && !isServer) this.#subscribe();
    if (first && !old) return this.#takeFirstPage(source, first);
    return this.reload(newDiscussion);
  }

  /** The first page, given rather than loaded (server rendering): ingested at once, in this task. */
  #takeFirstPage(source: DiscussionSource, page: CommentPage): undefined {
    this.#abort = new AbortController();
    this.#loadedAt = Date.now();
    this.tree = new ThreadTree(source.sort, [], this.ownIds);
    this.tree.setAccount(this.viewer?.id ?? null);
    this.#setBackendViewer(page.viewer);
    if (Array.isArray(page.comments)) {
      this.ingest(page.comments);
      this.tree.flush();
    } else {
      this.report(parseComments(page.comments).errors);
    }
    this.nextCursor = typeof page.nextCursor === 'string' ? page.nextCursor : null;
    this.#total = typeof page.total === 'number' && Number.isFinite(page.total) ? page.total : undefined;
    // Given, not loaded through an adapter that checked it: checked here.
    this.info = readDiscussion(page.discussion);
    this.state = 'ready';
    if (isServer) return undefined;
    source.adapter.resume?.({thread: source.thread, page, readerId: readerId()});
    this.#callbacks.onLoaded?.(this.tree.size, this.hasMore);
    return undefined;
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
      const page = await source.adapter.load({thread: source.thread, cursor: null, sort: source.sort, limit: source.pageSize, signal: abort.signal, readerId: readerId()});
      if (abort.signal.aborted) return;
      // The reader's folding and open forms survive a retry or another sort, not another discussion.
      const views = newDiscussion ? [] : this.tree.views().filter(([, view]) => !view.held);
      this.tree = new ThreadTree(source.sort, views, this.ownIds);
      this.tree.setAccount(this.viewer?.id ?? null);
      this.#setBackendViewer(page.viewer);
      if (!(await this.#ingestInSteps(page.comments, abort.signal))) return;
      this.nextCursor = page.nextCursor ?? null;
      this.#total = page.total;
      this.info = page.discussion ?? {};
      this.state = 'ready';
      this.#callbacks.onLoaded?.(this.tree.size, this.hasMore);
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
        readerId: readerId(),
      });
      if (abort.signal.aborted || !(await this.#ingestInSteps(page.comments, abort.signal))) return;
      this.nextCursor = page.nextCursor ?? null;
      this.#total = page.total ?? this.#total;
      if (page.discussion) this.info = {...this.info, ...page.discussion};
      this.#callbacks.onLoaded?.(this.tree.size, this.hasMore);
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
   * ancestors if needed. Resolves null when it is there, else why not.
   */
  async ensure(id: string): Promise<AdapterError | 'not-found' | null> {
    if (this.tree.has(id)) return null;
    const source = this.#source;
    if (!source?.adapter.locate) return 'not-found';
    try {
      const path = await source.adapter.locate({thread: source.thread, id, signal: this.#abort?.signal});
      this.ingest(Array.isArray(path) ? path : [path]);
      this.#host.requestUpdate();
      return this.tree.has(id) ? null : 'not-found';
    } catch (caught) {
      const error = toAdapterError(caught);
      return error.kind === 'not-found' ? 'not-found' : error;
    }
  }

  /**
   * Ingests a page, a step per task: 50,000 replies to one comment never
   * become one long task. Resolves false when loading was cancelled meanwhile.
   */
  async #ingestInSteps(records: unknown, signal: AbortSignal): Promise<boolean> {
    if (!Array.isArray(records)) {
      // Not a list at all: reported as such by the check, nothing to show.
      this.report(parseComments(records).errors);
      return true;
    }
    const list: readonly unknown[] = records;
    for (let start = 0; start < list.length; start += INGEST_STEP) {
      // A large page starts in a task of its own too: the adapter may just have spent one on it.
      if (start > 0 || list.length > INGEST_STEP) {
        await nextTask();
        if (signal.aborted) return false;
      }
      this.ingest(list.slice(start, start + INGEST_STEP));
      // Build the changed nodes now, in this step.
      this.tree.flush();
    }
    return true;
  }

  /**
   * Marks a comment as written by this reader in this browser (its text shows even while pending).
   * One under an account is the reader's by that account while they are signed in, not by this mark.
   */
  markOwn(id: string): void {
    if (this.tree.comment(id)?.author.id) return;
    this.ownIds.add(id);
    if (this.#source) addMark(this.#source.thread, 'own', id);
    this.tree.markOwn(id);
  }

  /** Checks records (from a page, a post or a live update) and adds the new ones; returns those. */
  ingest(records: readonly unknown[], options: {own?: boolean} = {}): Comment[] {
    const known = this.tree;
    // A comment seen before (an overlapping page, our own post echoed live) is not a duplicate.
    const fresh = records.filter((record) => {
      const id = recordId(record);
      return id === undefined || !known.has(id);
    });
    const {comments, errors} = parseComments(fresh, known.comments);
    known.upsert(comments);
    // One posted without an account is this browser's (markOwn passes over those under an account: they
    // are the reader's by that account, and not any more once they sign out).
    if (options.own) for (const comment of comments) this.markOwn(comment.id);
    this.report(errors);
    return comments;
  }

  /**
   * Replaces a known comment with a changed version (an edit, a moderation, the reader's own deletion).
   * A version older than the one shown (a lower `revision`: a live update overtaken by the answer to the
   * reader's own change) is dropped.
   */
  replace(record: unknown, options: {live?: boolean} = {}): void {
    // Checked on its own (it is no duplicate of itself); the tree keeps a changed parent from closing a circle.
    const {comments, errors} = parseComments([record]);
    const [fresh] = comments;
    const known = fresh && this.tree.comment(fresh.id);
    // Live, the same revision is the same change again (its echo): what the reader's own request answered stays.
    if (fresh && known && fresh.revision !== null && known.revision !== null && (options.live ? fresh.revision <= known.revision : fresh.revision < known.revision)) return;
    this.tree.upsert(comments);
    this.report(errors);
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
    this.#unwatchViewer?.();
    this.#unwatchViewer = undefined;
    if (!source) return;
    const {thread} = source;
    this.#unwatchViewer = source.adapter.watchViewer?.((viewer) => {
      if (this.#source?.thread === thread) this.#setBackendViewer(viewer ?? null, true);
    });
    if (!source.adapter.subscribe) return;
    this.#unsubscribe = source.adapter.subscribe(thread, (update) => {
      if (this.#source?.thread !== thread || this.state !== 'ready') return;
      if (update.type === 'discussion') {
        // Closed, reopened, a new closing time: the backend sends the whole state.
        this.info = {...this.info, closed: false, closedMessage: undefined, closesAt: undefined, mode: undefined, loginRequired: undefined, ...update.discussion};
        this.#host.requestUpdate();
        return;
      }
      const record: unknown = update.comment;
      const id = recordId(record);
      if (update.type === 'changed' && id !== undefined && this.tree.has(id)) {
        this.replace(record, {live: true});
        this.#host.requestUpdate();
        return;
      }
      // A change to a comment on a page not loaded is not a new comment: only show what
      // was written after this discussion was loaded.
      const createdAt = parseDate(isRecord(record) ? record.createdAt : undefined);
      if (update.type === 'changed' && (createdAt === undefined || createdAt < this.#loadedAt - SKEW)) return;
      const added = this.ingest([record]);
      if (!added.length) return;
      this.#host.requestUpdate();
      const others = added.filter((comment) => !this.ownIds.has(comment.id));
      if (others.length) this.#callbacks.onLive?.(others);
    });
  }
}
