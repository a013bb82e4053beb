/**
 * Which parts of a shadow root the browser skips right now: subtrees with
 * `content-visibility: auto` that are far off screen (threads past the
 * tenth, replies past the tenth of a list). The browser says so with a
 * `contentvisibilityautostatechange` event on each such element; a time
 * inside one need not be rewritten on every tick, nobody sees it. It is
 * rewritten once its subtree is shown again (scrolled near, focused, found
 * by find-in-page), before it is painted.
 *
 * Where the event never comes (an engine without it), nothing counts as
 * skipped and every time is rewritten on its tick, as before. An element
 * that stops being skippable without the event (it became a permalink's
 * target, focus moved in, it moved into the first ten) is checked against
 * its computed style when asked, once per task, and no longer counts.
 */

const skipped = new WeakSet<Element>();
const waiting = new WeakMap<Element, Set<() => void>>();
const watched = new WeakSet<Node>();

type StateEvent = Event & {skipped?: boolean};

function onStateChange(event: Event): void {
  const element = event.target as Element;
  if ((event as StateEvent).skipped) {
    skipped.add(element);
    return;
  }
  skipped.delete(element);
  const callbacks = waiting.get(element);
  if (!callbacks) return;
  waiting.delete(element);
  for (const callback of callbacks) callback();
}

/** Starts listening in `root` (a shadow root; once per root). */
export function watchSkippedContent(root: Node): void {
  if (watched.has(root)) return;
  watched.add(root);
  // The event does not bubble; a capture listener on the root sees it for every element inside.
  root.addEventListener('contentvisibilityautostatechange', onStateChange, {capture: true});
}

/** Elements found still skippable in this task (a tick asks about many times under one thread). */
const confirmed = new Set<Element>();

function stillSkipped(element: Element): boolean {
  if (confirmed.has(element)) return true;
  if (!element.isConnected || getComputedStyle(element).getPropertyValue('content-visibility') !== 'auto') {
    skipped.delete(element);
    return false;
  }
  if (!confirmed.size) queueMicrotask(() => confirmed.clear());
  confirmed.add(element);
  return true;
}

/** The nearest ancestor of `node` (within its root) the browser skips now, if any. */
export function skippedAncestor(node: Node): Element | null {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (skipped.has(element) && stillSkipped(element)) return element;
  }
  return null;
}

/** Calls `callback` once `container` is shown again; returns a function that cancels it. */
export function whenShown(container: Element, callback: () => void): () => void {
  let callbacks = waiting.get(container);
  if (!callbacks) waiting.set(container, (callbacks = new Set()));
  callbacks.add(callback);
  return () => callbacks.delete(callback);
}
