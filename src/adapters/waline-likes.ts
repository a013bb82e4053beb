/**
 * Which comments a reader liked on a Waline server, kept in this browser.
 *
 * Waline counts likes without knowing who gave them (`PUT /api/comment/:id`
 * with `{like: true}` adds one, `{like: false}` takes one away), so the
 * adapter remembers the likes itself, per server and reader id: to say
 * `reacted`, and to make a repeated like a no-op. Clearing the site's data
 * forgets them (the likes stay counted on the server). Calls for one comment
 * wait for each other, so two quick clicks never both reach the server.
 */
import {expected} from '../drafts/safe-storage.js';

const PREFIX = 'article-comments:waline-likes:v1:';
/** Likes kept per server and reader; the oldest are forgotten beyond it. */
const KEEP = 2000;


export class WalineLikes {
  #server: string;
  /** For readers whose likes cannot be stored: kept for this page. */
  #memory = new Map<string, string[]>();
  #queues = new Map<string, Promise<unknown>>();

  constructor(server: string) {
    this.#server = server;
  }

  #key(reader: string): string {
    return `${PREFIX}${encodeURIComponent(this.#server)}:${encodeURIComponent(reader)}`;
  }

  #read(reader: string): string[] {
    try {
      const saved: unknown = JSON.parse(globalThis.localStorage?.getItem(this.#key(reader)) ?? 'null');
      if (Array.isArray(saved)) return saved.filter((id): id is string => typeof id === 'string');
    } catch (error) {
      expected(error);
    }
    return this.#memory.get(reader) ?? [];
  }

  liked(reader: string | undefined, commentId: string): boolean {
    return reader !== undefined && reader !== '' && this.#read(reader).includes(commentId);
  }

  set(reader: string, commentId: string, liked: boolean): void {
    const ids = this.#read(reader).filter((id) => id !== commentId);
    if (liked) ids.push(commentId);
    const kept = ids.slice(-KEEP);
    this.#memory.set(reader, kept);
    try {
      globalThis.localStorage?.setItem(this.#key(reader), JSON.stringify(kept));
    } catch (error) {
      expected(error);
    }
  }

  /** Runs `task` once every earlier task for the same comment has settled. */
  queue<T>(commentId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(commentId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined
    );
    this.#queues.set(commentId, settled);
    void settled.then(() => {
      if (this.#queues.get(commentId) === settled) this.#queues.delete(commentId);
    });
    return next;
  }
}
