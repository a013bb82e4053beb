import type {ReactiveController, ReactiveControllerHost} from 'lit';

const PREFIX = '#comment-';

/** The comment id in a `#comment-ID` fragment, or null. */
export function commentIdFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX) || hash.length === PREFIX.length) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return hash.slice(PREFIX.length);
  }
}

export interface PermalinkHost extends ReactiveControllerHost {
  /** Expands, scrolls to, focuses and highlights a comment; loads it first if needed. */
  reveal(id: string): Promise<boolean>;
}

/**
 * Browsers do not scroll to an id inside a shadow root, so the element
 * follows `#comment-ID` itself: on the first load and on every `hashchange`.
 */
export class PermalinkController implements ReactiveController {
  #ready = false;

  constructor(private host: PermalinkHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
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
    if (id !== null) void this.host.reveal(id);
  };
}
