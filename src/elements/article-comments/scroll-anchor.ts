import type {ReactiveController, ReactiveElement} from 'lit';
import {queueTask} from '../../render/next-task.js';

/**
 * Keeps what the reader is reading where it is on the screen while the
 * discussion changes around it: live comments, threads rendered in steps, a
 * time that grows a line. Browsers do this for the page (CSS scroll
 * anchoring), but not in Safari, and not reliably for content inside a
 * shadow root, so the element does it for its own content in every engine
 * and opts out of the browser's (`overflow-anchor: none` on the host).
 *
 * The anchor is the reply form the reader is typing in, else the first
 * comment at the top of the viewport. Whenever the element updates or
 * changes size, the anchor's position is compared with where it was (minus
 * the reader's own scrolling since) and the page is scrolled by the
 * difference, before the browser paints.
 */
export class ScrollAnchorController implements ReactiveController {
  #host: ReactiveElement;
  #anchor: Element | null = null;
  #top = 0;
  #scrollY = 0;
  #observer: ResizeObserver | undefined;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('scroll', this.#onScroll, {passive: true});
    // After layout, before paint: restore if there is an anchor, else take the first one on screen.
    // Scrolling may resize the element once more in this frame (threads that skipped layout take
    // their real size); it is watched again from the next task, so that resize is seen then instead
    // of ending in a "ResizeObserver loop" error.
    this.#observer ??= new ResizeObserver(() => {
      this.#observer!.unobserve(this.#host);
      if (this.#anchor) this.#restore();
      else this.#remember();
      queueTask(() => this.#host.isConnected && this.#observer!.observe(this.#host));
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.#onScroll);
    this.#observer?.disconnect();
    this.#anchor = null;
  }

  /** Before the element changes: settle anything that moved since (a step of rendering). */
  hostUpdate(): void {
    if (this.#host.hasUpdated) this.#restore();
  }

  /** After it changed: put the anchor back. */
  hostUpdated(): void {
    this.#restore();
  }

  /** The focused form, if one is open in the viewport. */
  focusedForm(): Element | null {
    const root = this.#host.renderRoot as ShadowRoot;
    const active = root.activeElement;
    return active?.localName === 'comment-reply' && inViewport(active) ? active : null;
  }

  /**
   * The line above which nothing may be added without moving what the reader
   * reads (viewport pixels): the bottom of the form they type in, else the
   * top of the first comment they see. Null when the element is not on screen.
   */
  readingLine(): number | null {
    const host = this.#host.getBoundingClientRect();
    if (host.bottom <= 0 || host.top >= innerHeight) return null;
    // Measuring anyway: take the anchor now if no scroll event has yet (a page opened at a permalink).
    if (!this.#anchor) this.#remember();
    const form = this.focusedForm();
    if (form) return form.getBoundingClientRect().bottom;
    const first = this.#firstVisibleComment();
    return first ? first.getBoundingClientRect().top : null;
  }

  /**
   * The first comment whose box reaches into the viewport: found by probing
   * the point just below the viewport's top edge, else (nothing to hit there,
   * e.g. a window the engine does not hit-test) by a binary search over the
   * comments, whose boxes follow document order.
   */
  #firstVisibleComment(): Element | null {
    const root = this.#host.renderRoot as ShadowRoot;
    const host = this.#host.getBoundingClientRect();
    const x = Math.min(Math.max(host.left + Math.min(24, host.width / 2), 0), innerWidth - 1);
    for (let y = Math.max(host.top, 0) + 1; y < Math.min(host.bottom, innerHeight, Math.max(host.top, 0) + 240); y += 12) {
      const hit = root.elementFromPoint(x, y);
      if (!hit || !root.contains(hit)) continue;
      const article = hit.closest('article.comment') ?? hit.closest('li.item')?.querySelector('article.comment');
      if (article && article.getBoundingClientRect().bottom > 0) return article;
    }
    const articles = root.querySelectorAll('article.comment');
    let low = 0;
    let high = articles.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (articles[middle].getBoundingClientRect().bottom > 0) high = middle;
      else low = middle + 1;
    }
    const first = articles[low];
    return first && first.getBoundingClientRect().top < innerHeight ? first : null;
  }

  /** The reader scrolled: first settle what moved before, then take the new first comment as the anchor. */
  #onScroll = (): void => {
    this.#restore();
    this.#remember();
  };

  #remember(): void {
    const host = this.#host.getBoundingClientRect();
    const onScreen = host.bottom > 0 && host.top < innerHeight;
    this.#anchor = onScreen ? this.focusedForm() ?? this.#firstVisibleComment() : null;
    this.#top = this.#anchor?.getBoundingClientRect().top ?? 0;
    this.#scrollY = scrollY;
  }

  #restore(): void {
    const anchor = this.#anchor;
    // No anchor yet (the reader has not scrolled to the element): nothing to keep, and no
    // reason to force a layout before the browser does it anyway.
    if (!anchor) return;
    if (!anchor.isConnected) {
      this.#remember();
      return;
    }
    // Where the anchor would be if only the reader had scrolled since.
    const expected = this.#top - (scrollY - this.#scrollY);
    const delta = anchor.getBoundingClientRect().top - expected;
    if (Math.abs(delta) >= 0.5) scrollBy({top: delta, behavior: 'instant'});
    this.#top = anchor.getBoundingClientRect().top;
    this.#scrollY = scrollY;
  }
}

function inViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight;
}
