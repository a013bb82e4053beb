/**
 * The signed-in reader on a Waline server (see waline-adapter.ts): Waline's
 * own accounts, identified by the token its login gives (`POST /api/token`
 * answers it; a JWT of the user's id, signed with the server's JWT_TOKEN,
 * without an expiry). The publisher's page hands the adapter that token, or
 * a function that reads it, and the adapter sends it as
 * `Authorization: Bearer …`.
 *
 * `GET /api/token` answers the user the token belongs to, or `{}` when it
 * belongs to nobody (a wrong token, a token of another server, a user who
 * was deleted or banned): Waline never refuses a bad token, it serves the
 * request as for a reader who is not signed in. So a bad token gives the
 * viewer null here, not an error.
 *
 * One request per token: a discussion's first page asks again (a user may
 * have been renamed or banned since), its later pages reuse the answer.
 * Waline pushes nothing, so `watch` looks again when the token the page
 * gives changes: when the tab becomes visible, when another tab changes
 * `localStorage` (Waline's own client keeps its user there), or when the
 * page calls `refresh()` after its login or logout.
 */
import type {Viewer} from './adapter.js';
import type {HttpClient} from './http.js';
import {isRecord} from '../model/is-record.js';
import {readId} from '../model/parse.js';
import {parseViewer, sameViewer} from '../model/viewer.js';
import {unwrap} from './waline-records.js';

/** The signed-in user's Waline token, or a function that reads it (null or '' when nobody is signed in). */
export type WalineToken = string | (() => string | null | undefined | Promise<string | null | undefined>);

/** A Waline user (`GET /api/token`'s `data`) as our `Viewer`: null for `{}` (no user). */
export function walineViewer(user: unknown): Viewer | null {
  if (!isRecord(user)) return null;
  const id = readId(user.objectId);
  if (id === undefined) return null;
  return (
    parseViewer({
      id,
      name: typeof user.display_name === 'string' ? user.display_name : '',
      // Waline's user types: administrator, guest (and verify:…, banned, which never get this far).
      role: user.type === 'administrator' ? 'staff' : 'reader',
      email: user.email,
    }) ?? null
  );
}

export class WalineAccounts {
  #server: string;
  #http: HttpClient;
  #token: WalineToken | undefined;
  /** The last answer, for the token it was asked with. */
  #known: {token: string | null; viewer: Promise<Viewer | null>} | undefined;
  /** The viewer last told (undefined: not known yet). */
  #current: Viewer | null | undefined;
  #watchers = new Set<(viewer: unknown) => void>();
  #stopListening: (() => void) | undefined;

  constructor(server: string, http: HttpClient, token: WalineToken | undefined) {
    this.#server = server;
    this.#http = http;
    this.#token = token;
  }

  /** Whether the publisher gave a token (or a way to read one). */
  get configured(): boolean {
    return this.#token !== undefined;
  }

  /** The viewer as last known: undefined before the first answer. */
  get current(): Viewer | null | undefined {
    return this.#current;
  }

  /** The token the page gives now (null: nobody signed in). */
  async token(): Promise<string | null> {
    const given = typeof this.#token === 'function' ? await this.#token() : this.#token;
    return typeof given === 'string' && given.trim() !== '' ? given.trim() : null;
  }

  /**
   * The viewer for the page's token now: asked of Waline when the token is
   * new or `fresh`, else the last answer. Tells the watchers if it changed.
   */
  async viewer({fresh = false, signal}: {fresh?: boolean; signal?: AbortSignal} = {}): Promise<Viewer | null> {
    const token = await this.token();
    if (token === null) {
      this.#known = {token, viewer: Promise.resolve(null)};
      return this.#settle(null);
    }
    if (fresh || this.#known?.token !== token) {
      const viewer = this.#ask(token, signal);
      this.#known = {token, viewer};
      // A failed question is asked again next time.
      viewer.catch(() => {
        if (this.#known?.viewer === viewer) this.#known = undefined;
      });
    }
    return this.#settle(await this.#known!.viewer);
  }

  async #ask(token: string, signal?: AbortSignal): Promise<Viewer | null> {
    const answer = await this.#http.json(`${this.#server}/api/token`, {headers: {Authorization: `Bearer ${token}`}, signal});
    return walineViewer(unwrap(answer));
  }

  #settle(viewer: Viewer | null): Viewer | null {
    const before = this.#current;
    this.#current = viewer;
    if (before !== undefined && !sameViewer(before, viewer)) for (const watcher of [...this.#watchers]) watcher(viewer && {...viewer});
    return viewer;
  }

  /** Asks Waline again (after the page's login or logout); watchers hear of a change. */
  refresh(): Promise<Viewer | null> {
    return this.viewer({fresh: true});
  }

  /** Looks again when the page's token may have changed: the tab comes back, another tab changed storage. */
  watch(onChange: (viewer: unknown) => void): () => void {
    this.#watchers.add(onChange);
    if (!this.#stopListening && typeof window !== 'undefined' && typeof this.#token === 'function') {
      const look = () => {
        // Only a changed token costs a request (see viewer()); a failure waits for the next look.
        if (typeof document === 'undefined' || document.visibilityState !== 'hidden') this.viewer().catch(() => undefined);
      };
      document.addEventListener('visibilitychange', look);
      window.addEventListener('storage', look);
      this.#stopListening = () => {
        document.removeEventListener('visibilitychange', look);
        window.removeEventListener('storage', look);
      };
    }
    return () => {
      this.#watchers.delete(onChange);
      if (this.#watchers.size === 0) {
        this.#stopListening?.();
        this.#stopListening = undefined;
      }
    };
  }
}
