/**
 * Whether a reader's report of a comment may be sent, as plain functions
 * shared by the report form and the adapters that check reports themselves
 * (memory, browser storage). The reference server applies the same rules
 * (server/report-rules.mjs).
 *
 * Reasons other than `illegal` need nothing but the reason; `details` is then
 * the optional "Zusätzliche Informationen". `illegal` makes the report a
 * notice under the Digital Services Act, Art. 16(2): an explanation, the
 * comment's permalink and up to five further links, the reporter's name and
 * e-mail address (optional when the report concerns child sexual abuse), and
 * a confirmation in good faith.
 */
import type {IllegalContentNotice, ReportReason} from '../adapters/adapter.js';
import type {ReportRuleWords} from '../i18n/locale.js';
import {reportMessages} from '../i18n/report.js';
import {isRecord} from './is-record.js';
import {characterCount, safeHref} from './text.js';

export {parseReceipt} from './receipt.js';

export const REPORT_REASONS: readonly ReportReason[] = ['offensive', 'spam', 'misinformation', 'netiquette', 'illegal'];
/** The optional "Zusätzliche Informationen", in characters (code points). */
export const REPORT_DETAILS_MAX = 500;
/** The required explanation of an illegal-content notice, in characters (code points). */
export const ILLEGAL_EXPLANATION_MAX = 1000;
/** Links besides the comment's permalink in an illegal-content notice. */
export const MAX_FURTHER_URLS = 5;

/** The fields of the report form; the keys of per-field messages. */
export type ReportField = 'reason' | 'details' | 'urls' | 'name' | 'email' | 'goodFaith';

/** German messages per field; an empty object means the report may be sent. */
export type ReportFieldErrors = Partial<Record<ReportField, string>>;

/** What the form holds: a `ReportRequest` fits, and so does a form with no reason chosen yet. */
export interface ReportInput {
  reason: ReportReason | '' | null;
  details: string;
  notice: IllegalContentNotice | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A string field of data that may come from plain JavaScript: anything else counts as empty. */
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** (`URL.canParse` is missing before Safari 17.) */
function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** The further links a reader filled in: trimmed, empty fields left out. */
export function furtherUrls(notice: IllegalContentNotice | null): string[] {
  return Array.isArray(notice?.urls) ? notice.urls.map(text).filter((url) => url !== '') : [];
}

export function validateReport(report: ReportInput, words: ReportRuleWords = reportMessages): ReportFieldErrors {
  const errors: ReportFieldErrors = {};
  const illegal = report.reason === 'illegal';
  if (!REPORT_REASONS.includes(report.reason as ReportReason)) errors.reason = words.reasonMissing;
  const length = characterCount(text(report.details));
  const max = illegal ? ILLEGAL_EXPLANATION_MAX : REPORT_DETAILS_MAX;
  if (illegal && length === 0) errors.details = words.explanationMissing;
  else if (length > max) errors.details = words.tooLong(max);
  if (!illegal) return errors;

  const notice = isRecord(report.notice) ? report.notice : undefined;
  const urls = furtherUrls(report.notice);
  if (urls.length > MAX_FURTHER_URLS) errors.urls = words.tooManyUrls(MAX_FURTHER_URLS);
  else if (urls.some((url) => !safeHref(url))) errors.urls = words.urlInvalid;
  else if (!isAbsoluteUrl(text(notice?.permalink))) errors.urls = words.permalinkMissing;
  // Someone reporting depictions of child sexual abuse need not say who they are (Art. 16(2)(c)).
  const anonymous = notice?.childAbuse === true;
  const name = text(notice?.name);
  const email = text(notice?.email);
  if (!anonymous && name === '') errors.name = words.nameMissing;
  if (email === '') {
    if (!anonymous) errors.email = words.emailMissing;
  } else if (!EMAIL.test(email)) {
    errors.email = words.emailInvalid;
  }
  if (notice?.goodFaith !== true) errors.goodFaith = words.goodFaithMissing;
  return errors;
}

export function isValidReport(errors: ReportFieldErrors): boolean {
  return Object.keys(errors).length === 0;
}
