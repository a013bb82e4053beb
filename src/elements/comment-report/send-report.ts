/**
 * Sending one report through an adapter, and what a failure means for the
 * dialog: the German message (everything typed is always kept, and the
 * message says so once, unless the comment is gone), messages at
 * the fields a backend rejected, and whether the next try must be a new
 * request.
 */
import type {CommentAdapter, ReportReceipt, ReportRequest} from '../../adapters/adapter.js';
import {AdapterError, UnexpectedResponseError, ValidationError, toAdapterError} from '../../adapters/errors.js';
import {isOffline} from '../../i18n/errors.js';
import {de} from '../../i18n/de.js';
import type {ReadingWords, ReportDialogWords} from '../../i18n/locale.js';
import {reportDialogText, reportErrorMessage} from '../../i18n/report-dialog.js';
import {parseReceipt, type ReportField, type ReportFieldErrors} from '../../model/report.js';

const FIELDS: readonly ReportField[] = ['reason', 'details', 'urls', 'name', 'email', 'goodFaith'];

export interface ReportFailure {
  error: AdapterError;
  message: string;
  /** Messages for the dialog's fields, when the backend rejected those. */
  fieldErrors?: ReportFieldErrors;
  /**
   * A definite "no" (rejected, comment gone, discussion closed) will not
   * change on a retry of the same idempotency key.
   */
  newKey: boolean;
}

export type ReportOutcome = {receipt: ReportReceipt} | {failure: ReportFailure};

/** Whether the adapter takes reports at all. */
export function takesReports(adapter: CommentAdapter | undefined): adapter is CommentAdapter & Required<Pick<CommentAdapter, 'report'>> {
  return typeof adapter?.report === 'function' && adapter.capabilities?.report === true;
}

/** Sends the report; the backend's answer is untrusted until `parseReceipt` has read it. */
export async function submitReport(
  adapter: CommentAdapter & Required<Pick<CommentAdapter, 'report'>>,
  request: ReportRequest,
  now: () => number,
  words?: ReportWords
): Promise<ReportOutcome> {
  try {
    const receipt = parseReceipt(await adapter.report(request));
    if (!receipt) throw new UnexpectedResponseError('The answer to the report is not a receipt with an id and receivedAt.');
    return {receipt};
  } catch (caught) {
    return {failure: describeReportFailure(toAdapterError(caught), now(), words)};
  }
}

/** The words a failure is told in: the dialog's and the discussion's (errors that read the same as for a comment). */
export interface ReportWords {
  dialog: ReportDialogWords;
  reading: ReadingWords;
}

export function describeReportFailure(error: AdapterError, now: number, words: ReportWords = {dialog: reportDialogText, reading: de}): ReportFailure {
  let detail: string | undefined;
  let fieldErrors: ReportFieldErrors | undefined;
  if (ValidationError.is(error)) {
    fieldErrors = {};
    for (const [field, message] of Object.entries(error.fieldErrors)) {
      if (!message) continue;
      if ((FIELDS as readonly string[]).includes(field)) fieldErrors[field as ReportField] = message;
      // A message for the whole report (or a field the dialog does not have) goes above the buttons.
      else detail ??= message;
    }
  }
  return {
    error,
    // The offline message says itself that the report stays; for a comment that is gone it need not.
    message:
      detail === undefined && (isOffline(error) || error.kind === 'not-found')
        ? reportErrorMessage(error, now, words.dialog, words.reading)
        : `${detail ?? reportErrorMessage(error, now, words.dialog, words.reading)} ${words.dialog.keptText}`,
    fieldErrors,
    newKey: error.kind === 'invalid' || error.kind === 'closed' || error.kind === 'not-found',
  };
}
