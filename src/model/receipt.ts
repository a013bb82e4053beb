/**
 * Reading a backend's receipt for a report: apart from the rules for
 * reports (report.ts), so an adapter that only passes reports on (REST)
 * does not bring those rules to a reader who only reads.
 */
import type {ReportReceipt} from '../adapters/adapter.js';
import {isRecord} from './is-record.js';
import {parseDate, readId} from './parse.js';

/**
 * A backend's answer to `report()`, checked: a non-empty id (numbers are read
 * as strings) and an ISO 8601 `receivedAt`. Undefined when it is not one.
 */
export function parseReceipt(value: unknown): ReportReceipt | undefined {
  if (!isRecord(value)) return undefined;
  const id = readId(value.id);
  const receivedAt = value.receivedAt;
  if (id === undefined || typeof receivedAt !== 'string' || parseDate(receivedAt) === undefined) return undefined;
  return {id, receivedAt};
}
