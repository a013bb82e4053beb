/**
 * What the dialog remembers per reported comment: the reader's unfinished
 * report (in storage, so a reload keeps it, and in memory, for a browser
 * without storage), the idempotency key every retry of it carries (a backend
 * then stores it once, however often the reader sends it), and the receipt
 * once it was stored (opening the dialog again shows the confirmation).
 */
import type {ReportReceipt} from '../../adapters/adapter.js';
import {randomId} from '../../adapters/random-id.js';
import {loadReportDraft, removeReportDraft, saveReportDraft} from '../../drafts/report-drafts.js';
import {emptyReportForm, isEmptyReportForm, type ReportForm} from '../../model/report-form.js';

export interface ReportState {
  form: ReportForm;
  /** Whether `form` came back from storage (an earlier visit, a reload), with something in it. */
  restored: boolean;
  receipt: ReportReceipt | null;
}

const slot = (thread: string, commentId: string) => `${thread}\u0000${commentId}`;

export class ReportKeeper {
  #current: string | undefined;
  #keys = new Map<string, string>();
  #forms = new Map<string, ReportForm>();
  #receipts = new Map<string, ReportReceipt>();

  /**
   * The state of the comment's report when the dialog turns to another
   * comment (or is first given one); undefined when it is still the same.
   */
  restore(thread: string, commentId: string, now: number): ReportState | undefined {
    const key = slot(thread, commentId);
    if (key === this.#current) return undefined;
    this.#current = key;
    const receipt = this.#receipts.get(key) ?? null;
    const kept = this.#forms.get(key);
    if (kept || receipt) return {form: kept ?? emptyReportForm(), restored: false, receipt};
    const draft = loadReportDraft(thread, commentId, now);
    if (!draft) return {form: emptyReportForm(), restored: false, receipt};
    const {idempotencyKey, savedAt: _savedAt, ...form} = draft;
    this.#keys.set(key, idempotencyKey);
    this.#forms.set(key, form);
    return {form, restored: !isEmptyReportForm(form), receipt};
  }

  /** The key the comment's report is sent with, the same for every retry. */
  idempotencyKey(thread: string, commentId: string): string {
    const key = slot(thread, commentId);
    let idempotencyKey = this.#keys.get(key);
    if (!idempotencyKey) {
      idempotencyKey = randomId('r');
      this.#keys.set(key, idempotencyKey);
    }
    return idempotencyKey;
  }

  save(thread: string, commentId: string, form: ReportForm, now: number): void {
    const key = slot(thread, commentId);
    this.#forms.set(key, form);
    const idempotencyKey = this.idempotencyKey(thread, commentId);
    saveReportDraft(thread, commentId, {...form, idempotencyKey, savedAt: now}, isEmptyReportForm(form));
  }

  /** A definite "no" will not change on a retry of the same key: the corrected report must be a new request. */
  renewKey(thread: string, commentId: string, now: number): void {
    const key = slot(thread, commentId);
    this.#keys.delete(key);
    this.save(thread, commentId, this.#forms.get(key) ?? emptyReportForm(), now);
  }

  /** Stored: the draft goes, the receipt stays for the confirmation. */
  sent(thread: string, commentId: string, receipt: ReportReceipt): void {
    const key = slot(thread, commentId);
    this.#receipts.set(key, receipt);
    this.#forms.delete(key);
    this.#keys.delete(key);
    removeReportDraft(thread, commentId);
  }
}
