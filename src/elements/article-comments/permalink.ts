/**
 * Permalinks: browsers do not scroll to an id inside a shadow root, so the
 * element follows `#comment-ID` itself, on the first load and on every
 * `hashchange`: it loads the comment if needed, unfolds the path to it,
 * waits until it is rendered, then scrolls to it, focuses and highlights it.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {AdapterError} from '../../adapters/errors.js';

const PREFIX = '#comment-';

/** The comment id in a `#comment-ID` fragment, or null. */
export function commentIdFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX) || hash.length === PREFIX.length) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length));
  } catch (error) {
    // A stray "%" in a hand-typed link: take the id as it is.
    if (!(error instanceof URIError)) throw error;
    return hash.slice(PREFIX.length);
  }
}

export interface PermalinkDeps {
  /** Loads a comment and its ancestors if needed; null when it is there. */
  ensure(id: string): Promise<AdapterError | 'not-found' | null>;
  /** Unfolds the path to a comment and marks it as the target. */
  showPath(id: string): Promise<void>;
  articleFor(id: string): HTMLElement | null;
  /** Tells the reader why the link leads nowhere. */
  failed(reason: AdapterError | 'not-found'): void;
}

/** How long a target far down a huge thread may take to be rendered. */
const RENDER_WAIT = 10_000;

export class PermalinkController implements ReactiveController {
  #ready = false;
  #settling: AbortController | undefined;
  #host: ReactiveControllerHost & Element;
  #deps: PermalinkDeps;

  constructor(host: ReactiveControllerHost & Element, deps: PermalinkDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.#onHashChange);
    this.#settling?.abort();
  }

  /** Called once the first page is shown: follows a fragment the page was opened with. */
  discussionReady(): void {
    if (this.#ready) return;
    this.#ready = true;
    this.#onHashChange();
  }

  #onHashChange = (): void => {
    if (!this.#ready) return;
    const id = commentIdFromHash(location.hash);
    if (id !== null) void this.reveal(id);
  };

  /** Expands the path to a comment, scrolls it into view, focuses and highlights it. */
  async reveal(id: string): Promise<boolean> {
    this.#settling?.abort();
    const settling = (this.#settling = new AbortController());
    const problem = await this.#deps.ensure(id);
    if (problem) {
      this.#deps.failed(problem);
      return false;
    }
    await this.#deps.showPath(id);
    const article = await this.#rendered(id, settling.signal);
    if (!article) return false;
    article.focus({preventScroll: true});
    const inView = () => {
      const top = article.getBoundingClientRect().top;
      return top >= 0 && top <= innerHeight / 2;
    };
    if (inView()) return true;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    article.scrollIntoView({block: 'start', behavior: smooth ? 'smooth' : 'auto'});
    // Threads above that were skipped (content-visibility) take their real size once near:
    // when this scroll has ended, land on the target again if it moved. A later reveal, the
    // element leaving the page, or two seconds without a scroll end cancel that.
    const settle = () => {
      if (settling.signal.aborted) return;
      settling.abort();
      if (!inView()) article.scrollIntoView({block: 'start'});
    };
    if (smooth && 'onscrollend' in window) {
      addEventListener('scrollend', settle, {once: true, signal: settling.signal});
      setTimeout(() => settling.abort(), 2000);
    } else if (smooth) {
      // No scrollend (WebKit): settle once scrolling has been quiet for a moment.
      let quiet = setTimeout(settle, 200);
      addEventListener('scroll', () => (clearTimeout(quiet), (quiet = setTimeout(settle, 150))), {signal: settling.signal});
      setTimeout(() => settling.abort(), 2000);
    } else {
      requestAnimationFrame(() => requestAnimationFrame(settle));
    }
    return true;
  }

  /** The target's article once a step of rendering has put it into the DOM. */
  async #rendered(id: string, signal: AbortSignal): Promise<HTMLElement | null> {
    const deadline = performance.now() + RENDER_WAIT;
    for (;;) {
      const article = this.#deps.articleFor(id);
      if (article || signal.aborted || !this.#host.isConnected || performance.now() > deadline) return article;
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  }
}
