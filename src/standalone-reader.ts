/**
 * `dist/cdn/reader.js`: the script for pages whose discussion the server
 * rendered (`article-comments/server`). The discussion is in the HTML
 * already, so a reader who only reads needs almost no script: this file keeps
 * the times relative ("vor 5 Minuten", updated by one timer for the page)
 * and loads the widget (`article-comments.js`, beside it) only when the
 * reader turns to the discussion: a pointer over it, focus or a key in it,
 * a touch, or a link to a comment (`#comment-…`). The widget then takes over
 * the server's nodes (hydration): nothing is rebuilt, nothing moves, and a
 * click that came before it was ready is carried out once it is.
 *
 * A page with an element the server did not render (or a `<comment-count>`)
 * gets the widget at once, as from `article-comments.js`.
 */
import {commentIdFromHash} from './elements/article-comments/permalink.js';
import {formatRelative, nextChange} from './time/relative-time.js';

const WAKE_EVENTS = ['pointerover', 'pointerdown', 'focusin', 'keydown', 'touchstart'] as const;

let loading: Promise<unknown> | undefined;
/** The widget has taken over and carried out the clicks that waited. */
let ready = false;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Clicks that came before the widget was ready: carried out once it is. */
const pendingClicks: HTMLElement[] = [];

function loadWidget(): Promise<unknown> {
  if (loading) return loading;
  clearTimeout(timer);
  document.removeEventListener('visibilitychange', onVisibility);
  removeEventListener('hashchange', onHashChange);
  for (const host of serverRendered()) {
    for (const type of WAKE_EVENTS) host.removeEventListener(type, wake);
  }
  loading = import('./standalone-module.js').then(async () => {
    await customElements.whenDefined('article-comments');
    const hosts = serverRendered() as (HTMLElement & {updateComplete?: Promise<unknown>; hasUpdated?: boolean})[];
    // Taken over once the data is in (article-comments.ts): then the same buttons work.
    await Promise.all(hosts.map((host) => waitForUpdate(host)));
    ready = true;
    for (const host of hosts) host.removeEventListener('click', onClick, {capture: true});
    for (const target of pendingClicks.splice(0)) if (target.isConnected) target.click();
  });
  return loading;
}

async function waitForUpdate(host: HTMLElement & {updateComplete?: Promise<unknown>; hasUpdated?: boolean}): Promise<void> {
  for (let i = 0; i < 600 && !host.hasUpdated; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  await host.updateComplete;
}

function wake(): void {
  void loadWidget();
}

/** A click on a button before the widget is ready: remembered, and done once it is. */
function onClick(event: Event): void {
  if (ready) return;
  const target = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.matches('button, [data-action]'));
  if (!target || target.localName === 'a') {
    void loadWidget();
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  if (!pendingClicks.includes(target)) pendingClicks.push(target);
  void loadWidget();
}

function onHashChange(): void {
  if (commentIdFromHash(location.hash) !== null) void loadWidget();
}

function onVisibility(): void {
  if (document.visibilityState === 'visible') updateTimes();
  else clearTimeout(timer);
}

function serverRendered(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('article-comments')].filter((host) => host.shadowRoot !== null);
}

/** Rewrites each time's text (the text node Lit's markers hold, nothing else) and sets one timer for the next change. */
function updateTimes(): void {
  clearTimeout(timer);
  if (loading) return;
  const now = Date.now();
  let next = Infinity;
  for (const host of serverRendered()) {
    for (const time of host.shadowRoot!.querySelectorAll('time[datetime]')) {
      const date = Date.parse(time.getAttribute('datetime') ?? '');
      if (Number.isNaN(date)) continue;
      const text = [...time.childNodes].find((node): node is Text => node instanceof Text && node.data.trim() !== '');
      if (text) text.data = formatRelative(date, now);
      const change = nextChange(date, now);
      if (change !== null) next = Math.min(next, change);
    }
  }
  if (next !== Infinity && document.visibilityState !== 'hidden') timer = setTimeout(updateTimes, Math.max(1000, next - now));
}

function start(): void {
  const hosts = serverRendered();
  const all = document.querySelectorAll('article-comments').length;
  if (!hosts.length || hosts.length < all || document.querySelector('comment-count') || commentIdFromHash(location.hash) !== null) {
    void loadWidget();
    return;
  }
  updateTimes();
  document.addEventListener('visibilitychange', onVisibility);
  addEventListener('hashchange', onHashChange);
  for (const host of hosts) {
    for (const type of WAKE_EVENTS) host.addEventListener(type, wake, {passive: true});
    host.addEventListener('click', onClick, {capture: true});
  }
}

// A module script runs once the page is parsed: every server-rendered element is there.
start();
