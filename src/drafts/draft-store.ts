/**
 * Keeps what a reader is typing in the browser, per discussion and parent
 * (and a report, per discussion and comment), so a reload, a crash or a
 * failed post never loses it.
 *
 * Storage can be missing or full (private windows, quotas, sandboxed
 * iframes): every call swallows those failures (and drafts that are not
 * JSON) and the composer keeps working from memory. Anything else is a bug
 * and is thrown on.
 */
import type {Quote} from '../model/comment.js';
import {readReason, type ReportForm} from '../model/report-form.js';

export interface Draft {
  body: string;
  quote: Quote | null;
  /** Stays the same across retries of this draft, so a backend stores it once. */
  idempotencyKey: string;
  /** Epoch ms of the last change. */
  savedAt: number;
}

const PREFIX = 'article-comments:draft:v1:';
/** Report drafts have their own prefix: a composer's draft and a report never read each other. */
const REPORT_PREFIX = 'article-comments:report-draft:v1:';
const NAME_KEY = 'article-comments:name';
/** Drafts untouched for this long are forgotten. */
const MAX_AGE = 30 * 24 * 60 * 60 * 1000;

/** Storage blocked (SecurityError), full (QuotaExceededError), or a draft that is not JSON: expected. */
function expected(error: unknown): void {
  if (!(error instanceof DOMException || error instanceof SyntaxError)) throw error;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch (error) {
    expected(error);
    return undefined;
  }
}

export function draftKey(thread: string, parentId: string | null): string {
  return `${PREFIX}${encodeURIComponent(thread)}:${parentId === null ? '' : encodeURIComponent(parentId)}`;
}

function isDraft(value: unknown): value is Draft {
  const draft = value as Draft;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.body === 'string' &&
    typeof draft.idempotencyKey === 'string' &&
    typeof draft.savedAt === 'number'
  );
}

let pruned = false;

/** The saved draft, unless it is older than 30 days (then it is removed, with any other stale ones). */
export function loadDraft(thread: string, parentId: string | null, now = Date.now()): Draft | undefined {
  if (!pruned) {
    pruned = true;
    pruneDrafts(now);
  }
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

/** Removes drafts (and report drafts) older than 30 days, or that are not drafts. */
export function pruneDrafts(now: number): void {
  const store = storage();
  if (!store) return;
  try {
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      const check = key?.startsWith(PREFIX) ? isDraft : key?.startsWith(REPORT_PREFIX) ? isReportDraft : undefined;
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

/** What a reader typed into the report dialog for one comment, and the key its retries share. */
export interface ReportDraft extends ReportForm {
  /** Stays the same across retries of this report, so a backend stores it once. */
  idempotencyKey: string;
  /** Epoch ms of the last change. */
  savedAt: number;
}

export function reportDraftKey(thread: string, commentId: string): string {
  return `${REPORT_PREFIX}${encodeURIComponent(thread)}:${encodeURIComponent(commentId)}`;
}

function isReportDraft(value: unknown): value is ReportDraft {
  const draft = value as ReportDraft;
  return typeof draft === 'object' && draft !== null && typeof draft.idempotencyKey === 'string' && typeof draft.savedAt === 'number';
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The saved report draft of a comment, unless it is older than 30 days; fields that are not what they should be read as empty. */
export function loadReportDraft(thread: string, commentId: string, now = Date.now()): ReportDraft | undefined {
  if (!pruned) {
    pruned = true;
    pruneDrafts(now);
  }
  try {
    const raw = storage()?.getItem(reportDraftKey(thread, commentId));
    if (!raw) return undefined;
    const draft: unknown = JSON.parse(raw);
    if (!isReportDraft(draft) || now - draft.savedAt > MAX_AGE) return undefined;
    return {
      reason: readReason(draft.reason),
      details: textOf(draft.details),
      urls: textOf(draft.urls),
      name: textOf(draft.name),
      email: textOf(draft.email),
      childAbuse: draft.childAbuse === true,
      goodFaith: draft.goodFaith === true,
      idempotencyKey: draft.idempotencyKey,
      savedAt: draft.savedAt,
    };
  } catch (error) {
    expected(error);
    return undefined;
  }
}

/** Saves the report draft; `empty` (nothing given yet) removes it instead. */
export function saveReportDraft(thread: string, commentId: string, draft: ReportDraft, empty: boolean): void {
  const store = storage();
  if (!store) return;
  const key = reportDraftKey(thread, commentId);
  try {
    if (empty) store.removeItem(key);
    else store.setItem(key, JSON.stringify(draft));
  } catch (error) {
    expected(error);
    // Full: drop stale drafts and try once more; else the report lives in the dialog only.
    pruneDrafts(draft.savedAt);
    try {
      if (!empty) store.setItem(key, JSON.stringify(draft));
    } catch (error) {
      expected(error);
    }
  }
}

export function removeReportDraft(thread: string, commentId: string): void {
  try {
    storage()?.removeItem(reportDraftKey(thread, commentId));
  } catch (error) {
    // Nothing to do without storage.
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
