/**
 * Checking a report before an adapter without a server keeps it (memory,
 * browser storage), as the report form checks it. Apart from the report
 * book, so that it comes only when a reader reports (see memory-adapter.ts).
 */
import type {IllegalContentNotice, ReportReceipt, ReportRequest} from './adapter.js';
import {isRecord} from '../model/is-record.js';
import {furtherUrls, isValidReport, parseReceipt, REPORT_REASONS, validateReport} from '../model/report.js';
import {ValidationError} from './errors.js';
import type {StoredReport} from './report-book.js';

/** Requests may come from plain JavaScript: what is not a string is kept as ''. */
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The report as kept: trimmed, empty links left out, a notice only with reason `illegal`. */
function normalized(request: Omit<ReportRequest, 'signal'>, receipt: ReportReceipt): StoredReport {
  const notice = request.reason === 'illegal' ? request.notice : null;
  return {
    thread: request.thread,
    commentId: request.commentId,
    reason: request.reason,
    details: text(request.details),
    notice: notice && {
      permalink: text(notice.permalink),
      urls: furtherUrls(notice),
      name: text(notice.name),
      email: text(notice.email),
      childAbuse: notice.childAbuse === true,
      goodFaith: notice.goodFaith === true,
    },
    idempotencyKey: request.idempotencyKey,
    id: receipt.id,
    receivedAt: receipt.receivedAt,
  };
}

function readNotice(value: unknown): IllegalContentNotice | null {
  if (!isRecord(value)) return null;
  const urls = Array.isArray(value.urls) ? value.urls.filter((url) => typeof url === 'string') : [];
  const {permalink, name, email} = value;
  return {permalink: text(permalink), urls, name: text(name), email: text(email), childAbuse: value.childAbuse === true, goodFaith: value.goodFaith === true};
}

/** A report read back from storage (unchecked), or undefined if it is not one a book would have stored. */
export function readStoredReport(value: unknown): StoredReport | undefined {
  const receipt = parseReceipt(value);
  if (!receipt || !isRecord(value)) return undefined;
  const {thread, commentId, idempotencyKey} = value;
  const reason = REPORT_REASONS.find((known) => known === value.reason);
  if (typeof thread !== 'string' || typeof commentId !== 'string' || typeof idempotencyKey !== 'string' || !reason) return undefined;
  const request = {thread, commentId, idempotencyKey, reason, details: text(value.details), notice: readNotice(value.notice)};
  return isValidReport(validateReport(request)) ? normalized(request, receipt) : undefined;
}

/** The report as it is kept, checked (throwing `ValidationError`), with `receipt`. */
export function checkedReport(request: ReportRequest, receipt: ReportReceipt): StoredReport {
  const errors = validateReport(request);
  if (!isValidReport(errors)) throw new ValidationError(errors, 'The report was rejected.');
  return normalized(request, receipt);
}
