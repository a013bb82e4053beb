/**
 * What the report dialog holds while the reader fills it in, and how that
 * becomes a report: plain functions, no DOM, shared by the dialog and its
 * draft in storage.
 *
 * One text field serves both reasons: "Zusätzliche Informationen" for most,
 * the required explanation for `illegal`. Switching the reason keeps every
 * field as typed; only what the reason needs is sent (`notice` is null
 * unless the reason is `illegal`).
 */
import type {IllegalContentNotice, ReportReason} from '../adapters/adapter.js';
import {reportMessages} from '../i18n/report.js';
import {ILLEGAL_EXPLANATION_MAX, REPORT_DETAILS_MAX, REPORT_REASONS, type ReportFieldErrors, type ReportInput} from './report.js';

export interface ReportForm {
  /** '' until the reader picks one. */
  reason: ReportReason | '';
  /** "Zusätzliche Informationen", or with `illegal` the explanation why the content is illegal. */
  details: string;
  /** Further links, one per line, as typed. */
  urls: string;
  name: string;
  email: string;
  childAbuse: boolean;
  goodFaith: boolean;
}

/** A field of the dialog as the reader sees it: the report's fields, and the comment's permalink. */
export type ReportFormField = keyof ReportFieldErrors | 'permalink';

/** The fields in the order the dialog shows them: the first with a message gets the focus. */
export const REPORT_FORM_ORDER: readonly ReportFormField[] = ['reason', 'details', 'permalink', 'urls', 'name', 'email', 'goodFaith'];

export function emptyReportForm(): ReportForm {
  return {reason: '', details: '', urls: '', name: '', email: '', childAbuse: false, goodFaith: false};
}

/** Whether the reader has given nothing yet (such a draft is not kept). */
export function isEmptyReportForm(form: ReportForm): boolean {
  return form.reason === '' && !form.childAbuse && !form.goodFaith && [form.details, form.urls, form.name, form.email].every((text) => text.trim() === '');
}

/** A reason the widget knows, else '' (drafts come from storage and may be anything). */
export function readReason(value: unknown): ReportReason | '' {
  return REPORT_REASONS.find((reason) => reason === value) ?? '';
}

/** The further links typed one per line: trimmed, blank lines left out. */
export function splitUrls(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The comment's URL as sent with a notice: `permalink` resolved against the
 * page, else the page with `#comment-ID`. What is not a URL stays as given,
 * and `validateReport` says that the link is missing.
 */
export function commentUrl(permalink: string, commentId: string, page: string): string {
  try {
    return new URL(permalink || `#comment-${encodeURIComponent(commentId)}`, page).href;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return permalink;
  }
}

/** The longest `details` the chosen reason allows. */
export function detailsLimit(reason: ReportReason | ''): number {
  return reason === 'illegal' ? ILLEGAL_EXPLANATION_MAX : REPORT_DETAILS_MAX;
}

/** The report the form describes, ready for `validateReport` and `report()`: a notice only with `illegal`. */
export function reportInput(form: ReportForm, permalink: string): ReportInput & {reason: ReportReason | ''} {
  const notice: IllegalContentNotice | null =
    form.reason === 'illegal'
      ? {
          permalink,
          urls: splitUrls(form.urls),
          name: form.name.trim(),
          email: form.email.trim(),
          childAbuse: form.childAbuse,
          goodFaith: form.goodFaith,
        }
      : null;
  return {reason: form.reason, details: form.details.trim(), notice};
}

/**
 * The message to show at each field of the dialog. `validateReport` (and a
 * server) files a missing or broken permalink under `urls`; the dialog shows
 * it at the permalink, which is where the problem is.
 */
export function messagesByField(errors: ReportFieldErrors, permalinkMissing: string = reportMessages.permalinkMissing): Partial<Record<ReportFormField, string>> {
  const {urls, ...others} = errors;
  return urls === permalinkMissing ? {...others, permalink: urls} : errors;
}

/** The first field with a message, in the order the dialog shows them. */
export function firstInvalidField(errors: ReportFieldErrors): ReportFormField | undefined {
  const messages = messagesByField(errors);
  return REPORT_FORM_ORDER.find((field) => messages[field]);
}
