/**
 * The reports an adapter without a server keeps (memory, browser storage):
 * stored once per idempotency key, and listed for the publisher, who has no
 * other way to read them. They are checked before (report-check.ts).
 */
import type {ReportReceipt, ReportRequest} from './adapter.js';

/** A report as kept: the request (without its signal) and the receipt given for it. */
export interface StoredReport extends Omit<ReportRequest, 'signal'>, ReportReceipt {}

const slot = (thread: string, key: string) => `${thread}\u0000${key}`;

export class ReportBook {
  #reports: StoredReport[] = [];
  #byKey = new Map<string, StoredReport>();

  /** The report stored earlier with this idempotency key, if any. */
  find(thread: string, idempotencyKey: string): StoredReport | undefined {
    return this.#byKey.get(slot(thread, idempotencyKey));
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
