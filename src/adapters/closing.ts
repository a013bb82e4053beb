/**
 * When a discussion held by an adapter without a server (memory, browser
 * storage) is closed: by the publisher (`closed`), or from a moment on
 * (`closesAt`).
 */
import {parseDate} from '../model/parse.js';
import type {DiscussionInfo} from './adapter.js';

/** How a discussion closes: `DiscussionInfo`'s `closed`, `closedMessage` and `closesAt` (and its `mode`, set alongside). */
export type Closing = Pick<DiscussionInfo, 'closed' | 'closedMessage' | 'closesAt' | 'mode'>;

/** A developer's closing settings, checked: a `closesAt` that is no date would never close. */
export function checkedClosing(thread: string, closing: Closing): Closing {
  if (closing.closesAt !== undefined && parseDate(closing.closesAt) === undefined) {
    throw new RangeError(`closesAt of "${thread}" is not an ISO 8601 date: ${closing.closesAt}`);
  }
  const mode = closing.mode === 'qa' ? 'qa' : undefined;
  return {closed: closing.closed === true, closedMessage: closing.closedMessage, closesAt: closing.closesAt, mode};
}

/** Closed by the publisher, or because `closesAt` has passed at `now` (epoch ms). */
export function isClosed(closing: Closing | undefined, now: number): boolean {
  const closesAt = parseDate(closing?.closesAt);
  return closing?.closed === true || (closesAt !== undefined && now >= closesAt);
}

/** What `load()` and the `discussion` live update say about a discussion. */
export function discussionInfo(closing: Closing | undefined, now: number, maxLength: number): DiscussionInfo {
  const info: DiscussionInfo = {closed: isClosed(closing, now), maxLength};
  if (closing?.closedMessage !== undefined) info.closedMessage = closing.closedMessage;
  if (closing?.closesAt !== undefined) info.closesAt = closing.closesAt;
  if (closing?.mode === 'qa') info.mode = 'qa';
  return info;
}
