/** What the conformance checks share: failing with a message, waiting, reading records without trusting them. */
import type {Comment} from '../model/comment.js';
import {isRecord} from '../model/is-record.js';
import {parseComments, readId} from '../model/parse.js';

export class ConformanceError extends Error {
  override name = 'ConformanceError';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new ConformanceError('expected the call to fail, but it succeeded');
}

/** A field of a record an adapter returned, read without trusting the record's shape. */
export const field = (record: unknown, name: string): unknown => (isRecord(record) ? record[name] : undefined);
export const idOf = (record: unknown) => readId(field(record, 'id'));

/** The comment a returned record stands for, checked the way the widget checks it. */
export function checked(record: unknown, what: string): Comment {
  const {comments, errors} = parseComments([record]);
  check(comments.length === 1, `${what} is not a comment record: ${JSON.stringify(record)}`);
  check(errors.length === 0, `${what} does not pass the widget’s check: ${errors.map((e) => e.message).join('; ')}`);
  return comments[0];
}

let sequence = 0;
export const key = () => `conformance-${Date.now().toString(36)}-${sequence++}`;
