/**
 * What a reader typed into the report dialog, per discussion and comment, so
 * a reload or a failed report never loses it; with the dialog, not with the
 * composer (the same storage rules as draft-store.ts).
 */
import {readReason, type ReportForm} from '../model/report-form.js';
import {pruneDrafts, pruneOnce, REPORT_PREFIX} from './draft-store.js';
import {expected, MAX_AGE, storage} from './saved-draft.js';

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

function isReportDraft(value: unknown): value is Partial<ReportDraft> & {idempotencyKey: string; savedAt: number} {
  const draft = value as ReportDraft;
  return typeof draft === 'object' && draft !== null && typeof draft.idempotencyKey === 'string' && typeof draft.savedAt === 'number';
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The saved report draft of a comment, unless it is older than 30 days; fields that are not what they should be read as empty. */
export function loadReportDraft(thread: string, commentId: string, now = Date.now()): ReportDraft | undefined {
  pruneOnce(now);
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

