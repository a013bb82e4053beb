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

type Host = HTMLElement & {hasUpdated?: boolean; updateComplete?: Promise<unknown>};

let widget: Promise<unknown> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Per element, clicks on its buttons that came before it was taken over: carried out once it is. */
const pendingClicks = new Map<Host, HTMLElement[]>();

/** Loads the widget once; if its file does not arrive, the next interaction tries again. */
function loadWidget(): Promise<unknown> {
  widget ??= import('./standalone-module.js').then(
    () => {
      removeEventListener('hashchange', onHashChange);
      for (const host of serverRendered()) for (const type of WAKE_EVENTS) host.removeEventListener(type, wake);
    },
    (error: unknown) => {
      widget = undefined;
      console.warn('<article-comments>: the widget could not be loaded; it is tried again on the next interaction.', error);
    }
  );
  return widget;
}

/** Resolves once `host` has taken its server-rendered discussion over (or after half a minute). */
async function takenOver(host: Host): Promise<void> {
  for (let i = 0; i < 600 && !host.hasUpdated && host.isConnected; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  await host.updateComplete;
}

function wake(): void {
  void loadWidget();
}

/** The same button after the take-over: the server's node (kept by hydration), else found again by what it does. */
function again(host: Host, target: HTMLElement): HTMLElement | null {
  if (target.isConnected) return target;
  const {action, id} = target.dataset;
  if (!action) return null;
  const selector = `[data-action="${CSS.escape(action)}"]${id === undefined ? '' : `[data-id="${CSS.escape(id)}"]`}`;
  return host.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

/** A click on a button before its element is taken over: remembered, and done once it is. */
function onClick(event: Event): void {
  const host = event.currentTarget as Host;
  if (host.hasUpdated) return;
  const target = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.matches('button, [data-action]'));
  if (!target || target.localName === 'a') {
    void loadWidget();
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  const queue = pendingClicks.get(host) ?? [];
  if (!queue.includes(target)) queue.push(target);
  if (queue.length > 1) return;
  pendingClicks.set(host, queue);
  void loadWidget()
    .then(() => takenOver(host))
    .then(() => {
      const clicks = pendingClicks.get(host) ?? [];
      pendingClicks.delete(host);
      for (const click of clicks) again(host, click)?.click();
    });
}

function onHashChange(): void {
  if (commentIdFromHash(location.hash) !== null) void loadWidget();
}

function onVisibility(): void {
  if (document.visibilityState === 'visible') updateTimes();
  else clearTimeout(timer);
}

function serverRendered(): Host[] {
  return [...document.querySelectorAll<HTMLElement>('article-comments')].filter((host) => host.shadowRoot !== null);
}

/**
 * Rewrites each time's text (the text node Lit's markers hold, nothing else) in the elements not
 * taken over yet, and sets one timer for the next change.
 */
function updateTimes(): void {
  clearTimeout(timer);
  const now = Date.now();
  let next = Infinity;
  for (const host of serverRendered() as Host[]) {
    if (host.hasUpdated) continue;
    // German only (the words this file has): a discussion in another language keeps the server's dates
    // until the widget takes it over, with that language's words.
    const lang = host.shadowRoot!.querySelector('section')?.getAttribute('lang');
    if (lang && lang !== 'de-DE') continue;
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
