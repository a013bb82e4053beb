/**
 * Reading a composer's saved draft: all the discussion needs to know whether
 * a draft is waiting (then the composer opens at once, with it). Writing,
 * pruning, report drafts and the reader's name are draft-store.ts, which
 * comes with the forms.
 *
 * Storage can be missing or full (private windows, quotas, sandboxed
 * iframes), or hold what is not JSON: expected, and read as "no draft".
 * Anything else is a bug and is thrown on.
 */
import type {Quote} from '../model/comment.js';
import {expected, storage} from './safe-storage.js';

export {expected, storage};

export interface Draft {
  body: string;
  quote: Quote | null;
  /** Stays the same across retries of this draft, so a backend stores it once. */
  idempotencyKey: string;
  /** Epoch ms of the last change. */
  savedAt: number;
}

export const DRAFT_PREFIX = 'article-comments:draft:v1:';
/** Drafts untouched for this long are forgotten. */
export const MAX_AGE = 30 * 24 * 60 * 60 * 1000;


export function draftKey(thread: string, parentId: string | null): string {
  return `${DRAFT_PREFIX}${encodeURIComponent(thread)}:${parentId === null ? '' : encodeURIComponent(parentId)}`;
}

export function isDraft(value: unknown): value is Draft {
  const draft = value as Draft;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.body === 'string' &&
    typeof draft.idempotencyKey === 'string' &&
    typeof draft.savedAt === 'number'
  );
}

/** The saved draft, unless it is older than 30 days. */
export function readDraft(thread: string, parentId: string | null, now = Date.now()): Draft | undefined {
  try {
    const raw = storage()?.getItem(draftKey(thread, parentId));
    if (!raw) return undefined;
    const draft: unknown = JSON.parse(raw);
    if (!isDraft(draft) || now - draft.savedAt > MAX_AGE) return undefined;
    const quote = draft.quote;
    const validQuote = quote && typeof quote.text === 'string' && typeof quote.source === 'string' ? quote : null;
    return {...draft, quote: validQuote};
  } catch (error) {
    expected(error);
    return undefined;
  }
}
