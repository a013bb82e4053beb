/**
 * Which backend and settings the discussion is read from, and what a
 * `<comment-reply>` inside needs to know about it (provided through
 * `@lit/context`): the adapter (the `adapter` property, else REST from `src`,
 * else the inline JSON), the sort orders it can page by, whether it is closed.
 */
import {ContextProvider} from '@lit/context';
import {isServer, type ReactiveController, type ReactiveElement} from 'lit';
import type {CommentAdapter, CommentPage} from '../../adapters/adapter.js';
import {adapterContext, discussionContext, sameState} from '../../context.js';
import type {DiscussionController} from '../../discussion/discussion-controller.js';
import {DEFAULT_MAX_LENGTH, SORT_ORDERS, type SortOrder} from '../../model/comment.js';
import type {ReadingWords} from '../../i18n/locale.js';
import {parseDate} from '../../model/parse.js';
import {pageHref} from '../../model/text.js';
import type {Clock} from '../../time/clock.js';
import {DefaultAdapter} from './default-adapter.js';
import {readFirstPage, type ServerState} from './server-state.js';

export interface SourceHost extends ReactiveElement {
  /** The words of the element's language. */
  readonly words: ReadingWords;
  adapter?: CommentAdapter;
  src: string;
  storage: 'memory' | 'local';
  pollInterval: number;
  readonly resolvedThread: string;
  clock: Clock;
  sort: SortOrder;
  pageSize: number;
  maxLength?: number;
  closed: boolean;
  closesAt: string;
  closedMessage: string;
  netiquetteUrl: string;
  privacyUrl: string;
  loginUrl: string;
  logoutUrl: string;
  id: string;
}

/** The publisher's login or logout page with `{return}` filled in: this article, at the discussion. Relative to the page, or absolute; only http(s). */
export function withReturn(url: string, anchor: string): string {
  if (!url.trim() || isServer) return '';
  const back = `${location.href.replace(/#.*$/, '')}#${anchor || 'kommentare'}`;
  return pageHref(url.trim().replaceAll('{return}', encodeURIComponent(back))) ?? '';
}

export class SourceController implements ReactiveController {
  #closing: {at: number; cancel: () => void} | undefined;
  #host: SourceHost;
  #discussion: DiscussionController;
  #default: DefaultAdapter;
  #adapter: ContextProvider<typeof adapterContext>;
  #state: ContextProvider<typeof discussionContext>;

  #mayLoad: () => boolean;
  #server: ServerState | undefined;
  /** The first page the server rendered (server-state.ts): looked for once, used once. */
  #first: CommentPage | undefined | null = null;

  /**
   * `mayLoad`: false while a lazy element waits (lazy-controller.ts); nothing is fetched or built until then.
   * `server`: on the server, the adapter and the first page to render.
   */
  constructor(host: SourceHost, discussion: DiscussionController, mayLoad: () => boolean = () => true, server?: ServerState) {
    this.#host = host;
    this.#mayLoad = mayLoad;
    this.#server = server;
    this.#discussion = discussion;
    this.#default = new DefaultAdapter(host, (errors) => discussion.report(errors));
    this.#adapter = new ContextProvider(host, {context: adapterContext});
    this.#state = new ContextProvider(host, {context: discussionContext});
    host.addController(this);
  }

  /** The backend in use, once known. */
  get adapter(): CommentAdapter | undefined {
    return this.#adapter.value;
  }

  /** The orders the backend can page by. */
  get sorts(): readonly SortOrder[] {
    return this.adapter?.capabilities?.sorts ?? SORT_ORDERS;
  }

  /** The sort in use: the `sort` attribute if the backend offers it, else the backend's first. */
  get sort(): SortOrder {
    const sorts = this.sorts;
    return sorts.includes(this.#host.sort) ? this.#host.sort : sorts[0] ?? 'newest';
  }

  /** Closed by the attribute, by the backend, or because its closing time has passed. */
  get closed(): boolean {
    const closesAt = this.closesAt;
    return this.#host.closed || this.#discussion.info.closed === true || (closesAt !== null && closesAt <= this.#host.clock.now());
  }

  /** When the discussion closes by itself (the attribute wins over the backend), as epoch ms. */
  get closesAt(): number | null {
    return parseDate(this.#host.closesAt || this.#discussion.info.closesAt) ?? null;
  }

  get closedMessage(): string {
    return this.#host.closedMessage.trim() || this.#discussion.info.closedMessage?.trim() || this.#host.words.closed;
  }

  /** At the closing time, live: the element renders again, and the composer becomes the closed notice. */
  #scheduleClosing(): void {
    const at = this.closesAt;
    if (this.#closing?.at === at) return;
    this.#closing?.cancel();
    this.#closing = undefined;
    if (at === null || at <= this.#host.clock.now() || !this.#host.isConnected) return;
    this.#closing = {at, cancel: this.#host.clock.at(at, () => ((this.#closing = undefined), this.#host.requestUpdate()))};
  }

  hostConnected(): void {
    // Added back: whatever arrived meanwhile (an adapter's file) is taken up now.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#closing?.cancel();
    this.#closing = undefined;
  }

  /**
   * Points the discussion at the adapter and settings in use; returns the
   * load it started, if any. Not while the element is out of the page (an
   * adapter's file arriving then must not start requests or live updates
   * nothing would stop), nor while a lazy one waits.
   */
  configure(): Promise<void> | undefined {
    if (isServer) return this.#configureOnServer();
    if (!this.#host.isConnected || !this.#mayLoad()) return undefined;
    const host = this.#host;
    const adapter =
      host.adapter ??
      this.#default.get({src: host.src, storage: host.storage, pollInterval: host.pollInterval, thread: host.resolvedThread, clock: host.clock});
    if (!adapter) return undefined;
    if (this.#first === null) this.#first = readFirstPage(host);
    const first = this.#first;
    this.#first = undefined;
    if (this.#adapter.value !== adapter) {
      this.#adapter.setValue(adapter);
      if (adapter.dataErrors) this.#discussion.report(adapter.dataErrors);
    }
    return this.#discussion.configure(
      {
        adapter,
        thread: host.resolvedThread,
        sort: this.sort,
        pageSize: Math.max(1, Math.floor(host.pageSize) || 20),
      },
      first
    );
  }

  /** On the server: the adapter and page handed over, rendered at once; no requests, no timers. */
  #configureOnServer(): undefined {
    const server = this.#server;
    if (!server || this.#discussion.source) return undefined;
    this.#adapter.setValue(server.adapter);
    const host = this.#host;
    this.#discussion.configure(
      {adapter: server.adapter, thread: host.resolvedThread, sort: this.sort, pageSize: Math.max(1, Math.floor(host.pageSize) || 20)},
      server.page
    );
    return undefined;
  }

  hostUpdate(): void {
    this.configure();
    if (!isServer) this.#scheduleClosing();
    const adapter = this.adapter;
    if (!adapter) return;
    const info = this.#discussion.info;
    const host = this.#host;
    this.#state.setValue(
      sameState(this.#state.value, {
        thread: host.resolvedThread,
        closed: this.closed,
        closedMessage: this.closedMessage,
        netiquetteUrl: pageHref(host.netiquetteUrl) ?? '',
        privacyUrl: pageHref(host.privacyUrl) ?? '',
        qa: info.mode === 'qa',
        maxLength: host.maxLength ?? info.maxLength ?? adapter.capabilities?.maxLength ?? DEFAULT_MAX_LENGTH,
        requireName: !(info.anonymous ?? adapter.capabilities?.anonymous),
        clock: host.clock,
        viewer: this.#discussion.viewer,
        loginRequired: info.loginRequired === true,
        loginUrl: withReturn(host.loginUrl, host.id),
        logoutUrl: withReturn(host.logoutUrl, host.id),
        notifications: adapter.capabilities?.notifications === true,
      })
    );
  }
}
