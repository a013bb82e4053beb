/**
 * What an `input` or `change` event in the report form changes: the form's
 * new values, and the fields whose messages no longer apply. Text fields
 * count on `input`; radio buttons and checkboxes on `change`.
 */
import type {ReportField} from '../../model/report.js';
import {readReason, type ReportForm} from '../../model/report-form.js';

export interface FormChange {
  changes: Partial<ReportForm>;
  /** Messages that go: the field's own, and those a change makes moot (optional name and e-mail). */
  clears: ReportField[];
}

export function formChange(event: Event): FormChange | undefined {
  const target = event.target as HTMLInputElement | HTMLTextAreaElement;
  const {name} = target;
  if (name === 'details' || name === 'urls' || name === 'name' || name === 'email') {
    return event.type === 'input' ? {changes: {[name]: target.value}, clears: [name]} : undefined;
  }
  if (event.type !== 'change') return undefined;
  const checked = (target as HTMLInputElement).checked;
  if (name === 'reason') return {changes: {reason: readReason(target.value)}, clears: ['reason', 'details']};
  if (name === 'childAbuse') return {changes: {childAbuse: checked}, clears: ['name', 'email']};
  if (name === 'goodFaith') return {changes: {goodFaith: checked}, clears: ['goodFaith']};
  return undefined;
}

/** Characters left at which the counter is announced: screen readers hear it near the limit, not on every key. */
const COUNTER_THRESHOLDS = [100, 20, 0, -1];

export function crossesThreshold(leftBefore: number, leftAfter: number): boolean {
  return COUNTER_THRESHOLDS.some((mark) => leftBefore > mark !== leftAfter > mark);
}
