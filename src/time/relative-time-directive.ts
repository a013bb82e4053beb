import {isServer, noChange, type ChildPart} from 'lit';
import {AsyncDirective, directive} from 'lit/async-directive.js';
import {isHydrating} from '../render/hydration.js';
import type {Clock} from './clock.js';
import {formatRelative, germanTime, nextChange, type TimeWords} from './relative-time.js';
import {skippedAncestor, watchSkippedContent, whenShown} from './skipped-content.js';

/**
 * Renders the relative text of a time and keeps it current.
 *
 * The directive writes only its own text node when the time changes
 * ("vor 4 Minuten" → "vor 5 Minuten"), so a tick never re-renders the thread.
 * It registers with the shared clock only while connected; a timestamp that
 * will never change again (older than a week) does not register at all. A
 * time in a part of the page the browser skips (far off screen, see
 * skipped-content.ts) waits until that part is shown again: a tick with
 * 10,000 comments on the page rewrites only the times that can be seen.
 *
 * On the server it renders the date itself ("Mittwoch, 2.12.2026, 10:15 Uhr"):
 * a page read without JavaScript (a crawler, a reader mode) never shows a
 * "vor 5 Minuten" that has long become wrong. Taking over the server's HTML,
 * the browser writes the relative text into the server's text node.
 */
const RECHECK_MS = 60_000;

class RelativeTimeDirective extends AsyncDirective {
  #date = 0;
  #clock: Clock | undefined;
  #words: TimeWords = germanTime;
  #cancel: (() => void) | undefined;
  /** The node the text is in (the `<time>` element). */
  #parent: Node | undefined;

  override update(part: ChildPart, [date, clock, words = germanTime]: [number, Clock, TimeWords?]): string {
    if (!this.#parent && part.parentNode) {
      this.#parent = part.parentNode;
      // On the first render the template is not in the page yet: listen in the rendering
      // element's shadow root, where it will be, before the browser first decides what it skips.
      const root = (part.options?.host as Element | undefined)?.shadowRoot;
      if (root) watchSkippedContent(root);
    }
    if (isHydrating()) {
      // Lit adopts the server's text node as it is, assuming it shows this value. Once Lit is
      // done, the text is written into that node (it follows the part's start marker) and the
      // time joins the clock; not if the take-over failed and the server's nodes are gone.
      this.#date = date;
      this.#clock = clock;
      this.#words = words;
      const text = formatRelative(date, clock.now(), words);
      queueMicrotask(() => {
        const start = part.startNode;
        if (!start?.isConnected || !this.isConnected) return;
        const current = this.#update_();
        const node = start.nextSibling;
        if (node instanceof Text && node !== part.endNode) node.data = current;
      });
      return text;
    }
    return this.render(date, clock, words);
  }

  render(date: number, clock: Clock, words: TimeWords = germanTime): string {
    if (isServer) return words.fullDate(date);
    if (date === this.#date && clock === this.#clock && words === this.#words && this.isConnected && this.#cancel) {
      return noChange as unknown as string;
    }
    this.#date = date;
    this.#clock = clock;
    this.#words = words;
    return this.#update_();
  }

  /** Computes the text for now and schedules the next change. */
  #update_(): string {
    this.#cancel?.();
    this.#cancel = undefined;
    const clock = this.#clock!;
    const now = clock.now();
    const next = nextChange(this.#date, now);
    if (next !== null && this.isConnected) {
      this.#cancel = clock.at(Math.max(next, now + 1), this.#refresh);
    }
    return formatRelative(this.#date, now, this.#words);
  }

  #refresh = (): void => {
    // Whichever called (the clock, the thread being shown), the other one is dropped.
    const previous = this.#cancel;
    this.#cancel = undefined;
    previous?.();
    const hidden = this.#parent && skippedAncestor(this.#parent);
    if (hidden) {
      // Rewritten when its thread is shown; asked again a minute later in case it stopped being
      // skippable without the browser saying so (skipped-content.ts).
      const clock = this.#clock!;
      const cancels = [whenShown(hidden, this.#refresh), clock.at(clock.now() + RECHECK_MS, this.#refresh)];
      this.#cancel = () => cancels.forEach((cancel) => cancel());
      return;
    }
    this.setValue(this.#update_());
  };

  protected override disconnected(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }

  protected override reconnected(): void {
    this.setValue(this.#update_());
  }
}

/**
 * `relativeTime(date, clock, words?)`: the relative text of `date` (epoch ms)
 * in `words`' language (German by default), updated by `clock` while the part
 * is connected.
 */
export const relativeTime = directive(RelativeTimeDirective);
