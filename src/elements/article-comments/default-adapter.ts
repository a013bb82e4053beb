/**
 * The adapter an `<article-comments>` uses without an `adapter` property:
 * REST when `src` is set, else the discussion embedded as JSON inside the
 * element, served from memory or from browser storage.
 */
import type {CommentAdapter} from '../../adapters/adapter.js';
import {BrowserStorageAdapter} from '../../adapters/browser-storage-adapter.js';
import {MemoryAdapter} from '../../adapters/memory-adapter.js';
import {RestAdapter} from '../../adapters/rest-adapter.js';
import type {CommentDataError} from '../../model/errors.js';
import type {Clock} from '../../time/clock.js';
import {readInlineDiscussion, type InlineDiscussion} from './inline-discussion.js';

export interface DefaultAdapterSettings {
  src: string;
  storage: 'memory' | 'local';
  pollInterval: number;
  thread: string;
  clock: Clock;
}

export class DefaultAdapter {
  #inline: InlineDiscussion | undefined;
  #built: {key: string; adapter: CommentAdapter} | undefined;
  #waitingForParser = false;
  #host: Element & {requestUpdate(): void};
  #report: (errors: readonly CommentDataError[]) => void;

  constructor(host: Element & {requestUpdate(): void}, report: (errors: readonly CommentDataError[]) => void) {
    this.#host = host;
    this.#report = report;
  }

  /** The adapter for these settings (the same object while they stay), or undefined while the page is still parsing the inline JSON. */
  get(settings: DefaultAdapterSettings): CommentAdapter | undefined {
    const key = settings.src ? `rest ${settings.src} ${settings.pollInterval}` : `${settings.storage} ${settings.thread}`;
    if (this.#built?.key === key) return this.#built.adapter;
    let adapter: CommentAdapter;
    if (settings.src) {
      adapter = new RestAdapter({baseUrl: settings.src, pollInterval: settings.pollInterval});
    } else {
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
      adapter =
        settings.storage === 'local' ? new BrowserStorageAdapter(discussions, options) : new MemoryAdapter(discussions, options);
      this.#report(this.#inline.errors);
    }
    this.#built = {key, adapter};
    return adapter;
  }
}
