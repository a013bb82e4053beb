/**
 * The adapter for the documented REST contract (docs/rest-api.md), so a
 * publisher's backend team can implement a server from the document alone.
 */
import type {
  AdapterCapabilities,
  CommentAdapter,
  CommentPage,
  CountsRequest,
  DeleteRequest,
  EditRequest,
  LiveUpdate,
  NotifyRequest,
  LoadRequest,
  LocateRequest,
  PostRequest,
  ReactionState,
  ReactRequest,
  ReportReceipt,
  ReportRequest,
} from './adapter.js';
import {readDiscussion} from '../model/discussion-info.js';
import {isRecord} from '../model/is-record.js';
import {parseReactionState} from '../model/reactions.js';
import {AdapterError, UnexpectedResponseError} from './errors.js';
import {followEventStream} from './event-stream.js';
import {HttpClient, type HttpOptions} from './http.js';
import {poll} from './poller.js';
import {fetchCounts} from './rest-counts.js';
import {reportUnexpected} from './report-unexpected.js';

export interface RestAdapterOptions extends HttpOptions {
  /** The API's base URL, e.g. `https://comments.example.com/api`. */
  baseUrl: string;
  /**
   * How live updates arrive: `auto` (default) follows the server's event
   * stream when it offers one and polls its changes otherwise; `poll` always
   * polls; `off` disables live updates.
   */
  live?: 'auto' | 'poll' | 'off';
  /** Milliseconds between polls for changes. Default 30,000. Polling pauses while the tab is hidden. */
  pollInterval?: number;
  /** Whether the server takes reports (`POST …/comments/{id}/reports`). Default true; false for servers without the endpoint. */
  reports?: boolean;
  /** Whether the server takes reactions (`PUT …/comments/{id}/reaction`) and sorts by them (`sort=reactions`). Default true. */
  reactions?: boolean;
  /** Whether the server counts many discussions at once (`GET {base}/counts`). Default true; false: one list request per discussion. */
  counts?: boolean;
  /** Whether authors may edit their comments (`PATCH …/comments/{id}`, within each comment's `editableUntil`). Default true. */
  edit?: boolean;
  /** Whether authors may delete their comments (`DELETE …/comments/{id}`, undone with `POST …/restore`). Default true. */
  delete?: boolean;
  /** Whether posts take `notify` and `PUT …/comments/{id}/notifications` exists. Default true. */
  notifications?: boolean;
  /**
   * Whether the server says who is signed in (`GET {base}/session`): asked
   * again when the reader comes back to the tab, so a sign-in or sign-out
   * elsewhere reaches the widget. Default true.
   */
  session?: boolean;
}

interface ThreadLive {
  /** From the last list answer: where changes can be read from. */
  changeToken?: string;
  /** The discussion's facts as last told (JSON), so a repeat is not passed on as a change. */
  discussion?: string;
  /** The reader of the last list request: live changes are asked for on their behalf (`reacted`). */
  reader?: string;
  events: boolean;
  listeners: Set<(update: LiveUpdate) => void>;
  stop?: () => void;
}

/** An answer of the form `{"comments": [...]}`; the records in it are checked by the widget. */
function pageOf(body: unknown, what: string): Record<string, unknown> & {comments: unknown[]} {
  if (!isRecord(body) || !Array.isArray(body.comments)) {
    throw new UnexpectedResponseError(`${what}: expected {"comments": [...]}.`);
  }
  return body as Record<string, unknown> & {comments: unknown[]};
}

export {readDiscussion};

export class RestAdapter implements CommentAdapter {
  readonly capabilities: Partial<AdapterCapabilities>;
  #http: HttpClient;
  #base: string;
  #live = new Map<string, ThreadLive>();

  constructor(private options: RestAdapterOptions) {
    this.#http = new HttpClient(options);
    this.#base = options.baseUrl.replace(/\/+$/, '');
    const reactions = options.reactions ?? true;
    this.capabilities = {
      sorts: reactions ? ['newest', 'oldest', 'reactions'] : ['newest', 'oldest'],
      live: true,
      report: options.reports ?? true,
      reactions,
      counts: options.counts ?? true,
      edit: options.edit ?? true,
      delete: options.delete ?? true,
      notifications: options.notifications ?? true,
    };
  }

  /** `X-Reader-Id`, so the server fills `reacted` for this reader. */
  #readerHeader(reader: string | undefined): Record<string, string> {
    return reader ? {'X-Reader-Id': reader} : {};
  }

  #url(thread: string, path = '', query?: Record<string, string | number | null>): string {
    const url = new URL(`${this.#base}/threads/${encodeURIComponent(thread)}/${path}`, location.href);
    for (const [name, value] of Object.entries(query ?? {})) if (value !== null) url.searchParams.set(name, String(value));
    return url.href;
  }

  async load({thread, cursor, sort, limit, readerId, signal}: LoadRequest): Promise<CommentPage> {
    if (readerId) this.#threadLive(thread).reader = readerId;
    const url = this.#url(thread, 'comments', {sort, limit, cursor});
    const page = pageOf(await this.#http.json(url, {signal, headers: this.#readerHeader(readerId)}), 'GET comments');
    const nextCursor = page.nextCursor ?? null;
    if (nextCursor !== null && typeof nextCursor !== 'string') {
      throw new UnexpectedResponseError('GET comments: nextCursor must be a string or null.');
    }
    const discussion = readDiscussion(page.discussion);
    if (cursor === null) {
      this.#threadLive(thread).discussion = JSON.stringify(discussion);
      this.#learnLive(thread, page);
    }
    if (page.viewer !== undefined) this.#sawViewer(page.viewer);
    return {
      comments: page.comments,
      nextCursor,
      total: typeof page.total === 'number' ? page.total : undefined,
      discussion,
      viewer: page.viewer,
    };
  }

  /** A first page the publisher's server rendered: learned from as if loaded here, so live updates go on from its change token. */
  resume({thread, page, readerId}: {thread: string; page: unknown; readerId?: string}): void {
    if (!isRecord(page)) return;
    if (readerId) this.#threadLive(thread).reader = readerId;
    this.#threadLive(thread).discussion = JSON.stringify(readDiscussion(page.discussion));
    this.#learnLive(thread, page);
  }

  async post(request: PostRequest): Promise<unknown> {
    const body = await this.#http.json(this.#url(request.thread, 'comments'), {
      method: 'POST',
      headers: {'Idempotency-Key': request.idempotencyKey},
      body: {parentId: request.parentId, author: request.author, body: request.body, quote: request.quote, notify: request.notify ?? null},
      signal: request.signal,
      // Safe to send again: the server stores one comment per idempotency key.
      retry: true,
    });
    if (!isRecord(body) || !isRecord(body.comment)) throw new UnexpectedResponseError('POST comments: expected {"comment": {...}}.');
    return body.comment;
  }

  /** `{"comment": {...}}` from an answer about one comment. */
  #comment(body: unknown, what: string): unknown {
    if (!isRecord(body) || !isRecord(body.comment)) throw new UnexpectedResponseError(`${what}: expected {"comment": {...}}.`);
    return body.comment;
  }

  #commentUrl(thread: string, id: string, path = ''): string {
    return this.#url(thread, `comments/${encodeURIComponent(id)}${path}`);
  }

  /** `PATCH …/comments/{id}` with the new text and an idempotency key (so it is retried like a post). */
  async edit({thread, commentId, body, idempotencyKey, signal}: EditRequest): Promise<unknown> {
    const answer = await this.#http.json(this.#commentUrl(thread, commentId), {method: 'PATCH', headers: {'Idempotency-Key': idempotencyKey}, body: {body}, signal, retry: true});
    return this.#comment(answer, 'PATCH comment');
  }

  /** `DELETE …/comments/{id}`: deleting twice is the same as once, so it is retried. */
  async delete({thread, commentId, signal}: DeleteRequest): Promise<unknown> {
    return this.#comment(await this.#http.json(this.#commentUrl(thread, commentId), {method: 'DELETE', signal, retry: true}), 'DELETE comment');
  }

  /** `POST …/comments/{id}/restore`: restoring twice is the same as once. */
  async restore({thread, commentId, signal}: DeleteRequest): Promise<unknown> {
    return this.#comment(await this.#http.json(this.#commentUrl(thread, commentId, '/restore'), {method: 'POST', signal, retry: true}), 'POST restore');
  }

  /** `PUT …/comments/{id}/notifications` with the state wanted. */
  async notify({thread, commentId, enabled, email, signal}: NotifyRequest): Promise<unknown> {
    const answer = await this.#http.json(this.#commentUrl(thread, commentId, '/notifications'), {method: 'PUT', body: {enabled, email}, signal, retry: true});
    return this.#comment(answer, 'PUT notifications');
  }

  #viewer: string | undefined;
  #viewerWatchers = new Set<(viewer: unknown) => void>();
  #lastAsked = 0;

  /** A viewer from any answer: watchers hear of it when it differs from the last one. */
  #sawViewer(viewer: unknown): void {
    const json = JSON.stringify(viewer ?? null);
    if (json === this.#viewer) return;
    const first = this.#viewer === undefined;
    this.#viewer = json;
    if (!first) for (const watcher of this.#viewerWatchers) watcher(viewer ?? null);
  }

  /** `GET {base}/session`, when the reader comes back to the tab (at most every 2 seconds). */
  #askSession = (): void => {
    if (document.visibilityState !== 'visible' || Date.now() - this.#lastAsked < 2000) return;
    this.#lastAsked = Date.now();
    this.#http.json(`${this.#base}/session`, {}).then(
      (body) => {
        if (isRecord(body) && 'viewer' in body) this.#sawViewer(body.viewer);
      },
      // Not reachable now: the next return to the tab asks again.
      () => undefined
    );
  };

  /** Sign-ins and sign-outs elsewhere, seen when the reader returns to the tab and in every answer that names the viewer. */
  watchViewer(onChange: (viewer: unknown) => void): () => void {
    this.#viewerWatchers.add(onChange);
    const listen = this.options.session !== false && this.#viewerWatchers.size === 1;
    if (listen) {
      document.addEventListener('visibilitychange', this.#askSession);
      window.addEventListener('focus', this.#askSession);
    }
    return () => {
      if (!this.#viewerWatchers.delete(onChange) || this.#viewerWatchers.size > 0) return;
      document.removeEventListener('visibilitychange', this.#askSession);
      window.removeEventListener('focus', this.#askSession);
    };
  }

  /** `POST …/comments/{id}/reports`; the answer `{id, receivedAt}` is checked here. */
  async report(request: ReportRequest): Promise<ReportReceipt> {
    if (!this.capabilities.report) throw new AdapterError('unexpected', 'This adapter was made with reports: false.');
    const body = await this.#http.json(this.#url(request.thread, `comments/${encodeURIComponent(request.commentId)}/reports`), {
      method: 'POST',
      headers: {'Idempotency-Key': request.idempotencyKey},
      body: {reason: request.reason, details: request.details, notice: request.notice},
      signal: request.signal,
      // Safe to send again: the server stores one report per idempotency key.
      retry: true,
    });
    // Reading a receipt comes with reporting, not with reading (see parts.ts).
    const {parseReceipt} = await import('../model/receipt.js');
    const receipt = parseReceipt(body);
    if (!receipt) throw new UnexpectedResponseError('POST reports: expected {"id": …, "receivedAt": "<ISO 8601>"}.');
    return receipt;
  }

  async locate({thread, id, signal}: LocateRequest): Promise<unknown[]> {
    const headers = this.#readerHeader(this.#live.get(thread)?.reader);
    return pageOf(await this.#http.json(this.#url(thread, `comments/${encodeURIComponent(id)}`), {signal, headers}), 'GET comment').comments;
  }

  /** `PUT …/comments/{id}/reaction` with the state wanted: safe to send again, so it is retried like a read. */
  async react({thread, commentId, readerId, reacted, signal}: ReactRequest): Promise<ReactionState> {
    if (!this.capabilities.reactions) throw new AdapterError('unexpected', 'This adapter was made with reactions: false.');
    const body = await this.#http.json(this.#url(thread, `comments/${encodeURIComponent(commentId)}/reaction`), {
      method: 'PUT',
      headers: this.#readerHeader(readerId),
      body: {reacted},
      signal,
      retry: true,
    });
    const state = parseReactionState(body);
    if (!state) throw new UnexpectedResponseError('PUT reaction: expected {"reactions": <count>, "reacted": true|false}.');
    return state;
  }

  /** `GET {base}/counts` (see rest-counts.ts); with `counts: false`, one list request per thread (its `total`). */
  async counts({threads, signal}: CountsRequest): Promise<Record<string, number>> {
    if (this.capabilities.counts) return fetchCounts(this.#http, this.#base, threads, signal);
    const unique = [...new Set(threads)];
    const pages = await Promise.all(unique.map((thread) => this.load({thread, cursor: null, sort: 'newest', limit: 1, signal})));
    return Object.fromEntries(unique.flatMap((thread, i) => (pages[i].total === undefined ? [] : [[thread, pages[i].total]])));
  }

  subscribe(thread: string, onUpdate: (update: LiveUpdate) => void): () => void {
    const live = this.#threadLive(thread);
    live.listeners.add(onUpdate);
    this.#start(thread);
    return () => {
      live.listeners.delete(onUpdate);
      if (live.listeners.size === 0) {
        live.stop?.();
        live.stop = undefined;
      }
    };
  }

  #threadLive(thread: string): ThreadLive {
    let live = this.#live.get(thread);
    if (!live) {
      live = {events: false, listeners: new Set()};
      this.#live.set(thread, live);
    }
    return live;
  }

  /** The first page tells where changes are read from and whether a stream exists. */
  #learnLive(thread: string, page: Record<string, unknown>): void {
    const live = this.#threadLive(thread);
    const before = `${live.changeToken}|${live.events}`;
    if (typeof page.changeToken === 'string') live.changeToken = page.changeToken;
    live.events = isRecord(page.live) && page.live.events === true;
    if (`${live.changeToken}|${live.events}` !== before && live.stop) {
      live.stop();
      live.stop = undefined;
    }
    this.#start(thread);
  }

  #emit(thread: string, records: unknown[]): void {
    const listeners = this.#live.get(thread)?.listeners ?? new Set();
    for (const record of records) {
      if (isRecord(record)) for (const listener of listeners) listener({type: 'changed', comment: record});
    }
  }

  /** Passes on the discussion's facts when they differ from what the widget was last told. */
  #emitDiscussion(thread: string, value: unknown): void {
    const live = this.#threadLive(thread);
    const discussion = readDiscussion(value);
    const json = JSON.stringify(discussion);
    if (!isRecord(value) || json === live.discussion) return;
    live.discussion = json;
    for (const listener of live.listeners) listener({type: 'discussion', discussion: {...discussion}});
  }

  #start(thread: string): void {
    const live = this.#threadLive(thread);
    const mode = this.options.live ?? 'auto';
    if (mode === 'off' || live.stop || live.listeners.size === 0 || live.changeToken === undefined) return;
    if (mode === 'auto' && live.events) this.#stream(thread, live);
    else this.#poll(thread, live);
  }

  #stream(thread: string, live: ThreadLive): void {
    const controller = new AbortController();
    live.stop = () => controller.abort();
    followEventStream(this.#url(thread, 'events'), controller.signal, {
      // Nothing posted between the list answer and the stream opening is missed.
      lastEventId: live.changeToken,
      headers: async () => {
        const given = typeof this.options.headers === 'function' ? await this.options.headers() : this.options.headers;
        const headers = new Headers(given);
        if (live.reader) headers.set('X-Reader-Id', live.reader);
        return headers;
      },
      credentials: this.options.credentials ?? 'same-origin',
      fetch: this.options.fetch ?? fetch.bind(globalThis),
      onEvent: (event) => {
        if (event.event !== 'comment' && event.event !== 'discussion') return;
        if (event.id) live.changeToken = event.id;
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          // Not JSON: the event is skipped; a reload brings the truth.
          return;
        }
        if (event.event === 'comment') this.#emit(thread, [data]);
        else if (isRecord(data)) this.#emitDiscussion(thread, data.discussion);
      },
      onUnavailable: () => {
        live.events = false;
        live.stop = undefined;
        this.#poll(thread, live);
      },
    }).catch((error: unknown) => {
      // Not a lost connection but a bug, which reconnecting would repeat: report it and stop.
      controller.abort();
      reportUnexpected(error);
    });
  }

  /** Polls the changes feed (see poller.ts: paused while the page is hidden). */
  #poll(thread: string, live: ThreadLive): void {
    const interval = this.options.pollInterval ?? 30_000;
    if (interval <= 0) return;
    live.stop = poll(interval, async (signal) => {
      const url = this.#url(thread, 'changes', {since: live.changeToken ?? ''});
      const changes = pageOf(await this.#http.json(url, {signal, headers: this.#readerHeader(live.reader)}), 'GET changes');
      if (typeof changes.changeToken === 'string') live.changeToken = changes.changeToken;
      if (changes.viewer !== undefined) this.#sawViewer(changes.viewer);
      this.#emit(thread, changes.comments);
      if (changes.discussion !== undefined) this.#emitDiscussion(thread, changes.discussion);
    });
  }
}
