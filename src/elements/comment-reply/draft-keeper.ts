/**
 * The composer's draft in storage: which discussion and parent it belongs
 * to, and the idempotency key that every retry of this one draft carries
 * (a backend then stores it once, however often the reader presses "Senden").
 */
import {randomId} from '../../adapters/memory-adapter.js';
import {loadDraft, removeDraft, saveDraft} from '../../drafts/draft-store.js';
import type {Quote} from '../../model/comment.js';

export interface RestoredDraft {
  body: string;
  quote: Quote | null;
}

export class DraftKeeper {
  idempotencyKey = randomId('k');
  #loadedKey: string | undefined;

  /**
   * For the form's discussion and parent: the saved draft when they changed
   * and one is saved; null when they changed to ones without a draft (after
   * the first); undefined when nothing changed.
   */
  restore(thread: string, parentId: string | null, now: number): RestoredDraft | null | undefined {
    const key = `${thread}\u0000${parentId ?? ''}`;
    if (key === this.#loadedKey) return undefined;
    const first = this.#loadedKey === undefined;
    this.#loadedKey = key;
    const draft = loadDraft(thread, parentId, now);
    if (draft) {
      this.idempotencyKey = draft.idempotencyKey;
      return {body: draft.body, quote: draft.quote};
    }
    if (first) return undefined;
    this.renewKey();
    return null;
  }

  save(thread: string, parentId: string | null, body: string, quote: Quote | null, now: number): void {
    saveDraft(thread, parentId, {body, quote, idempotencyKey: this.idempotencyKey, savedAt: now});
  }

  /** Stored: the draft goes, the next one is a new request. */
  posted(thread: string, parentId: string | null): void {
    removeDraft(thread, parentId);
    this.renewKey();
  }

  renewKey(): void {
    this.idempotencyKey = randomId('k');
  }
}
