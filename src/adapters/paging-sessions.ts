/**
 * Offset paging without repeats, for backends that page by page number
 * (Waline): a new comment or a changed count shifts such pages, so a later
 * page can repeat a comment sent before. Each paging session (named in the
 * cursor) remembers the top-level comments it sent, and the adapter drops
 * them when they come again. A comment a shift skipped cannot be seen.
 */
import {randomId} from './random-id.js';

/** Sessions kept: one a reader left long ago pages on without the check. */
const KEEP = 20;

export class PagingSessions {
  #sessions = new Map<string, Set<string>>();

  /** The session a cursor names (a new one for the first page, `name` undefined) and the ids it sent. */
  open(name: string | undefined): {name: string; sent: Set<string>} {
    const session = name ?? randomId();
    const sent = this.#sessions.get(session) ?? new Set<string>();
    this.#sessions.delete(session);
    this.#sessions.set(session, sent);
    if (this.#sessions.size > KEEP) this.#sessions.delete(this.#sessions.keys().next().value!);
    return {name: session, sent};
  }
}
