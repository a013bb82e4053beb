/**
 * `<comment-count>`: "6 Kommentare" beside an article's teaser, linking to
 * its discussion. A plain custom element without Lit, so a page that only
 * lists articles loads a file of under 3 KB (`dist/comment-count.min.js`).
 */
import type {CommentAdapter} from '../../adapters/adapter.js';
import {commentCountText} from '../../i18n/count.js';
import {loadCatalogue, localeTag, onLocalesChanged, requestedTag} from '../../i18n/locale.js';
import {watch} from './count-batch.js';

/** The link to the article's discussion: `href` with the fragment `#kommentare`; only http(s) and relative URLs. */
export function discussionLink(href: string | null): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  try {
    // The same parser (and base) the link will use.
    const {protocol} = new URL(value, document.baseURI);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
  } catch {
    // Not a URL at all.
    return undefined;
  }
  return `${value.split('#')[0]}#kommentare`;
}

/** HTMLElement, or on a server (no DOM) a stand-in, so importing the package there does not fail. */
const Base: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement);

/**
 * Shows how many comments an article has ("Noch keine Kommentare",
 * "1 Kommentar", "1.234 Kommentare") as a link to its discussion.
 *
 * It renders into its light DOM (a plain `<a>`, so the page's link styles
 * apply: style it as `comment-count a`), keeps what the element holds until
 * the count arrives (write a fallback such as "Kommentare" inside, so
 * nothing jumps) and keeps it if the count cannot be loaded. Every
 * `<comment-count>` with the same `src` on the page is counted in one
 * request (`GET {src}/counts?thread=…`).
 *
 * @summary The number of comments of an article, as a link to its discussion.
 */
export class CommentCount extends Base {
  static observedAttributes = ['thread', 'src', 'href', 'live', 'poll-interval', 'locale'];

  /** The words of the count in the element's language; null while that language loads. */
  #words: ((count: number) => string) | null = commentCountText;
  #language = '';
  #unsubscribe: (() => void) | undefined;

  #adapter: CommentAdapter | undefined;
  #count: number | undefined;
  #stop: (() => void) | undefined;

  /**
   * The discussion's id (as `thread` of its `<article-comments>`). Required.
   * @attr thread
   */
  get thread(): string {
    return this.getAttribute('thread') ?? '';
  }
  set thread(value: string) {
    this.setAttribute('thread', value);
  }

  /**
   * Base URL of a backend that speaks the REST contract (docs/rest-api.md).
   * @attr src
   */
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  set src(value: string) {
    this.setAttribute('src', value);
  }

  /**
   * The article's URL; the count links to it with `#kommentare` (an existing fragment is replaced). Only http(s) and relative URLs; without one the count is plain text.
   * @attr href
   */
  get href(): string {
    return this.getAttribute('href') ?? '';
  }
  set href(value: string) {
    this.setAttribute('href', value);
  }

  /**
   * Keeps the count current: with `src`, every element of the page asks together every `poll-interval` ms while the tab is visible; with an `adapter`, through its live updates.
   * @attr live
   */
  get live(): boolean {
    return this.hasAttribute('live');
  }
  set live(value: boolean) {
    this.toggleAttribute('live', value);
  }

  /**
   * With `live` and `src`: milliseconds between checks (default 60,000; at least 1,000).
   * @attr poll-interval
   */
  get pollInterval(): number {
    const value = Number(this.getAttribute('poll-interval'));
    return Number.isFinite(value) && value > 0 ? value : 60_000;
  }
  set pollInterval(value: number) {
    this.setAttribute('poll-interval', String(value));
  }

  /**
   * The language: `de-DE`, `de-AT`, `de-CH`, `en` or one added with `defineLocale()`. Default: the
   * nearest `lang`, else `de-DE` (docs/locales.md).
   * @attr locale
   */
  get locale(): string {
    return this.getAttribute('locale') ?? '';
  }
  set locale(value: string) {
    this.setAttribute('locale', value);
  }

  /** The backend, instead of `src`: counted with `counts()` (one call for the page where `capabilities.counts`), else one `load()` per discussion. */
  get adapter(): CommentAdapter | undefined {
    return this.#adapter;
  }
  set adapter(value: CommentAdapter | undefined) {
    this.#adapter = value;
    this.#start();
  }

  /** The count shown, once it arrived. */
  get count(): number | undefined {
    return this.#count;
  }

  connectedCallback(): void {
    // A language defined later (a publisher's script after this file) is looked up again.
    this.#unsubscribe ??= onLocalesChanged(() => this.#findLanguage(true));
    this.#findLanguage();
    this.#start();
  }

  /** `locale`, else the nearest `lang`, else German (see docs/locales.md); another language loads on demand. */
  #findLanguage(force = false): void {
    const language = localeTag(requestedTag(this, this.getAttribute('locale') ?? ''));
    if (language === this.#language && !force) return;
    this.#language = language;
    const loading = loadCatalogue(language);
    if (!loading) {
      this.#words = commentCountText;
      this.#render();
      return;
    }
    this.#words = null;
    loading.then(
      (catalogue) => {
        if (this.#language !== language) return;
        this.#words = catalogue.count;
        this.#render();
      },
      () => {
        // Its file did not arrive: German rather than nothing.
        if (this.#language !== language) return;
        this.#words = commentCountText;
        this.#render();
      }
    );
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stop?.();
    this.#stop = undefined;
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after) return;
    if (name === 'href') this.#render();
    else if (name === 'locale') this.#findLanguage();
    else this.#start();
  }

  #start(): void {
    this.#stop?.();
    this.#stop = undefined;
    const source = this.#adapter ?? this.src;
    if (!this.isConnected || !this.thread || !source) return;
    this.#stop = watch(source, {
      thread: this.thread,
      live: this.live,
      pollInterval: this.pollInterval,
      show: (count) => {
        this.#count = count;
        this.dataset.count = String(count);
        this.#render();
      },
    });
  }

  /** No innerHTML: built node by node (strict CSP, Trusted Types). */
  #render(): void {
    if (this.#count === undefined || !this.#words) return;
    const href = discussionLink(this.getAttribute('href'));
    const node = document.createElement(href ? 'a' : 'span');
    if (href) node.setAttribute('href', href);
    node.textContent = this.#words(this.#count);
    this.replaceChildren(node);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-count': CommentCount;
  }
}
