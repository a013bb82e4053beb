import type {DiscussionInfo} from '../adapters/adapter.js';
import {isRecord} from './is-record.js';
import {parseDate} from './parse.js';

/**
 * A backend's `discussion` object, checked: only the known fields with the
 * right types (closed, closedMessage, closesAt, maxLength, anonymous, mode);
 * anything else is left out, nothing throws.
 */
export function readDiscussion(value: unknown): DiscussionInfo {
  const discussion: DiscussionInfo = {};
  if (!isRecord(value)) return discussion;
  if (typeof value.closed === 'boolean') discussion.closed = value.closed;
  if (typeof value.closedMessage === 'string') discussion.closedMessage = value.closedMessage;
  if (typeof value.closesAt === 'string' && parseDate(value.closesAt) !== undefined) discussion.closesAt = value.closesAt;
  if (typeof value.maxLength === 'number') discussion.maxLength = value.maxLength;
  if (typeof value.anonymous === 'boolean') discussion.anonymous = value.anonymous;
  if (value.mode === 'qa' || value.mode === 'comments') discussion.mode = value.mode;
  if (value.loginRequired === true) discussion.loginRequired = true;
  return discussion;
}
