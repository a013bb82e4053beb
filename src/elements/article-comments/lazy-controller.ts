/**
 * `loading="lazy"`: the element loads nothing until it comes within about
 * 1,200 px of the viewport, or a link leads to it (`#comment-ID`,
 * `#kommentare`, its own id; also when the fragment changes later, as a
 * click on a `<comment-count>` does), or focus moves into it. Until then
 * the element shows its skeleton, which keeps the space the discussion will
 * take (article-comments.styles.ts). Once started it stays started.
 *
 * One observer for every lazy element on the page (as relative-time-element
 * keeps one for its timers): each element is watched only while it is
 * connected and waiting, so a removed element leaves nothing behind.
 */
import type {ReactiveController, ReactiveElement} from 'lit';
import {commentIdFromHash} from './permalink.js';

export interface LazyHost extends ReactiveElement {
  loading: 'eager' | 'lazy';
}

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

/** Whether the page's fragment leads to this discussion. */
function linked(host: Element): boolean {
  const hash = location.hash;
  return commentIdFromHash(hash) !== null || hash === '#kommentare' || (host.id !== '' && hash.slice(1) === host.id);
}

export class LazyController implements ReactiveController {
  #started = false;
  #host: LazyHost;

  constructor(host: LazyHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Whether the element may load: it is eager, or near, or linked to. Asked
   * at each update (SourceController), so `loading` set just after the
   * element was added counts, and a lazy one starts being watched. (A
   * method, not a getter: it has effects, see rollup.config.mjs.)
   */
  mayLoad(): boolean {
    if (!this.#started && (this.#host.loading !== 'lazy' || linked(this.#host))) {
      this.#started = true;
      this.#unwatch();
    }
    this.#watch();
    return this.#started;
  }

  hostConnected(): void {
    this.#watch();
  }

  hostDisconnected(): void {
    this.#unwatch();
  }

  #start = (): void => {
    if (this.#started) return;
    this.#started = true;
    this.#unwatch();
    this.#host.requestUpdate();
  };

  #onHashChange = (): void => {
    if (linked(this.#host)) this.#start();
  };

  #watch(): void {
    const host = this.#host;
    if (this.#started || waiting.has(host) || host.loading !== 'lazy' || !host.isConnected) return;
    if (linked(host)) return this.#start();
    waiting.set(host, this.#start);
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) waiting.get(entry.target)?.();
      },
      {rootMargin: '1200px 0px'}
    );
    observer.observe(host);
    addEventListener('hashchange', this.#onHashChange);
    // A screen reader or the keyboard may reach the heading or a button without scrolling.
    host.addEventListener('focusin', this.#start);
  }

  #unwatch(): void {
    const host = this.#host;
    if (!waiting.delete(host)) return;
    observer?.unobserve(host);
    removeEventListener('hashchange', this.#onHashChange);
    host.removeEventListener('focusin', this.#start);
  }
}
