/**
 * The reports an adapter without a server keeps (memory, browser storage):
 * checked like the report form checks them, stored once per idempotency key,
 * and listed for the publisher, who has no other way to read them.
 */
import type {IllegalContentNotice, ReportReceipt, ReportRequest} from './adapter.js';
import {isRecord} from '../model/is-record.js';
import {furtherUrls, isValidReport, parseReceipt, REPORT_REASONS, validateReport} from '../model/report.js';
import {ValidationError} from './errors.js';

/** A report as kept: the request (without its signal) and the receipt given for it. */
export interface StoredReport extends Omit<ReportRequest, 'signal'>, ReportReceipt {}

const slot = (thread: string, key: string) => `${thread}\u0000${key}`;
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

export class ReportBook {
  #reports: StoredReport[] = [];
  #byKey = new Map<string, StoredReport>();

  /** The report stored earlier with this idempotency key, if any. */
  find(thread: string, idempotencyKey: string): StoredReport | undefined {
    return this.#byKey.get(slot(thread, idempotencyKey));
  }

  /** Checks `request` (throwing `ValidationError`) and stores it with `receipt`. */
  receive(request: ReportRequest, receipt: ReportReceipt): StoredReport {
    const errors = validateReport(request);
    if (!isValidReport(errors)) throw new ValidationError(errors, 'The report was rejected.');
    const report = normalized(request, receipt);
    this.add(report);
    return report;
  }

  /** Keeps a report stored elsewhere (another tab, an earlier visit); false if its key is known. */
  add(report: StoredReport): boolean {
    const key = slot(report.thread, report.idempotencyKey);
    if (this.#byKey.has(key)) return false;
    this.#byKey.set(key, report);
    this.#reports.push(report);
    return true;
  }

  /** Copies of the reports, oldest first; of one discussion, or of all. */
  list(thread?: string): StoredReport[] {
    return structuredClone(this.#reports.filter((report) => thread === undefined || report.thread === thread));
  }
}
