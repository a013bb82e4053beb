/**
 * The adapter an `<article-comments>` uses without an `adapter` property:
 * REST when `src` is set, else the discussion embedded as JSON inside the
 * element, served from memory or from browser storage.
 *
 * The memory adapter is always there; REST and browser storage are loaded on
 * demand (see parts.ts), so until one has arrived there is no adapter yet and
 * the element shows that it is loading; it is asked to update once it is in.
 */
import type {CommentAdapter, LoadRequest} from '../../adapters/adapter.js';
import {AbortedError, NetworkError} from '../../adapters/errors.js';
import {MemoryAdapter} from '../../adapters/memory-adapter.js';
import type {CommentDataError} from '../../model/errors.js';
import {loadBrowserStorage, loadRest} from '../../parts.js';
import type {Clock} from '../../time/clock.js';
import {readInlineDiscussion, type InlineDiscussion} from './inline-discussion.js';

export interface DefaultAdapterSettings {
  src: string;
  storage: 'memory' | 'local';
  pollInterval: number;
  thread: string;
  clock: Clock;
}

type Host = Element & {requestUpdate(): void};

export class DefaultAdapter {
  #inline: InlineDiscussion | undefined;
  #built: {key: string; adapter: CommentAdapter} | undefined;
  /** The settings whose adapter is being loaded. */
  #loading: string | undefined;
  /** The settings asked for last: an adapter loaded for others arrives too late and is dropped. */
  #wanted: string | undefined;
  #waitingForParser = false;
  #host: Host;
  #report: (errors: readonly CommentDataError[]) => void;

  constructor(host: Host, report: (errors: readonly CommentDataError[]) => void) {
    this.#host = host;
    this.#report = report;
  }

  /**
   * The adapter for these settings (the same object while they stay), or
   * undefined while the page is still parsing the inline JSON or the
   * adapter's file is on its way.
   */
  get(settings: DefaultAdapterSettings): CommentAdapter | undefined {
    const key = settings.src ? `rest ${settings.src} ${settings.pollInterval}` : `${settings.storage} ${settings.thread}`;
    this.#wanted = key;
    if (this.#built?.key === key) return this.#built.adapter;
    if (settings.src) {
      this.#load(key, async () => {
        const {RestAdapter} = await loadRest();
        return new RestAdapter({baseUrl: settings.src, pollInterval: settings.pollInterval});
      });
      return undefined;
    }
    this.#inline ??= readInlineDiscussion(this.#host);
    if (!this.#inline) {
      // The parser may still be adding the element's children: wait for it.
      if (!this.#waitingForParser) {
        this.#waitingForParser = true;
        document.addEventListener('DOMContentLoaded', () => this.#host.requestUpdate(), {once: true});
      }
      return undefined;
    }
    const discussions = {[settings.thread]: this.#inline.records};
    const options = {clock: settings.clock};
    const inline = this.#inline;
    if (settings.storage === 'local') {
      this.#load(key, async () => {
        const {BrowserStorageAdapter} = await loadBrowserStorage();
        this.#report(inline.errors);
        return new BrowserStorageAdapter(discussions, options);
      });
      return undefined;
    }
    this.#report(inline.errors);
    return this.#use(key, new MemoryAdapter(discussions, options));
  }

  /** An adapter loaded for `key`: used if those are still the settings, and the element asked to update (if it is in the page). */
  #arrived(key: string, adapter: CommentAdapter): void {
    if (this.#wanted !== key) return;
    this.#use(key, adapter);
    if (this.#host.isConnected) this.#host.requestUpdate();
  }

  #use(key: string, adapter: CommentAdapter): CommentAdapter {
    this.#built = {key, adapter};
    return adapter;
  }

  /** Builds the adapter once its file is in, then has the element ask again. */
  #load(key: string, build: () => Promise<CommentAdapter>): void {
    if (this.#loading === key) return;
    this.#loading = key;
    const settle = (adapter: CommentAdapter) => {
      if (this.#loading !== key) return;
      this.#loading = undefined;
      this.#arrived(key, adapter);
    };
    build().then(settle, (error: unknown) => {
      // Its file did not arrive (offline, a blocked request): the discussion shows a network failure.
      console.warn('<article-comments>: a part of the widget could not be loaded.', error);
      settle(this.#unavailable(key, build));
    });
  }

  /**
   * Stands in for an adapter whose file did not arrive: loading fails as a
   * network failure, and each retry ("Erneut versuchen") fetches the file
   * again; once it is in, the real adapter takes over.
   */
  #unavailable(key: string, build: () => Promise<CommentAdapter>): CommentAdapter {
    const fail = () => Promise.reject(new NetworkError('A part of the widget could not be loaded.'));
    let retry = false;
    return {
      load: ({signal}: LoadRequest) => {
        if (!retry) {
          retry = true;
          return fail();
        }
        return build().then((adapter) => {
          this.#arrived(key, adapter);
          // The element moves on to the real adapter, which aborts this load.
          return new Promise<never>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new AbortedError()), {once: true}));
        }, fail);
      },
      post: fail,
    };
  }
}
