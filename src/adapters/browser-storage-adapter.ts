/**
 * A discussion that persists in the reader's browser: the inline discussion
 * plus everything posted on this device, kept in `localStorage`. Posts
 * survive a reload, and other tabs (and other widgets on the same page) see
 * them at once through a `BroadcastChannel`, so the demo works with no
 * server at all. Reports and reactions made on this device are kept there
 * too (`reports()` lists them after a reload; a reaction counts once per
 * reader id however many tabs give it); closing a discussion
 * (`setDiscussion`) and the staff's flags (`setFlags`) hold for this adapter
 * only.
 */
import {isRecord} from '../model/is-record.js';
import {readId} from '../model/parse.js';
import {parseViewer} from '../model/viewer.js';
import type {
  CommentPage,
  CountsRequest,
  DeleteRequest,
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
import {MemoryAdapter, type MemoryAdapterOptions} from './memory-adapter.js';
import type {StoredReport} from './report-book.js';
import {readStoredReport} from './report-check.js';

export interface BrowserStorageAdapterOptions extends MemoryAdapterOptions {
  /** Where posts are kept. Default `localStorage`. */
  storage?: Storage;
  /** Posts kept per discussion; the oldest are dropped beyond it. Default 500. */
  limit?: number;
}

interface Saved {
  /** As read back from storage: unchecked. */
  record: unknown;
  idempotencyKey: string;
  /** Where reply notifications for it go, if its author asked. */
  notifyTo?: string;
  /** Whose it is (`viewer:<id>` or this browser), once its record no longer says (deleted). */
  owner?: string;
  /** Deleted: the comment as it was, and until when (epoch ms) "Rückgängig" brings it back, in any tab. */
  deleted?: {record: unknown; until: number};
}

/** A saved deletion, checked: storage holds anything. */
function readDeleted(value: unknown): {record: unknown; until: number} | undefined {
  return isRecord(value) && isRecord(value.record) && typeof value.until === 'number' ? {record: value.record, until: value.until} : undefined;
}

/** What only the author is told, never kept in a record: recomputed from the adapter's own book. */
function clean(record: unknown): unknown {
  if (!isRecord(record)) return record;
  const {editableUntil: _e, restorableUntil: _r, notify: _n, ...rest} = record;
  return rest;
}

/** The signed-in reader, as the publisher's login left it for every tab (the demo's stand-in for a session cookie). */
const VIEWER = 'article-comments:viewer:v1';

/** Storage that is blocked (SecurityError), full (QuotaExceededError) or holds what is not JSON: expected; anything else is thrown on. */
function storageFailure(error: unknown): void {
  if (!(error instanceof DOMException || error instanceof SyntaxError)) throw error;
}

const PREFIX = 'article-comments:posts:v1:';
/** Per discussion: `{[commentId]: readerIds}`. */
const REACTIONS = 'article-comments:reactions:v1:';
const CHANNEL = 'article-comments:posts';
/** Reports of every discussion, oldest first. */
const REPORTS = 'article-comments:reports:v1';
const MAX_REPORTS = 200;

export class BrowserStorageAdapter extends MemoryAdapter {
  #storage: Storage | undefined;
  #limit: number;
  #restored = new Set<string>();
  #subscribers = 0;
  #channel: BroadcastChannel | undefined;

  constructor(discussions: Record<string, readonly unknown[]> = {}, options: BrowserStorageAdapterOptions = {}) {
    super(discussions, options);
    this.#limit = options.limit ?? 500;
    try {
      this.#storage = options.storage ?? globalThis.localStorage;
    } catch (error) {
      storageFailure(error);
    }
    this.#viewerRead = options.viewer !== undefined;
  }

  /** Whether the viewer kept in storage was read (on first use, not in the constructor: storage may fail). */
  #viewerRead: boolean;

  #ensureViewer(): void {
    if (this.#viewerRead) return;
    this.#viewerRead = true;
    super.setViewer(this.#readViewer());
  }

  override get viewer(): Viewer | null {
    this.#ensureViewer();
    return super.viewer;
  }

  #readViewer(): Viewer | null {
    try {
      return parseViewer(JSON.parse(this.#storage?.getItem(VIEWER) ?? 'null')) ?? null;
    } catch (error) {
      storageFailure(error);
      return null;
    }
  }

  /** Signs in or out for every tab of this browser (kept in storage; the others follow through the `storage` event). */
  override setViewer(viewer: Viewer | null): void {
    this.#viewerRead = true;
    super.setViewer(viewer);
    try {
      if (this.viewer) this.#storage?.setItem(VIEWER, JSON.stringify(this.viewer));
      else this.#storage?.removeItem(VIEWER);
    } catch (error) {
      storageFailure(error);
    }
  }

  /** Another tab signed in or out. */
  #onStorage = (event: StorageEvent): void => {
    if (event.key === VIEWER || event.key === null) super.setViewer(this.#readViewer());
  };

  #viewerWatchers = 0;

  override watchViewer(onChange: (viewer: unknown) => void): () => void {
    this.#ensureViewer();
    const stop = super.watchViewer(onChange);
    if (this.#viewerWatchers++ === 0 && typeof window !== 'undefined') window.addEventListener('storage', this.#onStorage);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      stop();
      if (--this.#viewerWatchers === 0 && typeof window !== 'undefined') window.removeEventListener('storage', this.#onStorage);
    };
  }

  #key(thread: string): string {
    return PREFIX + encodeURIComponent(thread);
  }

  #read(thread: string): Saved[] {
    try {
      const saved: unknown = JSON.parse(this.#storage?.getItem(this.#key(thread)) ?? '[]');
      return Array.isArray(saved) ? saved.filter((entry): entry is Saved => typeof entry?.idempotencyKey === 'string') : [];
    } catch (error) {
      storageFailure(error);
      return [];
    }
  }

  /** Takes in what this device stored for `thread`; returns the comments that were new here. */
  #restore(thread: string): unknown[] {
    this.#restored.add(thread);
    const saved = this.#read(thread);
    const added = this.add(
      thread,
      saved
        .map((entry) => entry.record)
        .filter((record) => {
          const id = readId(isRecord(record) ? record.id : undefined);
          return id === undefined || !this.has(thread, id);
        })
    );
    let expired = false;
    for (const entry of saved) {
      // A deletion that can no longer be undone: its text leaves this browser too.
      const deletion = readDeleted(entry.deleted);
      if (entry.deleted !== undefined && !(deletion && deletion.until > Date.now())) {
        delete entry.deleted;
        expired = true;
      }
      this.remember(thread, entry.idempotencyKey, entry.record);
      this.claim(thread, entry.record, entry.notifyTo, typeof entry.owner === 'string' ? entry.owner : undefined, readDeleted(entry.deleted));
      // Edited or deleted since this tab took it in.
      const id = readId(isRecord(entry.record) ? entry.record.id : undefined);
      if (id !== undefined && JSON.stringify(this.stored(thread, id)?.record) !== JSON.stringify(entry.record)) this.replaceFrom(thread, entry.record);
    }
    if (expired) this.#write(thread, saved);
    for (const [commentId, readers] of Object.entries(this.#readReactions(thread))) this.syncReactions(thread, commentId, readers);
    return added;
  }

  #write(thread: string, saved: Saved[]): void {
    try {
      this.#storage?.setItem(this.#key(thread), JSON.stringify(saved));
    } catch (error) {
      storageFailure(error);
    }
  }

  #readReactions(thread: string): Record<string, string[]> {
    try {
      const saved: unknown = JSON.parse(this.#storage?.getItem(REACTIONS + encodeURIComponent(thread)) ?? '{}');
      if (!isRecord(saved)) return {};
      const valid = Object.entries(saved).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((id) => typeof id === 'string'));
      return Object.fromEntries(valid);
    } catch (error) {
      storageFailure(error);
      return {};
    }
  }

  #ensure(thread: string): void {
    if (!this.#restored.has(thread)) this.#restore(thread);
  }

  /** Another tab (or widget) posted, changed or reacted: show its comments and counts here too. */
  #onMessage = (event: MessageEvent<{thread?: unknown; commentId?: unknown}>): void => {
    const {thread, commentId} = event.data ?? {};
    if (typeof thread !== 'string' || !this.#restored.has(thread)) return;
    if (typeof commentId === 'string') this.syncReactions(thread, commentId, this.#readReactions(thread)[commentId] ?? []);
    else this.announce(thread, this.#restore(thread));
  };

  /** Tells the other tabs; the channel stays open only while someone here listens. */
  #tell(message: {thread: string; commentId?: string}): void {
    const channel = this.#broadcast();
    channel?.postMessage(message);
    if (this.#subscribers === 0) {
      channel?.close();
      this.#channel = undefined;
    }
  }

  /** The channel to the other tabs, opened on first use. (A method: the minifier assumes getters have no effects.) */
  #broadcast(): BroadcastChannel | undefined {
    if (!this.#channel && typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#channel.onmessage = this.#onMessage;
    }
    return this.#channel;
  }

  override async load(request: LoadRequest): Promise<CommentPage> {
    this.#ensure(request.thread);
    this.#ensureViewer();
    return super.load(request);
  }

  override async locate(request: LocateRequest): Promise<unknown[]> {
    this.#ensure(request.thread);
    return super.locate(request);
  }

  /** Other tabs are listened to while someone here is subscribed. */
  override subscribe(thread: string, onUpdate: (update: LiveUpdate) => void): () => void {
    this.#ensure(thread);
    const unsubscribe = super.subscribe(thread, onUpdate);
    this.#subscribers++;
    this.#broadcast();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      unsubscribe();
      if (--this.#subscribers === 0) {
        this.#channel?.close();
        this.#channel = undefined;
      }
    };
  }

  #readReports(): StoredReport[] {
    try {
      const saved: unknown = JSON.parse(this.#storage?.getItem(REPORTS) ?? '[]');
      return (Array.isArray(saved) ? saved : []).map(readStoredReport).filter((report) => report !== undefined);
    } catch (error) {
      storageFailure(error);
      return [];
    }
  }

  /** Reports made on this device earlier (or in another tab): a retry of one gets its first receipt. */
  #restoreReports(): void {
    for (const report of this.#readReports()) this.keepReport(report);
  }

  override async report(request: ReportRequest): Promise<ReportReceipt> {
    this.#ensure(request.thread);
    this.#restoreReports();
    const receipt = await super.report(request);
    const saved = this.#readReports();
    const stored = super.reports(request.thread).find((report) => report.idempotencyKey === request.idempotencyKey);
    if (stored && !saved.some((report) => report.thread === stored.thread && report.idempotencyKey === stored.idempotencyKey)) {
      try {
        this.#storage?.setItem(REPORTS, JSON.stringify([...saved, stored].slice(-MAX_REPORTS)));
      } catch (error) {
        // Storage full or blocked: the report stays for this visit only.
        storageFailure(error);
        console.warn('article-comments: could not keep the report in browser storage', error);
      }
    }
    return receipt;
  }

  /** The reports made in this browser, also on earlier visits and in other tabs. */
  override reports(thread?: string): StoredReport[] {
    this.#restoreReports();
    return super.reports(thread);
  }

  override async post(request: PostRequest): Promise<unknown> {
    this.#ensure(request.thread);
    this.#ensureViewer();
    const answer = await super.post(request);
    const record = clean(answer);
    const id = readId(isRecord(record) ? record.id : undefined);
    const saved = this.#read(request.thread).filter((entry) => entry.idempotencyKey !== request.idempotencyKey);
    saved.push({record, idempotencyKey: request.idempotencyKey, notifyTo: id === undefined ? undefined : this.stored(request.thread, id)?.notifyTo});
    try {
      this.#storage?.setItem(this.#key(request.thread), JSON.stringify(saved.slice(-this.#limit)));
      this.#tell({thread: request.thread});
    } catch (error) {
      // Storage full or blocked: the comment stays for this visit only.
      storageFailure(error);
      console.warn('article-comments: could not keep the comment in browser storage', error);
    }
    return answer;
  }

  /** Keeps what an edit, deletion, undo or notification change made of a comment posted on this device, for later visits and other tabs. */
  async #keep(thread: string, commentId: string, change: Promise<unknown>): Promise<unknown> {
    this.#ensure(thread);
    const answer = await change;
    const now = this.stored(thread, commentId);
    const saved = this.#read(thread);
    const entry = saved.find((each) => readId(isRecord(each.record) ? each.record.id : undefined) === commentId);
    if (now && entry) {
      entry.record = now.record;
      entry.notifyTo = now.notifyTo;
      entry.owner = now.owner;
      entry.deleted = now.deleted;
      try {
        this.#storage?.setItem(this.#key(thread), JSON.stringify(saved));
        this.#tell({thread});
      } catch (error) {
        storageFailure(error);
        console.warn('article-comments: could not keep the change in browser storage', error);
      }
    }
    return answer;
  }

  override edit(request: EditRequest): Promise<unknown> {
    this.#ensure(request.thread);
    return this.#keep(request.thread, request.commentId, super.edit(request));
  }

  override delete(request: DeleteRequest): Promise<unknown> {
    this.#ensure(request.thread);
    return this.#keep(request.thread, request.commentId, super.delete(request));
  }

  override restore(request: DeleteRequest): Promise<unknown> {
    this.#ensure(request.thread);
    return this.#keep(request.thread, request.commentId, super.restore(request));
  }

  override notify(request: NotifyRequest): Promise<unknown> {
    this.#ensure(request.thread);
    return this.#keep(request.thread, request.commentId, super.notify(request));
  }

  /** Keeps the reaction in storage, where other tabs and later visits find it (with theirs). */
  override async react(request: ReactRequest): Promise<ReactionState> {
    const {thread, commentId} = request;
    this.#ensure(thread);
    // What other tabs stored since: the answer counts their readers too.
    const stored = this.#readReactions(thread)[commentId];
    if (stored) this.syncReactions(thread, commentId, stored);
    const state = await super.react(request);
    const readers = this.reactionsOf(thread, commentId);
    if (JSON.stringify(stored ?? []) === JSON.stringify(readers)) return state;
    const saved = this.#readReactions(thread);
    if (readers.length) saved[commentId] = readers;
    else delete saved[commentId];
    try {
      this.#storage?.setItem(REACTIONS + encodeURIComponent(thread), JSON.stringify(saved));
      this.#tell({thread, commentId});
    } catch (error) {
      // Storage full or blocked: the reaction stays for this visit only.
      storageFailure(error);
      console.warn('article-comments: could not keep the reaction in browser storage', error);
    }
    return state;
  }

  override async counts(request: CountsRequest): Promise<Record<string, number>> {
    for (const thread of request.threads) this.#ensure(thread);
    return super.counts(request);
  }
}
