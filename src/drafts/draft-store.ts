/**
 * Keeps what a reader is typing in the browser, per discussion and parent,
 * so a reload, a crash or a failed post never loses it (a report, per
 * discussion and comment: report-drafts.ts), and the reader's name.
 *
 * Storage can be missing or full (private windows, quotas, sandboxed
 * iframes): every call swallows those failures (and drafts that are not
 * JSON) and the composer keeps working from memory. Anything else is a bug
 * and is thrown on. Reading a draft alone is saved-draft.ts.
 */
import {DRAFT_PREFIX, MAX_AGE, draftKey, expected, isDraft, readDraft, storage, type Draft} from './saved-draft.js';

export {draftKey, type Draft};

/** Report drafts have their own prefix: a composer's draft and a report never read each other. */
export const REPORT_PREFIX = 'article-comments:report-draft:v1:';
const NAME_KEY = 'article-comments:name';

let pruned = false;

/** On a page's first read of a draft or report draft: drafts untouched for 30 days go. */
export function pruneOnce(now: number): void {
  if (pruned) return;
  pruned = true;
  pruneDrafts(now);
}

/** The saved draft, unless it is older than 30 days (then it is removed, with any other stale ones). */
export function loadDraft(thread: string, parentId: string | null, now = Date.now()): Draft | undefined {
  pruneOnce(now);
  return readDraft(thread, parentId, now);
}

/** Saves the draft; an empty one (no text, no quote) is removed instead. */
export function saveDraft(thread: string, parentId: string | null, draft: Draft): void {
  const store = storage();
  if (!store) return;
  const key = draftKey(thread, parentId);
  try {
    if (draft.body.trim() === '' && !draft.quote) {
      store.removeItem(key);
      return;
    }
    store.setItem(key, JSON.stringify(draft));
  } catch (error) {
    expected(error);
    // Quota exceeded: try once more after dropping stale drafts.
    pruneDrafts(draft.savedAt);
    try {
      store.setItem(key, JSON.stringify(draft));
    } catch (error) {
      // Still full: the draft lives in the form only.
      expected(error);
    }
  }
}

export function removeDraft(thread: string, parentId: string | null): void {
  try {
    storage()?.removeItem(draftKey(thread, parentId));
  } catch (error) {
    // Nothing to do without storage.
    expected(error);
  }
}

/** A report draft as far as pruning needs to know (report-drafts.ts reads the rest). */
function isSaved(value: unknown): value is {idempotencyKey: string; savedAt: number} {
  const draft = value as {idempotencyKey: unknown; savedAt: unknown} | null;
  return typeof draft === 'object' && draft !== null && typeof draft.idempotencyKey === 'string' && typeof draft.savedAt === 'number';
}

/** Removes drafts (and report drafts) older than 30 days, or that are not drafts. */
export function pruneDrafts(now: number): void {
  const store = storage();
  if (!store) return;
  try {
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      const check = key?.startsWith(DRAFT_PREFIX) ? isDraft : key?.startsWith(REPORT_PREFIX) ? isSaved : undefined;
      if (!key || !check) continue;
      const draft = (() => {
        try {
          return JSON.parse(store.getItem(key) ?? '');
        } catch (error) {
          expected(error);
          return undefined;
        }
      })();
      if (!check(draft) || now - draft.savedAt > MAX_AGE) store.removeItem(key);
    }
  } catch (error) {
    // Storage went away while pruning.
    expected(error);
  }
}

/** The name the reader used last time, on any discussion. */
export function loadName(): string {
  try {
    return storage()?.getItem(NAME_KEY) ?? '';
  } catch (error) {
    expected(error);
    return '';
  }
}

export function saveName(name: string): void {
  try {
    if (name.trim()) storage()?.setItem(NAME_KEY, name.trim());
  } catch (error) {
    // Remembering the name is a convenience only.
    expected(error);
  }
}
