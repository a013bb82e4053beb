/**
 * What passes between the server renderer (src/server/) and the element, and
 * from the server's HTML to the browser's element.
 *
 * On the server, `renderDiscussion()` loads the first page itself and hands
 * it, with the adapter it came from, to the one element it is rendering
 * (`handOver`, taken in the element's constructor): the element renders that
 * page synchronously, as Lit's server renderer needs.
 *
 * In the browser, a page rendered by a backend (`src`) travels inside the
 * element as `<script type="application/json" data-first-page>`: the element
 * takes over the server's page and cursor from there instead of asking the
 * backend for the first page again.
 */
import type {CommentAdapter, CommentPage} from '../../adapters/adapter.js';
import {readDiscussion} from '../../model/discussion-info.js';
import type {Locale} from '../../i18n/locale.js';
import type {Clock} from '../../time/clock.js';

export interface ServerState {
  adapter: CommentAdapter;
  page: CommentPage;
  /** The article's address (permalinks); there is no `location` on the server. */
  pageUrl: string;
  /** "Now" as the server renders it. */
  clock: Clock;
  /** The language, loaded before rendering (the server renders synchronously). */
  locale?: Locale;
}

let pending: ServerState | undefined;

/** Gives `state` to the next element constructed (server rendering is synchronous: exactly the one being rendered). */
export function handOver(state: ServerState | undefined): void {
  pending = state;
}

/** The state handed over for this element, once. */
export function takeServerState(): ServerState | undefined {
  const state = pending;
  pending = undefined;
  return state;
}

export const FIRST_PAGE_SELECTOR = ':scope > script[type="application/json"][data-first-page]';

/** The first page the server rendered, if it is inside the element and readable. */
export function readFirstPage(host: Element): CommentPage | undefined {
  const script = host.querySelector(FIRST_PAGE_SELECTOR);
  if (!script) return undefined;
  try {
    const page: unknown = JSON.parse(script.textContent ?? '');
    if (page && typeof page === 'object' && Array.isArray((page as CommentPage).comments)) {
      const {comments, nextCursor, total, discussion} = page as CommentPage;
      // What else the backend put into its answer (a change token for live updates) stays: see CommentAdapter.resume.
      return {
        ...page,
        comments,
        nextCursor: typeof nextCursor === 'string' ? nextCursor : null,
        total: typeof total === 'number' ? total : undefined,
        discussion: readDiscussion(discussion),
      };
    }
  } catch {
    // Unreadable: the element asks the backend, as without server rendering.
  }
  return undefined;
}

/**
 * JSON for the inside of a `<script>` element: no text in it can end the
 * script (`</script>`), open a comment the parser honours (`<!--`), or be
 * read as markup, because every `<`, `>` and `&` is written as a JSON escape;
 * U+2028/U+2029 are escaped for old JavaScript parsers.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
